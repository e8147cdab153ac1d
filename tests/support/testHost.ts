import type { HostNotification, ItemSnapshot, OfficeHost, Theme } from '../../src/office/host';

/**
 * An OfficeHost for component tests: a real implementation of the interface whose item the test
 * sets, standing in for Outlook (not for the component under test).
 */
export class TestHost implements OfficeHost {
  private item: ItemSnapshot | null;
  private readonly listeners = new Set<() => void>();
  readonly notifications: HostNotification[] = [];
  private pendingLoads: Array<() => void> = [];
  holdLoads = false;

  constructor(item: ItemSnapshot | null, private readonly language = 'en-US', private readonly colourTheme: Theme = 'light') {
    this.item = item;
  }

  /** Changes the item as Outlook does when a pinned pane's selection changes. */
  select(item: ItemSnapshot | null): void {
    this.item = item;
    this.listeners.forEach((listener) => listener());
  }

  /** Lets loads held by `holdLoads` finish, in order. */
  releaseLoads(): void {
    const pending = this.pendingLoads;
    this.pendingLoads = [];
    pending.forEach((release) => release());
  }

  currentItem(): Promise<ItemSnapshot | null> {
    const snapshot = this.item;
    if (!this.holdLoads) return Promise.resolve(snapshot);
    return new Promise((resolve) => this.pendingLoads.push(() => resolve(snapshot)));
  }
  onItemChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  onSelectionChanged(listener: () => void): () => void {
    return this.onItemChanged(listener);
  }
  selectedItems = async () => (this.item ? [{ id: this.item.id, subject: this.item.subject, kind: this.item.kind }] : []);
  notify = async (notification: HostNotification) => void this.notifications.push(notification);
  roamingSettings = { get: () => undefined, set: async () => undefined };
  displayLanguage = () => this.language;
  theme = () => this.colourTheme;
  onThemeChanged = () => () => undefined;
  readonly opened: Array<{ kind: 'message' | 'event'; id: string; webLink?: string }> = [];
  openItem = (item: { kind: 'message' | 'event'; id: string; webLink?: string }) => void this.opened.push(item);
  /** The plain-text bodies of items by id, as Outlook's body.getAsync(Text) would give them; none: unreadable. */
  readonly bodies = new Map<string, string>();
  /** How many times the pane asked for a body: read only when an organisation is about to be made. */
  bodyReads = 0;
  itemBodyText = async (): Promise<string | null> => {
    this.bodyReads++;
    return this.item ? (this.bodies.get(this.item.id) ?? null) : null;
  };
  user = () => ({ displayName: 'Aino Laine', emailAddress: 'aino.laine@seutuopisto.fi', timeZone: 'FLE Standard Time' });
}

export function message(subject: string, fromName = 'Mikko Heikkinen', fromAddress = 'mikko.heikkinen@rakennus-kallio.fi'): ItemSnapshot {
  return {
    kind: 'message',
    id: `id-${subject.length}-${subject.slice(0, 8)}`,
    officeItemId: 'ews-id',
    mailbox: null,
    subject,
    from: { name: fromName, address: fromAddress },
    to: [],
    cc: [],
    conversationId: null,
    internetMessageId: null,
    receivedAt: '2026-11-20T08:00:00Z',
  };
}

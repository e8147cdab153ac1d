import type { Client } from '@microsoft/microsoft-graph-client';
import type { HostNotification } from '../../src/office/host';
import type { GraphEvent, GraphFolder, GraphMessage } from './graphShapes';

export type CurrentItem = { kind: 'message'; message: GraphMessage } | { kind: 'appointment'; event: GraphEvent } | null;

export interface PlaygroundState {
  view: 'mail' | 'calendar';
  folders: GraphFolder[];
  /** Folder id → well-known name, for the folders that have one. */
  wellKnown: Record<string, WellKnownFolder>;
  folderId: string | null;
  messages: GraphMessage[];
  nextLink: string | null;
  loading: boolean;
  selectedIds: string[];
  current: CurrentItem;
  events: GraphEvent[];
  taskpane: { open: boolean; pinned: boolean };
  notifications: HostNotification[];
  /**
   * The add-in's last notification, kept when its item leaves the reading pane (a ribbon ASAP moves
   * it away at once), so whoever clicked can still read what happened.
   */
  lastNotification: HostNotification | null;
  /**
   * The item the add-in last opened with displayMessageForm/displayAppointmentForm (a new window in Outlook);
   * `blank` when the id named no item, where Outlook opens an empty form and reports no error.
   */
  openedForm: { kind: 'message' | 'event'; subject: string; blank: boolean } | null;
  error: string | null;
}

const LIST_SELECT = ['id', 'subject', 'from', 'receivedDateTime', 'isRead', 'bodyPreview', 'flag', 'categories', 'parentFolderId'];
const ITEM_SELECT = [...LIST_SELECT, 'body', 'toRecipients', 'ccRecipients', 'conversationId', 'internetMessageId'];
const PAGE_SIZE = 50;
/** Outlook's folder pane order; Graph returns display names in the mailbox's language, so we go by id. */
const WELL_KNOWN_ORDER = ['inbox', 'drafts', 'sentitems', 'deleteditems', 'junkemail', 'archive'] as const;
export type WellKnownFolder = (typeof WELL_KNOWN_ORDER)[number];

/**
 * The simulated Outlook's state. Everything it shows comes from the sandbox over Graph, so what
 * the add-in does to the mailbox shows up here (a message moved by ASAP leaves the Inbox).
 */
export class MailboxStore {
  private state: PlaygroundState = {
    view: 'mail',
    folders: [],
    wellKnown: {},
    folderId: null,
    messages: [],
    nextLink: null,
    loading: true,
    selectedIds: [],
    current: null,
    events: [],
    taskpane: { open: false, pinned: false },
    notifications: [],
    lastNotification: null,
    openedForm: null,
    error: null,
  };
  private readonly listeners = new Set<() => void>();
  private readonly itemChangedListeners = new Set<() => void>();
  private readonly selectionChangedListeners = new Set<() => void>();

  /** Where mail is read: the own mailbox, or (`?mailbox=` in the playground's address) a shared one opened beside it. */
  private readonly mail: string;

  constructor(
    /** Outlook's own view of the mailbox: REST ids, as Outlook's EWS ids are (no immutable-id preference). */
    private readonly graph: Client,
    private readonly now: () => Date = () => new Date(),
    /** A shared mailbox's address, as Outlook's targetMailbox; null for the user's own. */
    readonly mailbox: string | null = null,
    /** What the client allows (profiles.ts): selecting several messages; pinning the pane on an item. */
    private readonly client: { multiSelect: boolean; canPin: (item: CurrentItem) => boolean } = { multiSelect: true, canPin: () => true },
  ) {
    this.mail = mailbox ? `/users/${encodeURIComponent(mailbox)}` : '/me';
  }

  getState = (): PlaygroundState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onItemChanged(listener: () => void): () => void {
    this.itemChangedListeners.add(listener);
    return () => this.itemChangedListeners.delete(listener);
  }

  /** SelectedItemsChanged: Outlook tells an open pane of every selection change, several messages included. */
  onSelectionChanged(listener: () => void): () => void {
    this.selectionChangedListeners.add(listener);
    return () => this.selectionChangedListeners.delete(listener);
  }

  private set(patch: Partial<PlaygroundState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
      if (this.state.error) this.set({ error: null });
    } catch (error) {
      this.set({ error: error instanceof Error ? error.message : String(error), loading: false });
    }
  }

  async start(): Promise<void> {
    await this.guard(async () => {
      await this.loadWellKnownFolders();
      await this.loadFolders();
      const inboxId = Object.keys(this.state.wellKnown).find((id) => this.state.wellKnown[id] === 'inbox');
      if (inboxId) await this.selectFolder(inboxId);
    });
  }

  /** One round trip for all well-known folders' ids. */
  private async loadWellKnownFolders(): Promise<void> {
    const requests = WELL_KNOWN_ORDER.map((name, index) => ({ id: String(index), method: 'GET', url: `${this.mail}/mailFolders/${name}?$select=id` }));
    const batch = (await this.graph.api('/$batch').post({ requests })) as { responses: Array<{ id: string; status: number; body: { id: string } }> };
    const wellKnown: Record<string, WellKnownFolder> = {};
    for (const response of batch.responses) {
      if (response.status === 200) wellKnown[response.body.id] = WELL_KNOWN_ORDER[Number(response.id)]!;
    }
    this.set({ wellKnown });
  }

  async loadFolders(): Promise<void> {
    const top = (await this.graph.api(`${this.mail}/mailFolders`).top(100).get()).value as GraphFolder[];
    const children = await Promise.all(
      top
        .filter((folder) => folder.childFolderCount > 0)
        .map(async (folder) => (await this.graph.api(`${this.mail}/mailFolders/${folder.id}/childFolders`).top(100).get()).value as GraphFolder[]),
    );
    const rank = (folder: GraphFolder): number => {
      const name = this.state.wellKnown[folder.id];
      return name ? WELL_KNOWN_ORDER.indexOf(name) : WELL_KNOWN_ORDER.length;
    };
    const ordered = [...top].sort((a, b) => rank(a) - rank(b));
    const withChildren = ordered.flatMap((folder) => [folder, ...children.flat().filter((child) => child.parentFolderId === folder.id)]);
    this.set({ folders: withChildren });
  }

  async selectFolder(folderId: string): Promise<void> {
    this.set({ view: 'mail', folderId, loading: true, messages: [], nextLink: null, selectedIds: [] });
    this.setCurrent(null);
    await this.guard(() => this.loadMessages(folderId));
  }

  /** The folder's newest messages; a refresh re-reads as many as were already shown. */
  private async loadMessages(folderId: string, count = PAGE_SIZE): Promise<void> {
    const page = await this.graph
      .api(`${this.mail}/mailFolders/${folderId}/messages`)
      .select(LIST_SELECT)
      .orderby('receivedDateTime desc')
      .top(Math.min(Math.max(count, PAGE_SIZE), 1000))
      .get();
    if (this.state.folderId !== folderId) return;
    this.set({ messages: page.value as GraphMessage[], nextLink: (page['@odata.nextLink'] as string) ?? null, loading: false });
  }

  async loadMore(): Promise<void> {
    const { nextLink, folderId } = this.state;
    if (!nextLink) return;
    await this.guard(async () => {
      const page = await this.graph.api(nextLink).get();
      if (this.state.folderId !== folderId) return;
      this.set({ messages: [...this.state.messages, ...(page.value as GraphMessage[])], nextLink: page['@odata.nextLink'] ?? null });
    });
  }

  /** Click, Ctrl/Cmd+click (toggle) and Shift+click (range), as in Outlook's message list. */
  async selectMessage(id: string, requested: 'single' | 'toggle' | 'range' = 'single'): Promise<void> {
    const mode = this.client.multiSelect ? requested : 'single';
    const ids = this.state.messages.map((message) => message.id);
    let selected: string[];
    if (mode === 'toggle') {
      selected = this.state.selectedIds.includes(id) ? this.state.selectedIds.filter((x) => x !== id) : [...this.state.selectedIds, id];
    } else if (mode === 'range' && this.state.selectedIds.length > 0) {
      const anchor = ids.indexOf(this.state.selectedIds[0]!);
      const target = ids.indexOf(id);
      selected = ids.slice(Math.min(anchor, target), Math.max(anchor, target) + 1);
    } else selected = [id];
    const changed = selected.join('\n') !== this.state.selectedIds.join('\n');
    this.set({ selectedIds: selected });
    if (changed && this.state.taskpane.open) this.selectionChangedListeners.forEach((listener) => listener());
    if (selected.length !== 1) return this.setCurrent(null);
    await this.guard(async () => {
      const message = (await this.graph.api(`${this.mail}/messages/${selected[0]}`).select(ITEM_SELECT).get()) as GraphMessage;
      if (this.state.selectedIds.length !== 1 || this.state.selectedIds[0] !== message.id) return;
      this.setCurrent({ kind: 'message', message });
      if (!message.isRead) await this.markRead(message.id);
    });
  }

  private async markRead(id: string): Promise<void> {
    await this.graph.api(`${this.mail}/messages/${id}`).patch({ isRead: true });
    this.set({ messages: this.state.messages.map((m) => (m.id === id ? { ...m, isRead: true } : m)) });
    await this.loadFolders();
  }

  async showCalendar(): Promise<void> {
    this.set({ view: 'calendar', selectedIds: [], loading: true });
    this.setCurrent(null);
    await this.loadEvents();
  }

  /** Re-reads the calendar; the open meeting stays open (a refresh is not a click elsewhere). */
  private async loadEvents(): Promise<void> {
    await this.guard(async () => {
      const start = new Date(this.now().getTime() - 14 * 86_400_000);
      const end = new Date(this.now().getTime() + 28 * 86_400_000);
      const page = await this.graph
        .api('/me/calendarView')
        .query({ startDateTime: start.toISOString(), endDateTime: end.toISOString() })
        .select(['id', 'subject', 'start', 'end', 'organizer', 'attendees', 'location', 'type', 'seriesMasterId', 'bodyPreview', 'isAllDay'])
        .top(200)
        .get();
      // Sorted here: the Graph description lists no nested $orderby paths such as start/dateTime.
      const events = (page.value as GraphEvent[]).sort((a, b) => (a.start?.dateTime ?? '').localeCompare(b.start?.dateTime ?? ''));
      this.set({ events, loading: false });
    });
  }

  openEvent(id: string): void {
    const event = this.state.events.find((candidate) => candidate.id === id);
    if (event) this.setCurrent({ kind: 'appointment', event });
  }

  /**
   * Outlook's rule: a pinned pane follows the selection (ItemChanged); an unpinned one closes, and so does a
   * pinned one when the next item is one the client cannot pin on (an appointment: pinnable-taskpane.md).
   */
  private setCurrent(current: CurrentItem): void {
    const previous = this.state.current;
    if (itemKey(previous) === itemKey(current)) return;
    const follows = this.state.taskpane.pinned && (!current || this.client.canPin(current));
    const taskpane = this.state.taskpane.open && !follows ? { open: false, pinned: false } : this.state.taskpane;
    this.set({ current, notifications: [], taskpane });
    if (taskpane.open) this.itemChangedListeners.forEach((listener) => listener());
  }

  openTaskpane(): void {
    if (!this.state.taskpane.open) this.set({ taskpane: { open: true, pinned: false } });
  }

  closeTaskpane(): void {
    this.set({ taskpane: { open: false, pinned: false } });
  }

  /** Whether the open item's pane may be pinned in this client. */
  canPin(): boolean {
    return this.state.current !== null && this.client.canPin(this.state.current);
  }

  togglePin(): void {
    if (!this.state.taskpane.pinned && !this.canPin()) return;
    this.set({ taskpane: { ...this.state.taskpane, pinned: !this.state.taskpane.pinned } });
  }

  notify(notification: HostNotification): void {
    const rest = this.state.notifications.filter((existing) => existing.key !== notification.key);
    this.set({ notifications: [...rest, notification], lastNotification: notification });
  }

  /**
   * Outlook opens the item in a window of its own and the pane stays on its item; so does the playground.
   * `restId` null, or one that names no item: a blank form, and no error (office.mailbox.yml, displayMessageForm).
   */
  async openForm(kind: 'message' | 'event', restId: string | null): Promise<void> {
    const blank = { kind, subject: '', blank: true };
    if (!restId) return this.set({ openedForm: blank });
    const path = kind === 'event' ? `/me/events/${encodeURIComponent(restId)}` : `${this.mail}/messages/${encodeURIComponent(restId)}`;
    const found = await this.graph.api(path).select(['subject']).get().then(
      (item: { subject?: string }) => item,
      () => null,
    );
    this.set({ openedForm: found ? { kind, subject: found.subject ?? '', blank: false } : blank });
  }

  dismissNotification(key: string): void {
    this.set({ notifications: this.state.notifications.filter((n) => n.key !== key) });
  }

  /** Re-reads what the add-in may have changed: folder counts, the open list and the open item. */
  async refresh(): Promise<void> {
    await this.guard(async () => {
      await this.loadFolders();
      if (this.state.view === 'calendar') return this.loadEvents();
      const { folderId, current } = this.state;
      if (folderId) await this.loadMessages(folderId, this.state.messages.length);
      // Messages the add-in moved away leave the selection, as they do in Outlook.
      const listed = new Set(this.state.messages.map((m) => m.id));
      const kept = this.state.selectedIds.filter((id) => listed.has(id));
      if (kept.length !== this.state.selectedIds.length) {
        this.set({ selectedIds: kept });
        if (this.state.taskpane.open) this.selectionChangedListeners.forEach((listener) => listener());
      }
      if (current?.kind === 'message' && !listed.has(current.message.id)) this.setCurrent(null);
    });
  }
}

function itemKey(item: CurrentItem): string | null {
  if (!item) return null;
  return item.kind === 'message' ? `m:${item.message.id}` : `a:${item.event.id}`;
}

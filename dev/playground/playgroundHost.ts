import type { HostNotification, HostUser, ItemSnapshot, OfficeHost, RoamingSettings, SelectedItem, Theme } from '../../src/office/host';
import { appointmentSnapshot, messageSnapshot } from './graphShapes';
import type { MailboxStore } from './mailboxStore';

export interface PlaygroundSettings {
  language: string;
  theme: Theme;
  user: HostUser;
}

const ROAMING_KEY = 'trail-playground-roaming-settings';

/** The playground's OfficeHost: the same interface as office-js, driven by the simulated mailbox. */
export class PlaygroundHost implements OfficeHost {
  constructor(
    private readonly store: MailboxStore,
    private readonly settings: PlaygroundSettings,
    private readonly storage: Storage = window.localStorage,
  ) {}

  async currentItem(): Promise<ItemSnapshot | null> {
    const current = this.store.getState().current;
    if (!current) return null;
    return current.kind === 'message' ? messageSnapshot(current.message, this.store.mailbox) : appointmentSnapshot(current.event);
  }

  onItemChanged(listener: () => void): () => void {
    return this.store.onItemChanged(listener);
  }

  onSelectionChanged(listener: () => void): () => void {
    return this.store.onSelectionChanged(listener);
  }

  async selectedItems(): Promise<SelectedItem[]> {
    const { selectedIds, messages } = this.store.getState();
    return selectedIds.map((id) => ({ id, subject: messages.find((m) => m.id === id)?.subject ?? '', kind: 'message' as const }));
  }

  async notify(notification: HostNotification): Promise<void> {
    // Outlook cuts item notifications at 150 characters; so do we, so the playground shows what users will see.
    this.store.notify({ ...notification, message: notification.message.slice(0, 150) });
  }

  get roamingSettings(): RoamingSettings {
    const read = (): Record<string, unknown> => JSON.parse(this.storage.getItem(ROAMING_KEY) ?? '{}') as Record<string, unknown>;
    return {
      get: <T>(key: string) => read()[key] as T | undefined,
      set: async <T>(key: string, value: T) => {
        this.storage.setItem(ROAMING_KEY, JSON.stringify({ ...read(), [key]: value }));
      },
    };
  }

  displayLanguage(): string {
    return this.settings.language;
  }

  theme(): Theme {
    return this.settings.theme;
  }

  onThemeChanged(): () => void {
    return () => undefined; // the playground's theme is fixed per page load (?theme=dark)
  }

  user(): HostUser {
    return this.settings.user;
  }

  openItem(item: { kind: 'message' | 'event'; id: string }): void {
    void this.store.openForm(item);
  }
}

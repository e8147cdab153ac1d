/**
 * Everything the add-in needs from Outlook, behind one small interface. Components and commands
 * receive an OfficeHost and never touch `Office.*`; office-js is wrapped once (officeJsHost.ts),
 * and the playground supplies its own host driven by the simulated mailbox.
 */

export interface EmailAddress {
  name: string;
  address: string;
}

interface ItemBase {
  /**
   * Office's id of the item in REST form (the EWS id Office hands out, converted; mobile hands out REST
   * ids). It changes when the item moves: Trail stores and looks items up by their ItemIdentity
   * (src/domain/itemIdentity.ts), which src/services/itemIdentities.ts translates from this once per item.
   */
  id: string;
  subject: string;
  /** Office's own item id (EWS format in classic hosts), kept for Office APIs such as displayMessageForm. */
  officeItemId: string;
  /**
   * The shared mailbox (or delegate's folder owner) the item lives in, as Office names it
   * (`targetMailbox`, an SMTP address); null for the user's own mailbox. Graph reaches it at
   * `/users/{mailbox}/…`, and `id` is only meaningful there.
   */
  mailbox: string | null;
}

export interface MessageSnapshot extends ItemBase {
  kind: 'message';
  from: EmailAddress | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  conversationId: string | null;
  internetMessageId: string | null;
  receivedAt: string | null;
}

export interface AppointmentSnapshot extends ItemBase {
  kind: 'appointment';
  organizer: EmailAddress | null;
  requiredAttendees: EmailAddress[];
  optionalAttendees: EmailAddress[];
  start: string | null;
  end: string | null;
  /** Id of the series master when this is an occurrence of a recurring meeting. */
  seriesId: string | null;
  /** The series itself is open (its master), not one of its occurrences. */
  seriesMaster: boolean;
}

export type ItemSnapshot = MessageSnapshot | AppointmentSnapshot;

export interface SelectedItem {
  /** In REST form, as ItemBase.id; a selection is translated to immutable ids in one call (src/services/itemIdentities.ts). */
  id: string;
  subject: string;
  kind: 'message' | 'appointment';
}

export type NotificationKind = 'informational' | 'error' | 'progress';

export interface HostNotification {
  /** Stable key: a newer notification with the same key replaces the older one. */
  key: string;
  kind: NotificationKind;
  /** Office truncates item notifications at 150 characters. */
  message: string;
}

export type Theme = 'light' | 'dark';

export interface HostUser {
  displayName: string;
  emailAddress: string;
  timeZone: string;
}

export interface OfficeHost {
  /** The item open in the reading pane, or null when none is (a pinned pane with nothing selected). */
  currentItem(): Promise<ItemSnapshot | null>;
  /** Called when a pinned taskpane's item changes. Returns an unsubscribe function. */
  onItemChanged(listener: () => void): () => void;
  /** Messages selected in the message list (multi-select); the current item alone when unsupported. */
  selectedItems(): Promise<SelectedItem[]>;
  /**
   * Called when messages are selected or deselected (SelectedItemsChanged, Mailbox 1.13), which a
   * selection of several does without changing the item; where unsupported, on item change.
   */
  onSelectionChanged(listener: () => void): () => void;
  /** Shows a notification bar on the current item. */
  notify(notification: HostNotification): Promise<void>;
  roamingSettings: RoamingSettings;
  /** BCP 47 tag of Office's display language, e.g. `fi-FI`. */
  displayLanguage(): string;
  theme(): Theme;
  onThemeChanged(listener: (theme: Theme) => void): () => void;
  user(): HostUser;
  /**
   * Opens a message or meeting of the user's own mailbox in Outlook (displayMessageForm /
   * displayAppointmentForm), by its Graph id; where the client has no display forms (Outlook mobile),
   * its `webLink` in the browser instead.
   */
  openItem(item: { kind: 'message' | 'event'; id: string; webLink?: string }): void;
  /**
   * The open item's body as plain text (item.body.getAsync, Mailbox 1.3), or null where it cannot be
   * read. Costly on a long thread: asked only when the body is needed (an organisation's name from the
   * sender's signature), never on every item change. Absent in hosts that cannot give it.
   */
  itemBodyText?(): Promise<string | null>;
}

export interface RoamingSettings {
  get<T>(key: string): T | undefined;
  /** Saves to the mailbox; resolves when persisted. */
  set<T>(key: string, value: T): Promise<void>;
}

/** A ribbon command's completion handle (Office.AddinCommands.Event). */
export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

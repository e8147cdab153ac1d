import type {
  AppointmentSnapshot,
  EmailAddress,
  HostNotification,
  HostUser,
  ItemSnapshot,
  MessageSnapshot,
  OfficeHost,
  RoamingSettings,
  SelectedItem,
  Theme,
} from './host';

type OfficeApi = typeof Office;

/** The real host: office-js callbacks turned into promises, in one place. */
export class OfficeJsHost implements OfficeHost {
  constructor(
    private readonly office: OfficeApi,
    private readonly openUrl: (url: string) => void = (url) => void window.open(url, '_blank', 'noopener'),
  ) {}

  private get mailbox(): Office.Mailbox {
    return this.office.context.mailbox;
  }

  async currentItem(): Promise<ItemSnapshot | null> {
    const item = this.mailbox.item;
    if (!item || !item.itemId) return null;
    return this.snapshotOf(item, await this.sharedMailboxOf(item));
  }

  /**
   * The open item as Office.js holds it after onReady, read without asking Outlook anything: the shared-mailbox
   * lookup is left out (mailbox null), so it is for showing the subject and sender at once, not for acting on.
   */
  previewItem(): ItemSnapshot | null {
    const item = this.mailbox.item;
    return item && item.itemId ? this.snapshotOf(item, null) : null;
  }

  private snapshotOf(item: NonNullable<Office.Mailbox['item']>, mailbox: string | null): ItemSnapshot {
    const id = this.toRestId(item.itemId);
    // Read mode: subject is a string on both messages and appointments.
    const common = { id, officeItemId: item.itemId, mailbox, subject: (item as Office.MessageRead).subject ?? '' };
    if (item.itemType === this.office.MailboxEnums.ItemType.Appointment) {
      const appointment = item as Office.AppointmentRead;
      const snapshot: AppointmentSnapshot = {
        kind: 'appointment',
        ...common,
        organizer: toAddress(appointment.organizer),
        requiredAttendees: (appointment.requiredAttendees ?? []).map(toAddressStrict),
        optionalAttendees: (appointment.optionalAttendees ?? []).map(toAddressStrict),
        start: appointment.start ? appointment.start.toISOString() : null,
        end: appointment.end ? appointment.end.toISOString() : null,
        seriesId: appointment.seriesId ? this.toRestId(appointment.seriesId) : null,
        // Read mode gives the series master a recurrence and no seriesId (Mailbox 1.7).
        seriesMaster: !appointment.seriesId && !!appointment.recurrence,
      };
      return snapshot;
    }
    const message = item as Office.MessageRead;
    const snapshot: MessageSnapshot = {
      kind: 'message',
      ...common,
      from: toAddress(message.from),
      to: (message.to ?? []).map(toAddressStrict),
      cc: (message.cc ?? []).map(toAddressStrict),
      // Office gives the conversation id in EWS form outside mobile; Graph and the record use the REST form,
      // and convertToRestId takes "a conversation ID retrieved from item.conversationId" (Office.Mailbox).
      conversationId: message.conversationId ? this.toRestId(message.conversationId) : null,
      internetMessageId: message.internetMessageId ?? null,
      receivedAt: message.dateTimeCreated ? message.dateTimeCreated.toISOString() : null,
    };
    return snapshot;
  }

  /**
   * The mailbox of an item in a shared folder or shared mailbox (Mailbox 1.8 / 1.13), else null.
   * Office fails the call for an item of the user's own mailbox, which is exactly "not shared".
   */
  private async sharedMailboxOf(item: Office.Item): Promise<string | null> {
    const shared = item as Office.Item & Partial<Pick<Office.MessageRead, 'getSharedPropertiesAsync'>>;
    if (typeof shared.getSharedPropertiesAsync !== 'function') return null;
    try {
      const properties = await callAsync<Office.SharedProperties>((done) => shared.getSharedPropertiesAsync!(done));
      const target = properties?.targetMailbox?.trim();
      const own = this.mailbox.userProfile?.emailAddress?.toLowerCase();
      return target && target.toLowerCase() !== own ? target : null;
    } catch {
      return null;
    }
  }

  onItemChanged(listener: () => void): () => void {
    return this.subscribe(this.office.EventType.ItemChanged, () => listener());
  }

  onSelectionChanged(listener: () => void): () => void {
    if (!this.office.context.requirements.isSetSupported('Mailbox', '1.13')) return this.onItemChanged(listener);
    return this.subscribe(this.office.EventType.SelectedItemsChanged, () => listener());
  }

  async selectedItems(): Promise<SelectedItem[]> {
    if (!this.office.context.requirements.isSetSupported('Mailbox', '1.13')) {
      const current = await this.currentItem();
      return current ? [{ id: current.id, subject: current.subject, kind: current.kind }] : [];
    }
    const items = await callAsync<Office.SelectedItemDetails[]>((done) => this.mailbox.getSelectedItemsAsync(done));
    return items.map((selected) => ({
      id: this.toRestId(selected.itemId),
      subject: selected.subject,
      kind: selected.itemType === this.office.MailboxEnums.ItemType.Appointment ? 'appointment' : 'message',
    }));
  }

  async notify(notification: HostNotification): Promise<void> {
    const item = this.mailbox.item;
    if (!item) return;
    const types = this.office.MailboxEnums.ItemNotificationMessageType;
    const message = notification.message.slice(0, 150);
    const details: Office.NotificationMessageDetails =
      notification.kind === 'error'
        ? { type: types.ErrorMessage, message }
        : notification.kind === 'progress'
          ? { type: types.ProgressIndicator, message }
          : // The icon must be one the manifest defines (bt:Image), or Outlook refuses the notification.
            { type: types.InformationalMessage, message, icon: 'Trail.16', persistent: false };
    await callAsync<void>((done) => item.notificationMessages.replaceAsync(notification.key, details, done));
  }

  get roamingSettings(): RoamingSettings {
    const settings = this.office.context.roamingSettings;
    return {
      get: <T>(key: string) => settings.get(key) as T | undefined,
      set: async <T>(key: string, value: T) => {
        settings.set(key, value);
        await callAsync<void>((done) => settings.saveAsync(done));
      },
    };
  }

  displayLanguage(): string {
    return this.office.context.displayLanguage || 'en-US';
  }

  theme(): Theme {
    return themeFromBackground(this.office.context.officeTheme?.bodyBackgroundColor);
  }

  onThemeChanged(listener: (theme: Theme) => void): () => void {
    const type = this.office.EventType.OfficeThemeChanged;
    if (!type || !this.office.context.requirements.isSetSupported('Mailbox', '1.14')) return () => undefined;
    return this.subscribe(type, (event) =>
      listener(themeFromBackground((event as Office.OfficeThemeChangedEventArgs).officeTheme.bodyBackgroundColor)),
    );
  }

  private readonly listeners = new Map<Office.EventType, Set<(event: unknown) => void>>();

  /**
   * Office keeps one handler per event type and removes them all at once, so we register a single
   * dispatcher per type and fan out to our own listeners.
   */
  private subscribe(type: Office.EventType, listener: (event: unknown) => void): () => void {
    let set = this.listeners.get(type);
    if (!set) {
      const created = new Set<(event: unknown) => void>();
      this.listeners.set(type, created);
      this.mailbox.addHandlerAsync(type, (event: unknown) => created.forEach((each) => each(event)));
      set = created;
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        this.listeners.delete(type);
        this.mailbox.removeHandlerAsync(type);
      }
    };
  }

  user(): HostUser {
    const profile = this.mailbox.userProfile;
    return { displayName: profile.displayName, emailAddress: profile.emailAddress, timeZone: profile.timeZone };
  }

  openItem(item: { kind: 'message' | 'event'; id: string; webLink?: string }): void {
    // Outlook on Android and iOS have no display forms (outlook-mobile-apis.md): the browser opens the item instead.
    if (typeof this.mailbox.displayMessageForm !== 'function') {
      if (item.webLink) this.openUrl(item.webLink);
      return;
    }
    const ewsId = this.toEwsId(item.id);
    if (item.kind === 'event') this.mailbox.displayAppointmentForm(ewsId);
    else this.mailbox.displayMessageForm(ewsId);
  }

  /**
   * item.body.getAsync (office-js-docs-reference docs-ref-autogen/outlook/outlook/office.body.yml, getAsync,
   * Mailbox 1.3, read mode): "returns the entire current body in the format specified by coercionType". Its
   * per-client limit: "In Outlook on the web and new Outlook on Windows, if the body contains formatted
   * elements, such as tables, lists, and links, specify Office.CoercionType.Html … Otherwise, you may
   * receive an unexpected value, such as an empty string." So an empty Text answer is asked again as Html
   * and read as text here. Null where the client has no body.getAsync (below Mailbox 1.3) or it fails.
   */
  async itemBodyText(): Promise<string | null> {
    const body = (this.mailbox.item as Office.MessageRead | null | undefined)?.body;
    if (!body || typeof body.getAsync !== 'function') return null;
    const read = (type: Office.CoercionType | string) => callAsync<string>((done) => body.getAsync(type, done));
    const types = this.office.CoercionType as Partial<typeof Office.CoercionType> | undefined;
    try {
      const text = await read(types?.Text ?? 'text');
      if (text && text.trim()) return text;
      const html = await read(types?.Html ?? 'html');
      return html ? textOfHtml(html) : null;
    } catch {
      return null; // the name is then offered from the display name or the domain
    }
  }

  /** The display forms take EWS ids; mobile hosts work in REST ids throughout. */
  private toEwsId(restId: string): string {
    const hostName = this.mailbox.diagnostics?.hostName ?? '';
    if (/OutlookIOS|OutlookAndroid/i.test(hostName)) return restId;
    return this.mailbox.convertToEwsId(restId, this.office.MailboxEnums.RestVersion.v2_0);
  }

  /** Office hands out EWS ids on desktop and the web; Graph wants REST ids. Mobile already gives REST ids. */
  private toRestId(itemId: string): string {
    const hostName = this.mailbox.diagnostics?.hostName ?? '';
    if (/OutlookIOS|OutlookAndroid/i.test(hostName)) return itemId;
    return this.mailbox.convertToRestId(itemId, this.office.MailboxEnums.RestVersion.v2_0);
  }
}

function toAddress(details: Office.EmailAddressDetails | undefined | null): EmailAddress | null {
  return details ? toAddressStrict(details) : null;
}

function toAddressStrict(details: Office.EmailAddressDetails): EmailAddress {
  return { name: details.displayName ?? '', address: details.emailAddress ?? '' };
}

/**
 * An HTML body as lines of text: the source's own line breaks are white space as HTML reads them; line
 * breaks and block ends become new lines; tags go; entities are read (by the browser's parser where there is
 * one, which runs no script; else the common ones).
 */
export function textOfHtml(html: string): string {
  const marked = html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|table|blockquote)\s*>/gi, '$&\n');
  if (typeof DOMParser !== 'undefined') return new DOMParser().parseFromString(marked, 'text/html').body.textContent ?? '';
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return marked.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return entities[code.toLowerCase()] ?? whole;
  });
}

/** Dark when the pane's background is dark: Office only tells us colours, not a theme name. */
export function themeFromBackground(colour: string | undefined): Theme {
  const hex = /^#?([0-9a-f]{6})$/i.exec(colour ?? '')?.[1];
  if (!hex) return 'light';
  const [r, g, b] = [0, 2, 4].map((offset) => parseInt(hex.slice(offset, offset + 2), 16) / 255) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5 ? 'dark' : 'light';
}

function callAsync<T>(start: (done: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) => {
      // Compared by error rather than by the status enum, so this works with any injected Office object.
      if (result.error) reject(new Error(result.error.message || 'Office call failed'));
      else resolve(result.value);
    });
  });
}

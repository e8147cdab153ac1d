import type { HostUser, Theme } from '../../../src/office/host';
import type { MailboxStore } from '../mailboxStore';
import { ERRORS, fail, split, STATUS, succeed } from './asyncResult';
import { ewsToRest, isEwsForm, restToEws } from './ids';
import { COERCION_TYPE, createBody } from './body';
import { appointmentItem, ITEM_TYPE, messageItem, officeIdOf, type EmulatedAppointment, type EmulatedMessage } from './items';
import { createNotificationMessages, NOTIFICATION_TYPES } from './notifications';
import { supportsMailbox, supportsMultiSelect, type ClientProfile } from './profiles';
import { createRoamingSettings, type SettingsStore } from './roamingSettings';

/** What the emulation needs of the playground's mailbox (MailboxStore). */
export type OutlookView = Pick<MailboxStore, 'getState' | 'onItemChanged' | 'onSelectionChanged' | 'notify' | 'dismissNotification' | 'openForm' | 'mailbox'>;

/** Office.EventType values as office.js defines them. */
export const EVENT_TYPE = { ItemChanged: 'olkItemSelectedChanged', SelectedItemsChanged: 'olkSelectedItemsChanged', OfficeThemeChanged: 'officeThemeChanged' } as const;

/**
 * The Mailbox requirement set each event needs (office.mailbox.yml, addHandlerAsync: ItemChanged 1.5,
 * SelectedItemsChanged 1.13, OfficeThemeChanged 1.14).
 */
const EVENT_SET: Record<string, string> = { [EVENT_TYPE.ItemChanged]: '1.5', [EVENT_TYPE.SelectedItemsChanged]: '1.13', [EVENT_TYPE.OfficeThemeChanged]: '1.14' };

/** What office.js offers a page, as far as Trail reads it; each page (task pane, function file) gets its own. */
export interface EmulatedOffice {
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  context: {
    displayLanguage: string;
    contentLanguage: string;
    officeTheme?: Pick<Office.OfficeTheme, 'bodyBackgroundColor' | 'bodyForegroundColor' | 'controlBackgroundColor' | 'controlForegroundColor'>;
    platform: string;
    requirements: Pick<Office.RequirementSetSupport, 'isSetSupported'>;
    roamingSettings: Office.RoamingSettings;
    mailbox: EmulatedMailbox;
  };
  actions: { associate(name: string, action: (event: Office.AddinCommands.Event) => unknown): void };
  EventType: typeof EVENT_TYPE;
  AsyncResultStatus: typeof STATUS;
  CoercionType: typeof COERCION_TYPE;
  HostType: { Outlook: 'Outlook' };
  MailboxEnums: {
    ItemType: typeof ITEM_TYPE;
    RestVersion: { v1_0: 'v1.0'; v2_0: 'v2.0'; Beta: 'beta' };
    ItemNotificationMessageType: typeof NOTIFICATION_TYPES;
  };
}

export type EmulatedMailbox = {
  readonly item: EmulatedMessage | EmulatedAppointment | null;
  userProfile: Pick<Office.UserProfile, 'displayName' | 'emailAddress' | 'timeZone' | 'accountType'>;
  diagnostics: Pick<Office.Diagnostics, 'hostName' | 'hostVersion'>;
  addHandlerAsync(eventType: string, handler: (event: { type: string }) => void, ...rest: unknown[]): void;
  removeHandlerAsync(eventType: string, ...rest: unknown[]): void;
} & Partial<Pick<Office.Mailbox, 'convertToRestId' | 'convertToEwsId' | 'displayMessageForm' | 'displayAppointmentForm' | 'getSelectedItemsAsync'>>;

export interface EmulationSettings {
  language: string;
  theme: Theme;
  user: HostUser;
  /** Where Graph is (the shared item's targetRestUrl). */
  restUrl: string;
  /** The image ids the add-in's manifest defines (bt:Image), the only icons a notification may name. */
  manifestIcons: ReadonlySet<string>;
}

declare global {
  interface Window {
    /** The playground's Outlook: each page it frames asks it for that page's `Office` (see webpack.config.js). */
    trailOutlook?: OutlookEmulation;
  }
}

const THEMES: Record<Theme, NonNullable<EmulatedOffice['context']['officeTheme']>> = {
  light: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#242424', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#242424' },
  dark: { bodyBackgroundColor: '#292929', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#1F1F1F', controlForegroundColor: '#FFFFFF' },
};

/**
 * The Office.js mailbox API as the chosen Outlook client offers it, over the playground's mailbox. Trail's own
 * OfficeJsHost runs on it unchanged. Each method follows its page in office-js-docs-reference
 * (docs-ref-autogen/outlook/outlook/office.mailbox.yml unless noted) and the client's profile (profiles.ts).
 */
export class OutlookEmulation {
  private readonly handlers = new Set<{ type: string; handler: (event: { type: string }) => void }>();
  private readonly commands = new Map<string, (event: Office.AddinCommands.Event) => unknown>();
  private readonly awaitingCommand = new Map<string, Array<() => void>>();

  constructor(
    private readonly store: OutlookView,
    readonly profile: ClientProfile,
    private readonly settings: EmulationSettings,
    private readonly roaming: SettingsStore,
  ) {
    // "When the event is called, the Office.context.mailbox.item object is already updated" (office-js-docs-pr
    // docs/outlook/pinnable-taskpane.md); the store calls these only while a pane is open.
    store.onItemChanged(() => this.dispatch(EVENT_TYPE.ItemChanged));
    store.onSelectionChanged(() => supportsMultiSelect(profile) && this.dispatch(EVENT_TYPE.SelectedItemsChanged));
  }

  /** The item the add-in sees: none for an appointment where the client has no appointment surface. */
  private item(frame: Window): EmulatedMessage | EmulatedAppointment | null {
    const current = this.store.getState().current;
    if (!current) return null;
    const extras = {
      notificationMessages: createNotificationMessages(this.notificationBoard(), this.profile, () => this.settings.manifestIcons),
      ...(supportsMailbox(this.profile, '1.8') ? { getSharedPropertiesAsync: this.sharedProperties(frame) } : {}),
    };
    // item.body.getAsync arrived in Mailbox 1.3 (office.body.yml).
    if (current.kind === 'message') return messageItem(this.profile, current.message, { ...extras, ...(supportsMailbox(this.profile, '1.3') ? { body: createBody(this.profile, current.message.body) } : {}) });
    return this.profile.appointments ? appointmentItem(this.profile, current.event, extras) : null;
  }

  private notificationBoard() {
    return {
      list: () => this.store.getState().notifications,
      put: (notification: Parameters<MailboxStore['notify']>[0]) => this.store.notify(notification),
      remove: (key: string) => this.store.dismissNotification(key),
    };
  }

  /**
   * getSharedPropertiesAsync (office.messageread.yml; Mailbox 1.8 shared folders, 1.13 shared mailboxes): the
   * owner's address as targetMailbox, for an item of a shared mailbox; there is nothing to get for the user's own.
   */
  private sharedProperties(_frame: Window): Office.MessageRead['getSharedPropertiesAsync'] {
    const shared = this.store.mailbox;
    return ((...args: unknown[]) => {
      const { options, callback } = split<Office.SharedProperties>(args);
      if (!shared || !supportsMailbox(this.profile, '1.13')) return fail(callback, ERRORS.notShared(), options);
      succeed(callback, { owner: shared, targetMailbox: shared, targetRestUrl: this.settings.restUrl, delegatePermissions: 63 } as unknown as Office.SharedProperties, options);
    }) as Office.MessageRead['getSharedPropertiesAsync'];
  }

  private dispatch(type: string): void {
    for (const registration of [...this.handlers]) {
      if (registration.type !== type) continue;
      setTimeout(() => registration.handler({ type }), 0);
    }
  }

  /**
   * Runs a ribbon button's function as Outlook does: once the function file has associated it (Outlook loads the
   * file and waits for Office.actions.associate), with an event whose completed() ends the command. Rejects when
   * no function of that name is associated within `timeoutMs`.
   */
  async invokeCommand(name: string, timeoutMs = 30_000): Promise<void> {
    if (!this.commands.has(name)) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`The function file associated no function named ${name}.`)), timeoutMs);
        const waiting = this.awaitingCommand.get(name) ?? [];
        waiting.push(() => (clearTimeout(timer), resolve()));
        this.awaitingCommand.set(name, waiting);
      });
    }
    const action = this.commands.get(name)!;
    return new Promise<void>((resolve) => void action({ completed: () => resolve(), source: { id: name } } as unknown as Office.AddinCommands.Event));
  }

  private associate(name: string, action: (event: Office.AddinCommands.Event) => unknown): void {
    this.commands.set(name, action);
    this.awaitingCommand.get(name)?.forEach((release) => release());
    this.awaitingCommand.delete(name);
  }

  /** The `Office` namespace for one page the playground frames. */
  officeFor(frame: Window): EmulatedOffice {
    const profile = this.profile;
    const own = new Set<{ type: string; handler: (event: { type: string }) => void }>();
    frame.addEventListener('pagehide', () => own.forEach((registration) => this.handlers.delete(registration)));

    const currentItem = () => this.item(frame);
    const mailbox: EmulatedMailbox = {
      get item() {
        return currentItem();
      },
      userProfile: { ...this.settings.user, accountType: 'enterprise' },
      diagnostics: { hostName: profile.hostName, hostVersion: '16.0' },
      addHandlerAsync: (eventType, handler, ...rest) => {
        const { options, callback } = split<void>(rest);
        const needs = EVENT_SET[eventType];
        const themed = eventType !== EVENT_TYPE.OfficeThemeChanged || profile.officeTheme;
        if (!needs || !supportsMailbox(profile, needs) || !themed) return fail(callback, ERRORS.notSupported(`The event ${eventType}`), options);
        const registration = { type: eventType, handler };
        own.add(registration);
        this.handlers.add(registration);
        succeed(callback, undefined, options);
      },
      // "Removes the event handlers for a supported event type": all of them.
      removeHandlerAsync: (eventType, ...rest) => {
        const { options, callback } = split<void>(rest);
        for (const registration of own) {
          if (registration.type !== eventType) continue;
          own.delete(registration);
          this.handlers.delete(registration);
        }
        succeed(callback, undefined, options);
      },
      ...(profile.convertsIds ? this.idConversions() : {}),
      ...(profile.displayForms ? this.displayForms() : {}),
      ...(supportsMultiSelect(profile) ? { getSelectedItemsAsync: this.selectedItems() } : {}),
    };
    const ready = { host: 'Outlook', platform: profile.platform };

    return {
      onReady: (callback) => {
        const promise = new Promise<typeof ready>((resolve) => setTimeout(() => resolve(ready), 0));
        if (callback) void promise.then(callback);
        return promise;
      },
      context: {
        displayLanguage: this.settings.language,
        contentLanguage: this.settings.language,
        ...(profile.officeTheme ? { officeTheme: THEMES[this.settings.theme] } : {}),
        platform: profile.platform,
        requirements: { isSetSupported: (name: string, version?: string | number) => name.toLowerCase() === 'mailbox' && supportsMailbox(profile, version) },
        roamingSettings: createRoamingSettings(this.roaming),
        mailbox,
      },
      actions: { associate: (name, action) => this.associate(name, action) },
      EventType: EVENT_TYPE,
      AsyncResultStatus: STATUS,
      CoercionType: COERCION_TYPE,
      HostType: { Outlook: 'Outlook' },
      MailboxEnums: { ItemType: ITEM_TYPE, RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' }, ItemNotificationMessageType: NOTIFICATION_TYPES },
    };
  }

  /** convertToRestId / convertToEwsId (Mailbox 1.3; not on Android or iOS): the same bytes in the other base64 alphabet. */
  private idConversions(): Pick<Office.Mailbox, 'convertToRestId' | 'convertToEwsId'> {
    return {
      convertToRestId: (id: string) => ewsToRest(id),
      convertToEwsId: (id: string) => restToEws(id),
    };
  }

  /**
   * displayMessageForm / displayAppointmentForm take "the Exchange Web Services (EWS) identifier"; "if the specified
   * item identifier does not identify an existing [item], a blank pane opens ... and no error message is returned".
   * A REST id with `-` or `_` in it is no EWS id, so it opens a blank form, as in Outlook.
   */
  private displayForms(): Pick<Office.Mailbox, 'displayMessageForm' | 'displayAppointmentForm'> {
    const open = (kind: 'message' | 'event', itemId: string) => void this.store.openForm(kind, isEwsForm(itemId) ? ewsToRest(itemId) : null);
    return {
      displayMessageForm: (itemId: string) => open('message', itemId),
      displayAppointmentForm: (itemId: string) => open('event', itemId),
    };
  }

  /** getSelectedItemsAsync (Mailbox 1.13): the selected messages' ids (in the client's id form), types and subjects. */
  private selectedItems(): Office.Mailbox['getSelectedItemsAsync'] {
    return ((...args: unknown[]) => {
      const { options, callback } = split<Office.SelectedItemDetails[]>(args);
      const { selectedIds, messages } = this.store.getState();
      const value = selectedIds.map((id) => ({
        itemId: officeIdOf(this.profile, id),
        itemMode: 'read',
        itemType: ITEM_TYPE.Message,
        subject: messages.find((message) => message.id === id)?.subject ?? '',
      })) as unknown as Office.SelectedItemDetails[];
      succeed(callback, value, options);
    }) as Office.Mailbox['getSelectedItemsAsync'];
  }
}

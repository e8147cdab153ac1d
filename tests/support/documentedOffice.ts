/**
 * A small Office object for tests that run the real OfficeJsHost, behaving as Office's documentation
 * says for the parts Trail uses ("Use the Outlook REST APIs from an Outlook add-in";
 * Office.context.mailbox): desktop and web hosts hand out EWS ids, mobile hosts REST ids; convertToRestId
 * and convertToEwsId are local rewrites of the same base64 bytes (EWS ids use standard base64, REST ids
 * its URL-safe form, `/`→`-` and `+`→`_`); the display forms take an EWS id (a REST id on mobile).
 * The playground's full emulation lives in dev/playground; this stays small and test-side.
 */

type Callback = (result: { status: string; value?: unknown; error?: { message: string } }) => void;

export interface DocumentedOfficeOptions {
  /** The open item as Office describes it (`itemId` already in the host's own id format). */
  item?: Record<string, unknown> | null;
  /** The selection getSelectedItemsAsync reports (ids in the host's own format). */
  selected?: Array<{ itemId: string; subject: string; itemType: 'message' | 'appointment' }>;
  /** `OutlookWebApp` (EWS ids) by default; `OutlookIOS` or `OutlookAndroid` hand out REST ids. */
  hostName?: string;
  /** The shared mailbox an item is in (getSharedPropertiesAsync's targetMailbox), when it is in one. */
  targetMailbox?: string;
  user?: { displayName: string; emailAddress: string; timeZone: string };
}

export const ewsToRestId = (ewsId: string): string => ewsId.replace(/\//g, '-').replace(/\+/g, '_');
export const restToEwsId = (restId: string): string => restId.replace(/-/g, '/').replace(/_/g, '+');

export function documentedOffice(options: DocumentedOfficeOptions = {}) {
  const opened: Array<{ form: 'message' | 'appointment'; id: string }> = [];
  const user = options.user ?? { displayName: 'Aino Laine', emailAddress: 'aino.laine@seutuopisto.fi', timeZone: 'FLE Standard Time' };
  const item = options.item
    ? {
        ...options.item,
        notificationMessages: { replaceAsync: (_key: string, _details: unknown, done?: Callback) => done?.({ status: 'succeeded' }) },
        ...(options.targetMailbox
          ? { getSharedPropertiesAsync: (done: Callback) => done({ status: 'succeeded', value: { targetMailbox: options.targetMailbox } }) }
          : { getSharedPropertiesAsync: (done: Callback) => done({ status: 'failed', error: { message: 'not a shared item' } }) }),
      }
    : null;
  const office = {
    EventType: { ItemChanged: 'olkItemSelectedChanged', SelectedItemsChanged: 'olkSelectedItemsChanged', OfficeThemeChanged: 'officeThemeChanged' },
    MailboxEnums: {
      ItemType: { Message: 'message', Appointment: 'appointment' },
      RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' },
      ItemNotificationMessageType: { InformationalMessage: 'informationalMessage', ErrorMessage: 'errorMessage', ProgressIndicator: 'progressIndicator' },
    },
    context: {
      displayLanguage: 'en-US',
      officeTheme: { bodyBackgroundColor: '#ffffff' },
      requirements: { isSetSupported: () => true },
      roamingSettings: { get: () => undefined, set: () => undefined, saveAsync: (done: Callback) => done({ status: 'succeeded' }) },
      mailbox: {
        item,
        diagnostics: { hostName: options.hostName ?? 'OutlookWebApp' },
        userProfile: user,
        convertToRestId: (id: string) => ewsToRestId(id),
        convertToEwsId: (id: string) => restToEwsId(id),
        displayMessageForm: (id: string) => void opened.push({ form: 'message', id }),
        displayAppointmentForm: (id: string) => void opened.push({ form: 'appointment', id }),
        addHandlerAsync: () => undefined,
        removeHandlerAsync: () => undefined,
        getSelectedItemsAsync: (done: Callback) => done({ status: 'succeeded', value: options.selected ?? [] }),
      },
    },
  };
  return { office: office as unknown as typeof Office, opened };
}

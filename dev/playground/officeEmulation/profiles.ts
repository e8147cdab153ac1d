/**
 * The Outlook clients the playground can play (`?client=`), each with what Microsoft documents for it.
 *
 * Sources (OfficeDev/office-js-docs-reference and OfficeDev/office-js-docs-pr):
 *  - requirement sets per client: docs/requirement-sets/outlook/outlook-api-requirement-sets.md, "Outlook client support"
 *    (web and new Outlook on Windows 1.1–1.16; classic Outlook on Windows with Microsoft 365 1.1–1.16; Mac new UI 1.1–1.14;
 *    Android and iOS 1.1–1.5);
 *  - what mobile lacks although it is in 1.1–1.5: docs/outlook/outlook-mobile-apis.md, "Unsupported APIs" (convertToRestId,
 *    convertToEwsId, displayMessageForm, displayAppointmentForm, officeTheme);
 *  - mobile activates on Message Read only: docs/outlook/outlook-mobile-addins.md;
 *  - mobile's itemId is REST-formatted: docs/outlook/use-rest-api.md;
 *  - one notification per message on mobile, five elsewhere: docs-ref-autogen/outlook/outlook/office.notificationmessages.yml;
 *  - diagnostics.hostName values: docs-ref-autogen/outlook/outlook/office.diagnostics.yml;
 *  - pinning: docs/outlook/pinnable-taskpane.md (web, new Outlook, classic Windows, Mac; not for appointments);
 *  - multi-select: docs/outlook/item-multi-select.md (Mailbox 1.13, messages only, at most 100).
 */
export type ClientId = 'new-outlook' | 'web' | 'windows' | 'mac' | 'mobile';

export interface ClientProfile {
  id: ClientId;
  /** What the profile plays, for the playground's header. */
  label: string;
  /** Office.context.mailbox.diagnostics.hostName. */
  hostName: 'Outlook' | 'newOutlookWindows' | 'OutlookWebApp' | 'OutlookIOS' | 'OutlookAndroid';
  /** Office.context.platform / onReady's platform. */
  platform: 'OfficeOnline' | 'PC' | 'Mac' | 'iOS' | 'Android';
  /** Highest Mailbox requirement set the client supports (every lower one too). */
  mailbox: string;
  /** Item ids as this client hands them out: EWS everywhere but on mobile, which gives REST ids. */
  itemIdFormat: 'ews' | 'rest';
  /** convertToRestId / convertToEwsId exist (not on mobile). */
  convertsIds: boolean;
  /** displayMessageForm / displayAppointmentForm exist (not on mobile). */
  displayForms: boolean;
  /** Office.context.officeTheme exists (Mailbox 1.14; not on mobile). */
  officeTheme: boolean;
  /** Appointments activate the add-in (mobile: Message Read only). */
  appointments: boolean;
  /** A message's task pane can be pinned (never an appointment's). */
  pinning: boolean;
  /** Notifications an item may carry at once; on mobile a new one replaces the old. */
  maxNotifications: number;
}

export const PROFILES: Record<ClientId, ClientProfile> = {
  'new-outlook': {
    id: 'new-outlook', label: 'new Outlook on Windows', hostName: 'newOutlookWindows', platform: 'OfficeOnline', mailbox: '1.16',
    itemIdFormat: 'ews', convertsIds: true, displayForms: true, officeTheme: true, appointments: true, pinning: true, maxNotifications: 5,
  },
  web: {
    id: 'web', label: 'Outlook on the web', hostName: 'OutlookWebApp', platform: 'OfficeOnline', mailbox: '1.16',
    itemIdFormat: 'ews', convertsIds: true, displayForms: true, officeTheme: true, appointments: true, pinning: true, maxNotifications: 5,
  },
  windows: {
    id: 'windows', label: 'classic Outlook on Windows', hostName: 'Outlook', platform: 'PC', mailbox: '1.16',
    itemIdFormat: 'ews', convertsIds: true, displayForms: true, officeTheme: true, appointments: true, pinning: true, maxNotifications: 5,
  },
  mac: {
    id: 'mac', label: 'Outlook on Mac', hostName: 'Outlook', platform: 'Mac', mailbox: '1.14',
    itemIdFormat: 'ews', convertsIds: true, displayForms: true, officeTheme: true, appointments: true, pinning: true, maxNotifications: 5,
  },
  mobile: {
    id: 'mobile', label: 'Outlook on iOS', hostName: 'OutlookIOS', platform: 'iOS', mailbox: '1.5',
    itemIdFormat: 'rest', convertsIds: false, displayForms: false, officeTheme: false, appointments: false, pinning: false, maxNotifications: 1,
  },
};

export const DEFAULT_CLIENT: ClientId = 'new-outlook';

export function profileFor(client: string | null | undefined): ClientProfile {
  return PROFILES[(client ?? DEFAULT_CLIENT) as ClientId] ?? PROFILES[DEFAULT_CLIENT];
}

/** isSetSupported semantics: a set is supported when the client's version is at least the one asked for. */
export function supportsMailbox(profile: ClientProfile, version: string | number | undefined): boolean {
  const asked = parseVersion(version === undefined ? '1.1' : String(version));
  const have = parseVersion(profile.mailbox);
  return asked[0] < have[0] || (asked[0] === have[0] && asked[1] <= have[1]);
}

function parseVersion(version: string): [number, number] {
  const [major = '0', minor = '0'] = version.split('.');
  return [Number(major), Number(minor)];
}

/** Multi-select (getSelectedItemsAsync, SelectedItemsChanged) arrived in Mailbox 1.13. */
export const supportsMultiSelect = (profile: ClientProfile): boolean => supportsMailbox(profile, '1.13');

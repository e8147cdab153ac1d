import type { GraphClient } from '../graph/client';
import { createBookingService, type BookingService } from './booking/bookingService';
import { parseTriageSettings, storedTriageSettings, type OrganisationFolderNames, type TriageSettings } from '../domain/triage/settings';
import { localeFor } from '../i18n/messages';
import { itemIdentitiesFor, type ItemIdentities } from './itemIdentities';
import type { OfficeHost } from '../office/host';
import { createTriageHistory } from './triage/undoHistory';
import { createOutbox } from './triage/outbox';
import { cachedTenantSettings } from '../record/tenantSettings';
import { MAILBOX_CONTEXT_KEY, SHARED_FOLDER_IDS_KEY, TRIAGE_SETTINGS_KEY, tenantSettingsKey } from './storage/keys';
import { rememberedContextIn } from './triage/rememberedContext';
import { createTriageService, type TriageService } from './triage/triageService';
import { createTriageRunner, type TriageRunner } from './triage/runner';

export { SHARED_FOLDER_IDS_KEY, TRIAGE_SETTINGS_KEY } from './storage/keys';

/**
 * The organisation's folder names as the last read of the settings item left them in local storage
 * (shared by the taskpane and the function file), so a ribbon click never waits for SharePoint.
 */
export const cachedOrganisationFolderNames =
  (siteUrl: string, storage: Storage = window.localStorage) =>
  (): OrganisationFolderNames =>
    cachedTenantSettings({ storage, key: tenantSettingsKey(siteUrl) });

/** Triage without booking: what the ribbon's function file needs (booking's code stays out of it). */
export type TriageCore = Omit<TriageRuntime, 'booking'>;

export interface TriageRuntime {
  /** Triage in the user's own mailbox (counts, settings, the form). */
  service: TriageService;
  /** Triage in the mailbox an item lives in: a shared one by its address, or the own one (null). */
  serviceFor(mailbox: string | null | undefined): TriageService;
  history: ReturnType<typeof createTriageHistory>;
  outbox: ReturnType<typeof createOutbox>;
  /** Immutable ids of what Office hands out: triage moves, records and retries items by them. */
  identities: ItemIdentities;
  /** Every triage action with its aftermath (undo record, outbox), for the pane, the ribbon and filing. */
  runner: TriageRunner;
  /** Book time for a message, in the mailbox it lives in. */
  booking: BookingService;
}

type SharedFolderIds = Record<string, NonNullable<TriageSettings['folderIds']>>;

function readSharedFolderIds(raw: unknown): SharedFolderIds {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as SharedFolderIds) : {};
}

/** Triage as the taskpane uses it: the core, and booking time in the mailbox a message lives in. */
export function createTriageRuntime(
  host: OfficeHost,
  graph: GraphClient,
  storage: Storage = window.localStorage,
  organisation: () => OrganisationFolderNames = () => ({}),
): TriageRuntime {
  return { ...createTriageCore(host, graph, storage, organisation), booking: createBookingService(graph) };
}

/**
 * Triage as both the ribbon's function file and the taskpane use it: settings roam with the user;
 * undo history and the outbox live in the add-in's local storage, which both share. A shared
 * mailbox uses the user's own folder names and due rule, but has folders (and so ids) of its own.
 */
export function createTriageCore(
  host: OfficeHost,
  graph: GraphClient,
  storage: Storage = window.localStorage,
  /** The organisation's default folder names (tenant settings), read at each use; the user's own choice wins. */
  organisation: () => OrganisationFolderNames = () => ({}),
): TriageCore {
  const locale = localeFor(host.displayLanguage());
  const settings = (): TriageSettings => parseTriageSettings(host.roamingSettings.get(TRIAGE_SETTINGS_KEY), locale, organisation());
  const own = createTriageService({
    graph,
    settings,
    // Names the user did not choose are not stored, so they keep following the organisation's.
    saveSettings: (next) => host.roamingSettings.set(TRIAGE_SETTINGS_KEY, storedTriageSettings(next)),
    now: () => new Date(),
    rememberedContext: rememberedContextIn(host.roamingSettings, MAILBOX_CONTEXT_KEY, null),
  });
  const shared = new Map<string, TriageService>();

  function sharedService(address: string): TriageService {
    const folderIdsOf = () => readSharedFolderIds(host.roamingSettings.get(SHARED_FOLDER_IDS_KEY));
    return createTriageService({
      graph,
      sharedMailbox: address,
      settings: () => {
        const { folderIds: _own, ...mine } = settings();
        const ids = parseTriageSettings({ folderIds: folderIdsOf()[address] }, locale).folderIds;
        return { ...mine, ...(ids ? { folderIds: ids } : {}) };
      },
      // Only folder ids are saved from here: names and the due rule are changed in the own mailbox's form.
      saveSettings: (next) => host.roamingSettings.set(SHARED_FOLDER_IDS_KEY, { ...folderIdsOf(), [address]: next.folderIds ?? {} }),
      now: () => new Date(),
      rememberedContext: rememberedContextIn(host.roamingSettings, MAILBOX_CONTEXT_KEY, address),
    });
  }

  const parts = {
    service: own,
    serviceFor: (mailbox: string | null | undefined) => {
      const address = mailbox?.trim().toLowerCase();
      if (!address) return own;
      let service = shared.get(address);
      if (!service) shared.set(address, (service = sharedService(address)));
      return service;
    },
    history: createTriageHistory(storage),
    outbox: createOutbox(storage),
    identities: itemIdentitiesFor(graph),
  };
  return { ...parts, runner: createTriageRunner(parts) };
}

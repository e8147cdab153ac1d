import type { Client } from '@microsoft/microsoft-graph-client';
import { parseTriageSettings, type TriageSettings } from '../domain/triage/settings';
import { localeFor } from '../i18n/messages';
import type { OfficeHost } from '../office/host';
import { createTriageHistory } from '../triage/history';
import { createOutbox } from '../triage/outbox';
import { createTriageService, type TriageService } from '../triage/triageService';

/** Roaming-settings key of the user's triage settings (folder names, due rule, remembered folder ids). */
export const TRIAGE_SETTINGS_KEY = 'trail.triage';

export interface TriageRuntime {
  service: TriageService;
  history: ReturnType<typeof createTriageHistory>;
  outbox: ReturnType<typeof createOutbox>;
}

/**
 * Triage as both the ribbon's function file and the taskpane use it: settings roam with the user;
 * undo history and the outbox live in the add-in's local storage, which both share.
 */
export function createTriageRuntime(host: OfficeHost, graph: Client, storage: Storage = window.localStorage): TriageRuntime {
  const locale = localeFor(host.displayLanguage());
  const settings = (): TriageSettings => parseTriageSettings(host.roamingSettings.get(TRIAGE_SETTINGS_KEY), locale);
  return {
    service: createTriageService({
      graph,
      settings,
      saveSettings: (next) => host.roamingSettings.set(TRIAGE_SETTINGS_KEY, next),
      now: () => new Date(),
    }),
    history: createTriageHistory(storage),
    outbox: createOutbox(storage),
  };
}

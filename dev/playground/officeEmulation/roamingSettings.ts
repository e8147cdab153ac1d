import { ERRORS, split, succeed } from './asyncResult';

const MAX_BYTES = 32 * 1024;

/** The mailbox's copy of the add-in's roaming settings; the playground keeps it in its own local storage. */
export interface SettingsStore {
  load(): Record<string, unknown>;
  save(settings: Record<string, unknown>): void;
}

export function localSettingsStore(storage: Storage, key = 'trail-playground-roaming-settings'): SettingsStore {
  return {
    load: () => JSON.parse(storage.getItem(key) ?? '{}') as Record<string, unknown>,
    save: (settings) => storage.setItem(key, JSON.stringify(settings)),
  };
}

/**
 * Office.context.roamingSettings as documented: each add-in session works on an in-memory copy loaded when it
 * starts; get/set/remove touch only that copy and saveAsync writes the whole copy back
 * (office-js-docs-pr docs/develop/persisting-add-in-state-and-settings.md: "The get, set, and remove methods
 * operate only on the in-memory copy of the settings property bag"). `set` throws error 9057 past 32 KB
 * (office-js-docs-reference docs-ref-autogen/outlook/outlook/office.roamingsettings.yml, set). So a task pane
 * and a function file that are both open each save their own copy, and the last to save wins, as in Outlook.
 */
export function createRoamingSettings(store: SettingsStore): Office.RoamingSettings {
  let copy = store.load();
  const settings = {
    get: (name: string) => copy[name],
    set: (name: string, value: unknown) => {
      const next = { ...copy, [name]: JSON.parse(JSON.stringify(value ?? null)) as unknown };
      if (utf8Length(JSON.stringify(next)) > MAX_BYTES) {
        const failure = ERRORS.settingsTooLarge();
        throw Object.assign(new Error(failure.message), failure);
      }
      copy = next;
    },
    remove: (name: string) => {
      const { [name]: _removed, ...rest } = copy;
      copy = rest;
    },
    saveAsync: (...args: unknown[]) => {
      const { options, callback } = split<void>(args);
      store.save(copy);
      succeed(callback, undefined, options);
    },
  };
  return settings as unknown as Office.RoamingSettings;
}

/** Bytes of `text` in UTF-8: each %XX of its URI encoding is one byte, every other character one. */
const utf8Length = (text: string): number => encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, '.').length;

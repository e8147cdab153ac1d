import { DEFAULT_DUE_RULE, isValidDueRule, type DueRule } from './dueDate';

/**
 * Triage settings: per user, roaming (Office roaming settings). What comes back from roaming storage
 * is user data of any age or shape, so parsing validates every field and falls back field by field;
 * one bad value never costs the user the rest of their settings.
 *
 * Folder names have three layers: Trail's own (in the user's language), the organisation's (tenant
 * settings), and the user's own choice, which wins. Until the user chooses, the names follow the
 * organisation's, even when the organisation changes them later.
 */

export type TriageLocale = 'en' | 'fi';

export interface TriageSettings {
  asapFolderName: string;
  readLaterFolderName: string;
  dueRule: DueRule;
  /** folder ids remembered so a renamed folder is found again */
  folderIds?: { asap?: string; readLater?: string };
  /** The user chose the folder names (in the settings form); otherwise they are the organisation's or Trail's. */
  folderNamesChosen?: boolean;
}

/** The organisation's default folder names (tenant settings), each optional. */
export interface OrganisationFolderNames {
  asapFolderName?: string | undefined;
  readLaterFolderName?: string | undefined;
}

const DEFAULT_NAMES: Record<TriageLocale, { asap: string; readLater: string }> = {
  en: { asap: 'ASAP', readLater: 'Read later' },
  fi: { asap: 'ASAP', readLater: 'Lue myöhemmin' },
};

export function defaultTriageSettings(locale: TriageLocale, organisation: OrganisationFolderNames = {}): TriageSettings {
  const names = DEFAULT_NAMES[locale] ?? DEFAULT_NAMES.en;
  let asap = normaliseFolderName(organisation.asapFolderName) ?? names.asap;
  let readLater = normaliseFolderName(organisation.readLaterFolderName) ?? names.readLater;
  // One organisation name may equal Trail's other one ("ASAP" for Read later): then Trail's pair, which differ.
  if (asap.toLocaleLowerCase() === readLater.toLocaleLowerCase()) [asap, readLater] = [names.asap, names.readLater];
  return { asapFolderName: asap, readLaterFolderName: readLater, dueRule: { ...DEFAULT_DUE_RULE } };
}

/** Our own cap, in user-perceived characters: a name that fits the ~320 px pane and the folder list. */
export const MAX_FOLDER_NAME_LENGTH = 64;

/**
 * Characters Outlook on the web refuses in a folder name (Exchange 2007 SDK, "Special Characters in
 * Folder Names"; the same set is listed for PidTagContactAddressBookFolderName). Desktop Outlook is
 * more lenient, but the folder must work in every client. Control characters are refused as well.
 */
const FORBIDDEN_IN_FOLDER_NAME = /[[\]/\\&~?*|<>";:+\p{Cc}]/u;

/**
 * A folder name as Trail will create or look it up, or undefined when it cannot be one: trimmed,
 * not empty, none of the forbidden characters, not only dots (Exchange treats "." and ".." specially),
 * cut to MAX_FOLDER_NAME_LENGTH whole characters so an emoji is never split.
 */
export function normaliseFolderName(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.normalize('NFC').trim();
  if (!trimmed || FORBIDDEN_IN_FOLDER_NAME.test(trimmed) || /^\.+$/.test(trimmed)) return undefined;
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(trimmed)];
  if (graphemes.length <= MAX_FOLDER_NAME_LENGTH) return trimmed;
  const capped = graphemes
    .slice(0, MAX_FOLDER_NAME_LENGTH)
    .map((g) => g.segment)
    .join('')
    .trim();
  return /^\.+$/.test(capped) ? undefined : capped;
}

/** More than MAX_FOLDER_NAME_LENGTH whole characters once trimmed (counting stops there: a pasted 60k is quick). */
function longerThanFolderName(raw: string): boolean {
  const trimmed = raw.normalize('NFC').trim();
  if (trimmed.length <= MAX_FOLDER_NAME_LENGTH) return false;
  let count = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(trimmed)) if (++count > MAX_FOLDER_NAME_LENGTH) return true;
  return false;
}

// Graph ids are base64-like; anything with whitespace, controls or absurd length is not one.
const MAX_FOLDER_ID_LENGTH = 1024;
function folderId(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const id = raw.trim();
  if (!id || id.length > MAX_FOLDER_ID_LENGTH || /[\s\p{Cc}]/u.test(id)) return undefined;
  return id;
}

function integerIn(raw: unknown, min: number, max: number): number | undefined {
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max ? raw : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own data property only: nothing from a prototype, and no getter runs. */
function field(record: Record<string, unknown>, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(record, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

function parseDueRule(raw: unknown): DueRule {
  const rule = isRecord(raw) ? raw : {};
  return {
    weekday: (integerIn(field(rule, 'weekday'), 1, 7) ?? DEFAULT_DUE_RULE.weekday) as DueRule['weekday'],
    hour: integerIn(field(rule, 'hour'), 0, 23) ?? DEFAULT_DUE_RULE.hour,
    minute: integerIn(field(rule, 'minute'), 0, 59) ?? DEFAULT_DUE_RULE.minute,
  };
}

/**
 * Settings from whatever roaming storage held: missing, partial, older, corrupt, or a JSON string of
 * any of those. Unknown fields are dropped. Never throws.
 */
export function parseTriageSettings(raw: unknown, locale: TriageLocale, organisation: OrganisationFolderNames = {}): TriageSettings {
  const defaults = defaultTriageSettings(locale, organisation);
  try {
    let value = raw;
    // Some writers store the JSON text rather than the object.
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value) as unknown;
      } catch {
        return defaults;
      }
    }
    if (!isRecord(value)) return defaults;

    const chosenFlag = field(value, 'folderNamesChosen');
    const builtIn = defaultTriageSettings(locale);
    // Settings saved before the flag existed always held names: one that is Trail's own default was never a choice.
    const chosen = (key: 'asapFolderName' | 'readLaterFolderName'): string | undefined => {
      const name = normaliseFolderName(field(value as Record<string, unknown>, key));
      if (chosenFlag === true) return name;
      if (chosenFlag === undefined && name !== undefined && name !== builtIn[key]) return name;
      return undefined;
    };
    const asap = chosen('asapFolderName');
    const readLater = chosen('readLaterFolderName');
    const settings: TriageSettings = {
      asapFolderName: asap ?? defaults.asapFolderName,
      readLaterFolderName: readLater ?? defaults.readLaterFolderName,
      dueRule: parseDueRule(field(value, 'dueRule')),
      ...(asap !== undefined || readLater !== undefined ? { folderNamesChosen: true } : {}),
    };
    // One folder for both actions would make them indistinguishable: back to the defaults, which differ.
    if (settings.asapFolderName.toLocaleLowerCase() === settings.readLaterFolderName.toLocaleLowerCase()) {
      settings.asapFolderName = defaults.asapFolderName;
      settings.readLaterFolderName = defaults.readLaterFolderName;
      delete settings.folderNamesChosen;
    }
    const ids = field(value, 'folderIds');
    if (isRecord(ids)) {
      const asap = folderId(field(ids, 'asap'));
      const readLater = folderId(field(ids, 'readLater'));
      if (asap || readLater) settings.folderIds = { ...(asap && { asap }), ...(readLater && { readLater }) };
    }
    return settings;
  } catch {
    // A hostile object (a throwing proxy) is as good as nothing.
    return defaults;
  }
}

/**
 * What roaming storage keeps: names only when the user chose them, so unchosen names keep following
 * the organisation's defaults (and Trail's, in the user's language).
 */
export function storedTriageSettings(settings: TriageSettings): Record<string, unknown> {
  const { asapFolderName, readLaterFolderName, folderNamesChosen, ...rest } = settings;
  return folderNamesChosen ? { ...rest, asapFolderName, readLaterFolderName, folderNamesChosen: true } : { ...rest, folderNamesChosen: false };
}

/** What the user may change in the settings form. */
export type SettingsChange = Pick<TriageSettings, 'asapFolderName' | 'readLaterFolderName' | 'dueRule'>;

export type SettingsProblem = 'invalidName' | 'sameName';

export type SettingsCheck =
  | { ok: true; change: SettingsChange }
  | { ok: false; problems: { asapFolderName?: SettingsProblem; readLaterFolderName?: SettingsProblem; dueRule?: 'invalid' } };

/**
 * A change as typed into the form, checked field by field so each field can say what is wrong with it;
 * names come back normalised exactly as they will be created in the mailbox.
 */
export function checkSettingsChange(input: { asapFolderName: string; readLaterFolderName: string; dueRule: DueRule }): SettingsCheck {
  // What the user typed is refused when too long, never cut: the form says how long a name may be.
  const typed = (raw: string) => (longerThanFolderName(raw) ? undefined : normaliseFolderName(raw));
  const asap = typed(input.asapFolderName);
  const readLater = typed(input.readLaterFolderName);
  const problems: Extract<SettingsCheck, { ok: false }>['problems'] = {};
  if (!asap) problems.asapFolderName = 'invalidName';
  if (!readLater) problems.readLaterFolderName = 'invalidName';
  // Exchange compares folder names case-insensitively: "asap" and "ASAP" would be one folder.
  else if (asap && asap.toLocaleLowerCase() === readLater.toLocaleLowerCase()) problems.readLaterFolderName = 'sameName';
  if (!isValidDueRule(input.dueRule)) problems.dueRule = 'invalid';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const { weekday, hour, minute } = input.dueRule;
  return { ok: true, change: { asapFolderName: asap!, readLaterFolderName: readLater!, dueRule: { weekday, hour, minute } } };
}

/** The folder each action moves to, by name as the user sees it (Archive is Outlook's own). */
export function destinationName(settings: TriageSettings, action: 'asap' | 'readLater' | 'archive'): string {
  return action === 'asap' ? settings.asapFolderName : action === 'readLater' ? settings.readLaterFolderName : '';
}

/**
 * The mailbox context (time zone, Archive and Deleted Items ids) kept in roaming settings, one entry per
 * mailbox. Roaming settings live in the user's own mailbox and roam with it to every Outlook client; all of
 * an add-in's settings together may take 32 KB ("Limits for activation and JavaScript API for Outlook
 * add-ins"; Office.RoamingSettings.set throws 9057 past it), so entries are few and small: the own mailbox
 * ('me') and the shared ones used last, at most MAX_SHARED of them. A folder id is about 120 characters.
 */
import type { RoamingSettings } from '../../office/host';
import type { KnownContext, RememberedContext } from './mailboxSetup';

const OWN = 'me';
/** Shared mailboxes remembered, the oldest dropped first: a handful is what one user triages in. */
const MAX_SHARED = 8;

type Stored = Record<string, KnownContext>;

const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';

function parse(raw: unknown): KnownContext | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const value = raw as Partial<Record<keyof KnownContext, unknown>>;
  if (!isString(value.timeZone) || !isString(value.archiveFolderId)) return undefined;
  return { timeZone: value.timeZone, archiveFolderId: value.archiveFolderId, ...(isString(value.deletedItemsFolderId) ? { deletedItemsFolderId: value.deletedItemsFolderId } : {}) };
}

function stored(settings: RoamingSettings, key: string): Stored {
  const raw = settings.get<unknown>(key);
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Stored) : {};
}

/** `mailbox`: a shared mailbox's address (lower case), or null for the user's own. */
export function rememberedContextIn(settings: RoamingSettings, key: string, mailbox: string | null): RememberedContext {
  const entry = mailbox ? `shared:${mailbox}` : OWN;
  return {
    load: () => parse(stored(settings, key)[entry]),
    save: (context) => {
      const { [entry]: _old, ...rest } = stored(settings, key);
      const shared = Object.keys(rest).filter((name) => name !== OWN);
      // Insertion order is age: the newest is written last.
      for (const name of shared.slice(0, Math.max(0, shared.length - (MAX_SHARED - (mailbox ? 1 : 0))))) delete rest[name];
      return settings.set(key, { ...rest, [entry]: context });
    },
  };
}

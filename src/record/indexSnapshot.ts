/**
 * The entity index between sessions: records and delta links in storage (localStorage in the
 * taskpane), so a new session is warm at once and asks Graph only for what changed since.
 * Versioned and tied to one site's lists; anything unreadable, older or from elsewhere is discarded.
 * localStorage holds about 5 MB per origin, shared with the rest of the add-in: a snapshot that
 * would not fit is not written, and the index lives in memory only.
 */
import type { EntityRecord } from '../domain/localSearch';
import { INDEXED_LISTS, normalOrganisationRecord, normalPersonRecord, projectRecord, type IndexedList } from './indexRecords';

export type SnapshotStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Where the snapshot is kept: the storage and the key the caller chose (services/storage/keys.ts). */
export interface SnapshotPlace {
  storage: SnapshotStorage;
  key: string;
}

export const SNAPSHOT_VERSION = 1;
/** Characters, not bytes: browsers count UTF-16, so 2 M characters are ~4 MB of the ~5 MB there is. */
export const SNAPSHOT_MAX_CHARS = 2_000_000;

/** The site and list ids a snapshot was read from. */
export interface SnapshotScope {
  siteId: string;
  lists: Record<IndexedList, string>;
}

export type StoredIndex =
  | { state: 'warm'; savedAt: string; links: Record<IndexedList, string>; records: EntityRecord[] }
  /** Too many entities to hold: remembered, so each new session does not download them again to find out. */
  | { state: 'tooLarge'; savedAt: string };

type PersonRow = [id: string, name: string, addresses: string, organisationId: string];
type OrganisationRow = [id: string, name: string, domains: string];
type ProjectRow = [id: string, name: string, projectKind: string];

interface Wire extends SnapshotScope {
  v: number;
  state: 'warm' | 'tooLarge';
  savedAt: string;
  links?: Record<IndexedList, string>;
  people?: PersonRow[];
  organisations?: OrganisationRow[];
  projects?: ProjectRow[];
}

export function encodeSnapshot(scope: SnapshotScope, stored: StoredIndex): string {
  const wire: Wire = { v: SNAPSHOT_VERSION, siteId: scope.siteId, lists: scope.lists, state: stored.state, savedAt: stored.savedAt };
  if (stored.state === 'warm') {
    // Tuples, not objects: property names would be most of the text.
    const people: PersonRow[] = [];
    const organisations: OrganisationRow[] = [];
    const projects: ProjectRow[] = [];
    for (const r of stored.records) {
      if (r.kind === 'person') people.push([r.id, r.name, r.addresses.join('\n'), r.organisationId ?? '']);
      else if (r.kind === 'organisation') organisations.push([r.id, r.name, r.addresses.join('\n')]);
      else projects.push([r.id, r.name, r.detail]);
    }
    Object.assign(wire, { links: stored.links, people, organisations, projects });
  }
  return JSON.stringify(wire);
}

/** The stored index, or undefined when the text is corrupt, of another version or of another site. */
export function decodeSnapshot(text: string, scope: SnapshotScope): StoredIndex | undefined {
  let wire: unknown;
  try {
    wire = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(wire) || wire.v !== SNAPSHOT_VERSION || typeof wire.savedAt !== 'string') return undefined;
  const lists = wire.lists;
  if (wire.siteId !== scope.siteId || !isRecord(lists) || INDEXED_LISTS.some((l) => lists[l] !== scope.lists[l])) return undefined;
  if (wire.state === 'tooLarge') return { state: 'tooLarge', savedAt: wire.savedAt };
  if (wire.state !== 'warm') return undefined;
  const links = wire.links;
  if (!isRecord(links) || !INDEXED_LISTS.every((l) => typeof links[l] === 'string' && links[l])) return undefined;
  const people = rows(wire.people, 4);
  const organisations = rows(wire.organisations, 3);
  const projects = rows(wire.projects, 3);
  if (!people || !organisations || !projects) return undefined;
  const split = (joined: string) => (joined ? joined.split('\n') : []);
  const records = [
    ...people.map(([id, name, addresses, organisationId]) => normalPersonRecord(id!, name!, split(addresses!), organisationId || null)),
    ...organisations.map(([id, name, domains]) => normalOrganisationRecord(id!, name!, split(domains!))),
    ...projects.map(([id, name, kind]) => projectRecord(id!, name!, kind!)),
  ];
  return { state: 'warm', savedAt: wire.savedAt, links: links as Record<IndexedList, string>, records };
}

/** Reads the stored index for this scope; a corrupt or outdated one is removed. */
export function readSnapshot(place: SnapshotPlace, scope: SnapshotScope): StoredIndex | undefined {
  let text: string | null;
  try {
    text = place.storage.getItem(place.key);
  } catch {
    return undefined; // storage switched off: as if there were none
  }
  if (text === null) return undefined;
  const stored = decodeSnapshot(text, scope);
  if (!stored) forget(place);
  return stored;
}

/** Writes the index; false (and nothing stored) when it would not fit. */
export function writeSnapshot(place: SnapshotPlace, scope: SnapshotScope, stored: StoredIndex, maxChars = SNAPSHOT_MAX_CHARS): boolean {
  const text = encodeSnapshot(scope, stored);
  if (text.length > maxChars) {
    // An older snapshot would come back with old links and old data: better none.
    forget(place);
    return false;
  }
  try {
    place.storage.setItem(place.key, text);
    return true;
  } catch {
    forget(place); // QuotaExceededError: the rest of the add-in needs the space more
    return false;
  }
}

export function forget(place: SnapshotPlace): void {
  try {
    place.storage.removeItem(place.key);
  } catch {
    // nothing to free
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function rows(value: unknown, width: number): string[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ok = value.every((row) => Array.isArray(row) && row.length === width && row.every((cell) => typeof cell === 'string'));
  return ok ? (value as string[][]) : undefined;
}

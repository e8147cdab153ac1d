/**
 * The entity index between sessions: records and delta links in a snapshot store (IndexedDB in the
 * taskpane, src/services/storage/indexedDbStore.ts), so a new session is warm without a download and
 * asks Graph only for what changed since. Versioned and tied to one site's lists; anything unreadable,
 * older or from elsewhere is discarded.
 *
 * No character cap: values are stored as structured clones, not JSON text in localStorage. The rows are
 * kept in parts of PART_ROWS, written and read one at a time with a pause between, so no single
 * clone (on the main thread, in every browser) holds the page for long. A write that fails (quota,
 * private mode) leaves no snapshot: an older one would come back with old links and old data.
 */
import type { EntityRecord } from '../domain/localSearch';
import { INDEXED_LISTS, normalOrganisationRecord, normalPersonRecord, projectRecord, type IndexedList } from './indexRecords';
import { noPause, type Pause } from './slices';

/** Where snapshots are kept: keyed values, cloned in and out (IndexedDB's object store, or memory in tests). */
export interface SnapshotStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Where the snapshot is kept: the store and the key the caller chose (services/storage/keys.ts). */
export interface SnapshotPlace {
  store: SnapshotStore;
  key: string;
}

/** 3: rows carry stakeholder roles; 4: a closed project says so after its kind; an older snapshot is read again from Graph once. */
export const SNAPSHOT_VERSION = 4;
/**
 * Rows per stored part: a part clones in a few milliseconds. Reading a part of 5,000 (IndexedDB's
 * structured clone and the records made of it, both on the main thread) took 50-66 ms in Chromium
 * (bench/entityIndexChromium.ts); a part of 1,000 stays well inside a frame.
 */
export const PART_ROWS = 1_000;

/** The site and list ids a snapshot was read from. */
export interface SnapshotScope {
  siteId: string;
  lists: Record<IndexedList, string>;
}

export type StoredIndex =
  | { state: 'warm'; savedAt: string; links: Record<IndexedList, string>; records: EntityRecord[] }
  /** Too many entities to hold: remembered, so each new session does not download them again to find out. */
  | { state: 'tooLarge'; savedAt: string };

/** One record as a tuple: property names would be most of what is stored. */
/** Roles, the sixth cell, only when there are some: most entities have none. */
type Row = [kind: 0 | 1 | 2, id: string, name: string, addressesOrDetail: string, organisationId: string, roles?: string];

interface Head extends SnapshotScope {
  v: number;
  state: 'warm' | 'tooLarge';
  savedAt: string;
  links?: Record<IndexedList, string>;
  parts?: number;
}

/** The whole snapshot as one value: the head and its rows (what the store holds, split into parts). */
export interface Wire {
  head: Head;
  rows: Row[];
}

export function encodeSnapshot(scope: SnapshotScope, stored: StoredIndex): Wire {
  return { head: encodeHead(scope, stored), rows: stored.state === 'warm' ? stored.records.map(rowOf) : [] };
}

function encodeHead(scope: SnapshotScope, stored: StoredIndex): Head {
  const head: Head = { v: SNAPSHOT_VERSION, siteId: scope.siteId, lists: scope.lists, state: stored.state, savedAt: stored.savedAt };
  if (stored.state === 'warm') head.links = stored.links;
  return head;
}

/** The stored index, or undefined when the value is corrupt, of another version or of another site. */
export function decodeSnapshot(wire: unknown, scope: SnapshotScope): StoredIndex | undefined {
  if (!isRecord(wire) || !Array.isArray(wire.rows)) return undefined;
  const head = headOf(wire.head, scope);
  if (!head) return undefined;
  if (head.state === 'tooLarge') return { state: 'tooLarge', savedAt: head.savedAt };
  const records = recordsOf(wire.rows);
  return records && { state: 'warm', savedAt: head.savedAt, links: head.links!, records };
}

/** Reads the stored index for this scope, part by part; a corrupt or outdated one is removed. */
export async function readSnapshot(place: SnapshotPlace, scope: SnapshotScope, pause: Pause = noPause): Promise<StoredIndex | undefined> {
  let head: Head | undefined;
  try {
    const value = await place.store.get(place.key);
    if (value === undefined) return undefined;
    head = headOf(value, scope);
    if (head?.state === 'tooLarge') return { state: 'tooLarge', savedAt: head.savedAt };
    const records: EntityRecord[] = [];
    for (let part = 0; head && part < (head.parts ?? 0); part++) {
      const rows = recordsOf(await place.store.get(partKey(place.key, part)));
      if (!rows) {
        head = undefined;
        break;
      }
      for (const record of rows) records.push(record);
      await pause();
    }
    if (head) return { state: 'warm', savedAt: head.savedAt, links: head.links!, records };
  } catch {
    return undefined; // storage switched off or failing: as if there were none
  }
  await forget(place);
  return undefined;
}

/** Writes the index part by part; false (and nothing stored) when the store refuses it. */
export async function writeSnapshot(place: SnapshotPlace, scope: SnapshotScope, stored: StoredIndex, pause: Pause = noPause): Promise<boolean> {
  const head = encodeHead(scope, stored);
  const records = stored.state === 'warm' ? stored.records : [];
  const parts = Math.ceil(records.length / PART_ROWS);
  try {
    // The head goes last: until it is written, what the parts hold is never read.
    await forget(place);
    for (let part = 0; part < parts; part++) {
      // Rows are made a part at a time: 200,000 made at once held the pane for over 100 ms.
      const rows = records.slice(part * PART_ROWS, (part + 1) * PART_ROWS).map(rowOf);
      await pause();
      await place.store.set(partKey(place.key, part), rows);
      await pause();
    }
    await place.store.set(place.key, { ...head, parts });
    return true;
  } catch {
    await forget(place, parts); // quota: the rest of the add-in needs the space more
    return false;
  }
}

/** Removes the snapshot: its head, and its parts as the head counts them (or `parts`, when more). */
export async function forget(place: SnapshotPlace, parts = 0): Promise<void> {
  try {
    const head = await place.store.get(place.key);
    const counted = isRecord(head) && Number.isInteger(head.parts) ? (head.parts as number) : 0;
    await place.store.delete(place.key);
    for (let part = 0; part < Math.max(parts, counted); part++) await place.store.delete(partKey(place.key, part));
  } catch {
    // nothing to free
  }
}

/** A store in memory that clones as IndexedDB does: for tests, and where the browser has no IndexedDB. */
export function createMemorySnapshotStore(): SnapshotStore & { readonly values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: (key) => Promise.resolve(values.has(key) ? structuredClone(values.get(key)) : undefined),
    set: (key, value) => Promise.resolve(void values.set(key, structuredClone(value))),
    delete: (key) => Promise.resolve(void values.delete(key)),
  };
}

const partKey = (key: string, part: number): string => `${key}#${part}`;

const KINDS = ['person', 'organisation', 'project'] as const;

function rowOf(r: EntityRecord): Row {
  const kind = KINDS.indexOf(r.kind) as 0 | 1 | 2;
  // Roles are kept with ';' after each in the record (entityWrites.ts): no role holds one.
  const row: Row = [kind, r.id, r.name, r.kind === 'project' ? (r.closed ? `${r.detail}\nclosed` : r.detail) : r.addresses.join('\n'), r.organisationId ?? ''];
  if (r.roles?.length) row.push(r.roles.join(';'));
  return row;
}

function headOf(value: unknown, scope: SnapshotScope): Head | undefined {
  if (!isRecord(value) || value.v !== SNAPSHOT_VERSION || typeof value.savedAt !== 'string') return undefined;
  const lists = value.lists;
  if (value.siteId !== scope.siteId || !isRecord(lists) || INDEXED_LISTS.some((l) => lists[l] !== scope.lists[l])) return undefined;
  if (value.state === 'tooLarge') return value as unknown as Head;
  if (value.state !== 'warm') return undefined;
  const links = value.links;
  if (!isRecord(links) || !INDEXED_LISTS.every((l) => typeof links[l] === 'string' && links[l])) return undefined;
  if (value.parts !== undefined && !(Number.isInteger(value.parts) && (value.parts as number) >= 0)) return undefined;
  return value as unknown as Head;
}

function recordsOf(value: unknown): EntityRecord[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const split = (joined: string) => (joined ? joined.split('\n') : []);
  const records: EntityRecord[] = [];
  for (const row of value as unknown[]) {
    if (!Array.isArray(row) || (row.length !== 5 && row.length !== 6) || !row.slice(1).every((cell) => typeof cell === 'string')) return undefined;
    const [kind, id, name, text, organisationId, roles] = row as Row;
    const roleList = roles ? roles.split(';') : undefined;
    if (kind === 0) records.push(normalPersonRecord(id, name, split(text), organisationId || null, roleList));
    else if (kind === 1) records.push(normalOrganisationRecord(id, name, split(text), roleList));
    else if (kind === 2) records.push(projectRecord(id, name, split(text)[0] ?? '', split(text)[1] === 'closed'));
    else return undefined;
  }
  return records;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A client-side index of people, organisations and projects (names, addresses, domains), so
 * suggestions and search-as-you-type answer without a round trip for a record of normal size.
 * Loaded once through list-item delta, kept fresh with the delta links (all three lists in one
 * `$batch`), and kept between sessions as a snapshot when a store is given (IndexedDB in the pane).
 * When it is not warm (cold, loading, failed, or the record is too large to hold) callers search the
 * server instead.
 *
 * Main thread: building, restoring and saving run in slices (./slices.ts), yielding between them, so
 * no task holds the pane for long; the snapshot is restored only after the pane has painted.
 */
import { isPublicMailDomain, normaliseAddress, normaliseDomain } from '../domain/addresses';
import type { EntityRef, EntitySummary } from '../domain/entities';
import { LocalEntityIndex, summaryOf, type EntityRecord } from '../domain/localSearch';
import { normaliseName } from '../domain/nameWords';
import { GraphRequestError } from '../graph/errors';
import { deltaStartPath, isResyncRequired, readDeltaRound, readDeltaRounds, type DeltaEntry } from './indexDelta';
import { listsMayExceed } from './entityIndexSize';
import { INDEXED_LISTS, KIND_OF_LIST, recordOf, type IndexedList } from './indexRecords';
import { forget, readSnapshot, writeSnapshot, type SnapshotPlace, type SnapshotScope } from './indexSnapshot';
import { afterPaint, slicedPause, type Pause } from './slices';
import type { SiteLists } from './listItems';

export type IndexState = 'cold' | 'loading' | 'warm' | 'tooLarge' | 'failed';

export interface IndexedPerson extends EntitySummary {
  emails: string[];
  organisationId: string | null;
}

export interface IndexedOrganisation extends EntitySummary {
  domains: string[];
}

export interface EntityIndex {
  readonly state: IndexState;
  /** A person by any of their addresses (normalised, case-insensitive); undefined when unknown or not warm. */
  personByAddress(address: string): IndexedPerson | undefined;
  /** An organisation by mail domain; never for public mail domains. */
  organisationByDomain(domain: string): IndexedOrganisation | undefined;
  entity(ref: EntityRef): EntitySummary | undefined;
  /** Prefix search over name words (and address/domain prefixes), across kinds, best first; [] when not warm. */
  search(text: string, limit?: number): EntitySummary[];
  /** Loads (first call) or applies changes since the last call, via list-item delta on people, organisations and projects. */
  refresh(): Promise<void>;
  /**
   * Refreshes only when the index last caught up with the record longer than `maxAgeMs` ago (default
   * ENTITY_MAX_AGE_MS), or never did in this session: what the user types into search, and what filing
   * takes as still there, is then at most that old. Never rejects.
   */
  freshen(maxAgeMs?: number): Promise<void>;
  /** Whether the index caught up with the record in this session within `maxAgeMs` (default ENTITY_MAX_AGE_MS). */
  isFresh(maxAgeMs?: number): boolean;
  subscribe(listener: () => void): () => void;
}

export interface EntityIndexOptions {
  /** Above this many entities the index stops at 'tooLarge' and callers search the server. Default 300,000. */
  maxEntities?: number;
  /** Where the snapshot and delta links persist between sessions (IndexedDB in the taskpane); none in tests unless given. */
  snapshot?: SnapshotPlace;
  /** How long work runs between yields (default: slices of 8 ms; tests may pass `noPause`). */
  pause?: () => Pause;
  now?: () => Date;
  /** Organisation-specific additions to the public mail domains, as the store has them. */
  extraPublicDomains?: readonly string[];
  /** Items per delta page (default 1,000); small pages let tests see paging. */
  pageSize?: number;
}

/**
 * How old the pane's knowledge of people, organisations and projects may be when it is used: 30 minutes
 * (issue 18, the shared app budget). A colleague's new entity or edit shows within that time; the user's
 * own at once (the index is refreshed after each of the user's entity writes). Filings, which change
 * far more often, are kept fresher (REPLICA_MAX_AGE_MS, replicatedTrailStore.ts).
 */
export const ENTITY_MAX_AGE_MS = 30 * 60_000;

/** 200,000 people and 20,000 organisations with room to grow: about 50 MB of heap, in IndexedDB without a cap. */
export const DEFAULT_MAX_ENTITIES = 300_000;
/** A record found too large is measured again after a week: it may have shrunk, or the limit grown. */
const TOO_LARGE_RECHECK_MS = 7 * 24 * 60 * 60 * 1000;

export function createEntityIndex(lists: SiteLists, options: EntityIndexOptions = {}): EntityIndex {
  return new DeltaEntityIndex(lists, options);
}

/** Search-as-you-type that uses the index when warm and the server otherwise. */
export async function searchEntities(
  index: EntityIndex,
  serverSearch: (prefix: string, limit: number) => Promise<EntitySummary[]>,
  text: string,
  limit = 20,
): Promise<{ results: EntitySummary[]; source: 'index' | 'server' }> {
  if (index.state === 'warm') return { results: index.search(text, limit), source: 'index' };
  if (!normaliseName(text)) return { results: [], source: 'server' };
  return { results: await serverSearch(text, limit), source: 'server' };
}

/** Thrown from inside a load when the record outgrows `maxEntities`; never leaves this file. */
class TooLarge extends Error {}

/** How many more entities may be loaded, shared by lists read side by side. */
class Room {
  constructor(private left: number) {}
  take(count: number): void {
    this.left -= count;
    if (this.left < 0) throw new TooLarge();
  }
  give(count: number): void {
    this.left += count;
  }
}

class DeltaEntityIndex implements EntityIndex {
  private current: IndexState = 'cold';
  private table = new LocalEntityIndex();
  private links: Record<IndexedList, string> | undefined;
  private restored = false;
  private running: Promise<void> | undefined;
  /** When the last refresh that caught up with the record started (ms); undefined until one has. */
  private caughtUpAt: number | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly maxEntities: number;
  private readonly now: () => Date;
  private readonly scope: SnapshotScope;

  constructor(
    private readonly lists: SiteLists,
    private readonly options: EntityIndexOptions,
  ) {
    this.maxEntities = options.maxEntities ?? DEFAULT_MAX_ENTITIES;
    this.now = options.now ?? (() => new Date());
    const ids = lists.location.lists;
    this.scope = { siteId: lists.location.siteId, lists: { people: ids.people, organisations: ids.organisations, projects: ids.projects } };
  }

  get state(): IndexState {
    return this.current;
  }

  personByAddress(address: string): IndexedPerson | undefined {
    const normal = normaliseAddress(address);
    const record = this.current === 'warm' && normal.ok ? this.table.person(normal.address) : undefined;
    return record && indexedPerson(record);
  }

  organisationByDomain(domain: string): IndexedOrganisation | undefined {
    const normal = normaliseDomain(domain);
    if (this.current !== 'warm' || !normal || isPublicMailDomain(normal, this.options.extraPublicDomains)) return undefined;
    const record = this.table.organisation(normal);
    return record && indexedOrganisation(record);
  }

  entity(ref: EntityRef): EntitySummary | undefined {
    const record = this.current === 'warm' ? this.table.get(ref) : undefined;
    if (!record) return undefined;
    return record.kind === 'person' ? indexedPerson(record) : record.kind === 'organisation' ? indexedOrganisation(record) : summaryOf(record);
  }

  search(text: string, limit = 20): EntitySummary[] {
    return this.current === 'warm' ? this.table.search(text, limit) : [];
  }

  /** Never rejects: a failure leaves a warm index as it was (the next call retries), a cold one 'failed'. */
  refresh(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  freshen(maxAgeMs = ENTITY_MAX_AGE_MS): Promise<void> {
    return this.isFresh(maxAgeMs) && !this.running ? Promise.resolve() : this.refresh();
  }

  isFresh(maxAgeMs = ENTITY_MAX_AGE_MS): boolean {
    return this.current === 'warm' && this.caughtUpAt !== undefined && this.now().getTime() - this.caughtUpAt <= maxAgeMs;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private async run(): Promise<void> {
    if (!this.restored) {
      this.restored = true;
      // The pane paints its subject first; reading and sorting 200,000 entities comes after, in slices.
      if (this.options.snapshot) await afterPaint();
      await this.restore();
    }
    if (this.current === 'tooLarge') return;
    const started = this.now().getTime();
    try {
      if (this.current === 'warm' && this.links) await this.catchUp(this.links);
      else await this.loadAll();
      if (this.current === 'warm') this.caughtUpAt = started;
    } catch (error) {
      if (error instanceof TooLarge) this.becomeTooLarge();
      else if (this.current !== 'warm') this.setState('failed');
    }
  }

  /** A stored snapshot makes the index warm before any round trip. */
  private async restore(): Promise<void> {
    if (!this.options.snapshot) return;
    const pause = this.pause();
    const stored = await readSnapshot(this.options.snapshot, this.scope, pause);
    if (!stored) return;
    if (stored.state === 'tooLarge') {
      if (this.now().getTime() - Date.parse(stored.savedAt) < TOO_LARGE_RECHECK_MS) this.setState('tooLarge');
      else await forget(this.options.snapshot);
      return;
    }
    if (stored.records.length > this.maxEntities) return;
    this.table = await buildTable([stored.records], pause);
    this.links = stored.links;
    this.setState('warm');
  }

  private pause(): Pause {
    return (this.options.pause ?? slicedPause)();
  }

  /** The first load: the three lists side by side, the index swapped in only when all are read. */
  private async loadAll(): Promise<void> {
    this.setState('loading');
    // Past the cap by the lists' own numbering: too large, known before anything is downloaded.
    if (await listsMayExceed(this.lists, this.maxEntities)) throw new TooLarge();
    const room = new Room(this.maxEntities);
    const failure: { error?: unknown } = {};
    const reads = INDEXED_LISTS.map((list) =>
      this.readWholeList(list, room, failure).catch((error: unknown) => {
        failure.error ??= error; // the other lists stop at their next page
        throw error;
      }),
    );
    const lists = await Promise.all(reads);
    // Each list's records straight from its map: copied into one array of 220,000 first, that copy alone was a long task.
    this.table = await buildTable(
      lists.map(({ records }) => records.values()),
      this.pause(),
    );
    this.links = { people: lists[0]!.deltaLink, organisations: lists[1]!.deltaLink, projects: lists[2]!.deltaLink };
    this.setState('warm');
    await this.save();
  }

  /** Everything in one list from the start of its delta feed; read once more if the feed restarts (410). */
  private async readWholeList(list: IndexedList, room: Room, failure: { error?: unknown } = {}): Promise<{ records: Map<string, EntityRecord>; deltaLink: string }> {
    for (let attempt = 0; ; attempt++) {
      const byId = new Map<string, EntityRecord>();
      const pause = this.pause();
      try {
        const deltaLink = await readDeltaRound(this.lists.graph, deltaStartPath(this.lists, list, this.options.pageSize), async (entries) => {
          if (failure.error !== undefined) throw failure.error;
          const before = byId.size;
          // The same item may come twice in one feed: the last occurrence wins. A page of 1,000 is made
          // into records in slices: at once it held the pane for tens of milliseconds.
          for (const [i, entry] of entries.entries()) {
            if (entry.item) byId.set(entry.id, recordOf(list, entry.item));
            else byId.delete(entry.id);
            if ((i & 63) === 63) await pause();
          }
          room.take(byId.size - before);
        });
        return { records: byId, deltaLink };
      } catch (error) {
        room.give(byId.size);
        const again = attempt === 0 && failure.error === undefined && !(error instanceof TooLarge) && error instanceof GraphRequestError && isResyncRequired(error);
        if (!again) throw error;
      }
    }
  }

  /** Changes since the last round, all three lists in one round trip; nothing applies unless all arrive. */
  private async catchUp(links: Record<IndexedList, string>): Promise<void> {
    const rounds = await readDeltaRounds(this.lists.graph, INDEXED_LISTS.map((list) => ({ list, link: links[list] })));
    const put: EntityRecord[] = [];
    const remove: EntityRef[] = [];
    const next = { ...links };
    for (const round of rounds) {
      const kind = KIND_OF_LIST[round.list];
      if (round.resync) {
        const inOtherLists = [...this.table.records()].filter((r) => r.kind !== kind).length;
        const reread = await this.readWholeList(round.list, new Room(this.maxEntities - inOtherLists));
        for (const record of this.table.records()) if (record.kind === kind && !reread.records.has(record.id)) remove.push({ kind, id: record.id });
        for (const record of reread.records.values()) put.push(record);
        next[round.list] = reread.deltaLink;
      } else {
        collect(round.list, round.entries, put, remove);
        next[round.list] = round.deltaLink;
      }
    }
    if (put.length + remove.length > CHANGES_IN_PLACE) {
      // Many changes (a list read again): a new table built in slices, swapped in when ready.
      const changed = new LocalEntityIndex();
      const pause = this.pause();
      await changed.applyInSlices({ put: [...this.table.records()], remove: [] }, pause);
      await changed.applyInSlices({ put, remove }, pause);
      await changed.prepareInSlices(pause);
      this.table = changed;
    } else this.table.apply({ put, remove }); // a few: keys kept sorted one by one
    this.links = next;
    if (this.table.size > this.maxEntities) throw new TooLarge();
    if (put.length + remove.length === 0) return;
    await this.save();
    this.notify();
  }

  private becomeTooLarge(): void {
    this.table = new LocalEntityIndex(); // the memory goes back
    this.links = undefined;
    if (this.options.snapshot) void writeSnapshot(this.options.snapshot, this.scope, { state: 'tooLarge', savedAt: this.now().toISOString() });
    this.setState('tooLarge');
  }

  private async save(): Promise<void> {
    if (!this.options.snapshot || !this.links) return;
    const pause = this.pause();
    const links = this.links;
    // Gathered in slices: 220,000 records spread at once held the thread for tens of milliseconds.
    const records: EntityRecord[] = [];
    for (const record of this.table.records()) {
      records.push(record);
      if ((records.length & 1023) === 0) await pause();
    }
    await writeSnapshot(this.options.snapshot, this.scope, { state: 'warm', savedAt: this.now().toISOString(), links, records }, pause);
  }

  private setState(state: IndexState): void {
    if (state === this.current) return;
    this.current = state;
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** Delta entries as records to put and refs to remove; an item seen twice counts as last seen. */
function collect(list: IndexedList, entries: readonly DeltaEntry[], put: EntityRecord[], remove: EntityRef[]): void {
  const kind = KIND_OF_LIST[list];
  const last = new Map(entries.map((entry) => [entry.id, entry]));
  for (const entry of last.values()) {
    if (entry.item) put.push(recordOf(list, entry.item));
    else remove.push({ kind, id: entry.id });
  }
}

/** Up to this many changes apply in place (keys inserted one by one); more rebuild the table in slices. */
const CHANGES_IN_PLACE = 500;

/** A table of the records in `parts`, built and sorted in slices. */
async function buildTable(parts: ReadonlyArray<Iterable<EntityRecord>>, pause: Pause): Promise<LocalEntityIndex> {
  const table = new LocalEntityIndex();
  for (const records of parts) await table.putAllInSlices(records, pause);
  await table.prepareInSlices(pause);
  return table;
}

function indexedPerson(record: EntityRecord): IndexedPerson {
  return { ...summaryOf(record), emails: [...record.addresses], organisationId: record.organisationId };
}

function indexedOrganisation(record: EntityRecord): IndexedOrganisation {
  return { ...summaryOf(record), domains: [...record.addresses] };
}

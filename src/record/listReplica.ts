/**
 * A local copy of one SharePoint list, kept by list-item delta as the entity index keeps people,
 * organisations and projects (entityIndex.ts): loaded once from the start of the list's delta feed, then
 * brought up to date with its delta link. Each round with a token costs 1 resource unit a page, the
 * cheapest read SharePoint has (sp-dev-docs "Avoid getting throttled or blocked in SharePoint Online",
 * application throttling: "a delta request with a token" costs 1 RU, a multi-item query 2).
 *
 * Only the columns asked for are kept, with each row's id and creation time, found again by the keys
 * the caller derives from a row's fields (an item key, a conversation, an entity). What is kept is a
 * fact as of the last round: `polledAt` says when, and callers decide how old an answer may be.
 *
 * Past `maxRows` (decided before downloading, by the list's numbering: entityIndexSize.ts) it stays
 * 'tooLarge' and callers ask the server, as before. Work on many rows runs in slices (slices.ts).
 */
import { GraphRequestError } from '../graph/errors';
import { queryString } from '../graph/odata';
import { isResyncRequired, readDeltaRound, type DeltaEntry } from './indexDelta';
import { listMayExceed } from './entityIndexSize';
import type { ListItem, SiteLists } from './listItems';
import type { ListName } from './schema';
import type { SnapshotPlace } from './indexSnapshot';
import { slicedPause, type Pause } from './slices';

export type ReplicaState = 'cold' | 'loading' | 'warm' | 'tooLarge' | 'failed';

/** One kept row: what `toListItem` gives, narrowed to the id, its creation time and the columns asked for. */
export interface ReplicaRow {
  id: string;
  createdAt: string;
  fields: Record<string, unknown>;
  /** Kept only when the spec asks for the item's version (`withVersion`): an entity read for editing needs it. */
  etag?: string;
  modifiedAt?: string;
}

export interface ListReplicaSpec {
  list: ListName;
  /** The columns kept (and asked for in `$expand=fields($select=...)`). */
  fields: readonly string[];
  /** The keys a row is found by (e.g. `item:<ItemKey>`); empty values are skipped. */
  keysOf(fields: Record<string, unknown>): string[];
  /** Keep each row's eTag and lastModifiedDateTime too (an entity's; a filing's is never read). */
  withVersion?: boolean;
}

export interface ListReplicaOptions {
  /** Above this many rows the replica stays 'tooLarge' and callers ask the server. */
  maxRows: number;
  snapshot?: SnapshotPlace;
  pause?: () => Pause;
  now?: () => number;
  /** Items per delta page (default 1,000). */
  pageSize?: number;
}

/** 1: rows as [id, createdAt, fields]. */
const SNAPSHOT_VERSION = 1;
const PART_ROWS = 1_000;
/** A list found too large is measured again after a week (as the entity index does). */
const TOO_LARGE_RECHECK_MS = 7 * 24 * 60 * 60 * 1000;

class TooLarge extends Error {}

export class ListReplica {
  private current: ReplicaState = 'cold';
  private rows = new Map<string, ReplicaRow>();
  private byKey = new Map<string, Set<string>>();
  private link: string | undefined;
  private restored = false;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  /** When the last round that reached the delta link started (ms); -Infinity when never, or when a write's outcome is unknown. */
  private polled = Number.NEGATIVE_INFINITY;
  /** Bumped by `invalidate`: a round that started before it does not make the replica fresh. */
  private generation = 0;
  private attempted = Number.NEGATIVE_INFINITY;
  /** Rounds that reached the list (for benches and tests). */
  polls = 0;
  private readonly now: () => number;

  constructor(
    private readonly lists: SiteLists,
    readonly spec: ListReplicaSpec,
    private readonly options: ListReplicaOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get state(): ReplicaState {
    return this.current;
  }

  /** How long ago the last completed round started; Infinity when never (or after `invalidate`). */
  age(): number {
    return this.now() - this.polled;
  }

  get size(): number {
    return this.rows.size;
  }

  /** The row of an item id; undefined when not kept or not warm. */
  row(id: string): ReplicaRow | undefined {
    return this.current === 'warm' ? this.rows.get(id) : undefined;
  }

  /** The rows found by a key, in no particular order; [] when not warm. */
  find(key: string): ReplicaRow[] {
    if (this.current !== 'warm') return [];
    const ids = this.byKey.get(key);
    return ids ? [...ids].map((id) => this.rows.get(id)!) : [];
  }

  /**
   * Warm and no older than `maxAgeMs`, polling first when older (one round trip, 1 RU a page). False
   * when it cannot say (cold, loading, too large, or the poll failed): the caller asks the server.
   */
  async fresh(maxAgeMs: number): Promise<boolean> {
    if (this.current === 'warm' && this.age() < maxAgeMs) return true;
    if (this.current === 'tooLarge') return false;
    if (this.current !== 'warm') {
      // The first load runs in the background (meanwhile the server answers); one that failed is tried
      // again only after `maxAgeMs`, not on every read.
      if (this.current !== 'failed' || this.now() - this.attempted >= maxAgeMs) void this.poll();
      return false;
    }
    await this.poll();
    return this.current === 'warm' && this.age() < maxAgeMs;
  }

  /**
   * Loads (first call) or applies the changes since the last round, in a round that starts after this
   * call (one already under way may have missed what was just written: another follows it). Never rejects.
   */
  refresh(): Promise<void> {
    if (!this.running) return this.poll();
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.poll();
    });
    return this.queued;
  }

  /** A round, or the one under way: one at a time. */
  private poll(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  /** A row this client wrote (its answer in hand): kept at once, so reading it back asks nothing. */
  put(item: ListItem): void {
    if (this.current !== 'warm') return;
    this.set(this.rowOf(item));
  }

  /** A row this client removed. */
  remove(id: string): void {
    if (this.current === 'warm') this.delete(id);
  }

  /** A write whose outcome is not known (or that others' rows depend on): the next read polls first. */
  invalidate(): void {
    this.polled = Number.NEGATIVE_INFINITY;
    this.generation++;
  }

  private async run(): Promise<void> {
    if (!this.restored) {
      this.restored = true;
      await this.restore();
    }
    if (this.current === 'tooLarge') return;
    const started = (this.attempted = this.now());
    const generation = this.generation;
    try {
      if (this.current === 'warm' && this.link) await this.catchUp(this.link);
      else await this.loadAll();
      if (generation === this.generation) this.polled = started;
      this.polls++;
    } catch (error) {
      if (error instanceof TooLarge) this.becomeTooLarge();
      else if (this.current !== 'warm') this.current = 'failed';
    }
  }

  private pause(): Pause {
    return (this.options.pause ?? slicedPause)();
  }

  private startPath(): string {
    return (
      `${this.lists.itemsPath(this.spec.list)}/delta` +
      queryString({ select: ['id', 'createdDateTime', ...(this.spec.withVersion ? ['eTag', 'lastModifiedDateTime'] : [])], expand: `fields($select=${this.spec.fields.join(',')})`, top: this.options.pageSize ?? 1000 })
    );
  }

  private async loadAll(): Promise<void> {
    this.current = 'loading';
    if (await listMayExceed(this.lists, this.spec.list, this.options.maxRows)) throw new TooLarge();
    for (let attempt = 0; ; attempt++) {
      const byId = new Map<string, ReplicaRow>();
      const pause = this.pause();
      try {
        const link = await readDeltaRound(this.lists.graph, this.startPath(), async (entries) => {
          for (const [i, entry] of entries.entries()) {
            if (entry.item) byId.set(entry.id, this.rowOf(entry.item));
            else byId.delete(entry.id);
            if ((i & 63) === 63) await pause();
          }
          if (byId.size > this.options.maxRows) throw new TooLarge();
        });
        await this.replaceAll([...byId.values()], pause);
        this.link = link;
        this.current = 'warm';
        await this.save();
        return;
      } catch (error) {
        if (attempt > 0 || !(error instanceof GraphRequestError && isResyncRequired(error))) throw error;
      }
    }
  }

  private async catchUp(link: string): Promise<void> {
    const entries: DeltaEntry[] = [];
    let next: string;
    try {
      next = await readDeltaRound(this.lists.graph, link, (page) => void entries.push(...page));
    } catch (error) {
      if (error instanceof GraphRequestError && isResyncRequired(error)) {
        // The token expired: the list is read again and swapped in whole (the old rows serve until then).
        const rows = this.rows;
        const byKey = this.byKey;
        try {
          await this.loadAll();
        } catch (again) {
          if (this.current === 'loading') [this.rows, this.byKey, this.current] = [rows, byKey, 'warm'];
          throw again;
        }
        return;
      }
      throw error;
    }
    const pause = this.pause();
    for (const [i, entry] of entries.entries()) {
      if (entry.item) this.set(this.rowOf(entry.item));
      else this.delete(entry.id);
      if ((i & 63) === 63) await pause();
    }
    this.link = next;
    if (this.rows.size > this.options.maxRows) throw new TooLarge();
    if (entries.length) await this.save();
  }

  private rowOf(item: ListItem): ReplicaRow {
    const row: ReplicaRow = { id: item.id, createdAt: item.createdAt, fields: pick(item.fields, this.spec.fields) };
    return this.spec.withVersion ? { ...row, etag: item.etag, modifiedAt: item.modifiedAt } : row;
  }

  private async replaceAll(rows: readonly ReplicaRow[], pause: Pause): Promise<void> {
    this.rows = new Map();
    this.byKey = new Map();
    for (const [i, row] of rows.entries()) {
      this.set(row);
      if ((i & 255) === 255) await pause();
    }
  }

  private set(row: ReplicaRow): void {
    if (this.rows.has(row.id)) this.delete(row.id);
    this.rows.set(row.id, row);
    for (const key of this.spec.keysOf(row.fields)) {
      let ids = this.byKey.get(key);
      if (!ids) this.byKey.set(key, (ids = new Set()));
      ids.add(row.id);
    }
  }

  private delete(id: string): void {
    const row = this.rows.get(id);
    if (!row) return;
    this.rows.delete(id);
    for (const key of this.spec.keysOf(row.fields)) {
      const ids = this.byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.byKey.delete(key);
    }
  }

  private becomeTooLarge(): void {
    this.rows = new Map();
    this.byKey = new Map();
    this.link = undefined;
    this.current = 'tooLarge';
    const place = this.options.snapshot;
    if (place) void place.store.set(place.key, { ...this.scope(), v: SNAPSHOT_VERSION, state: 'tooLarge', savedAt: this.now() }).catch(() => undefined);
  }

  private scope() {
    return { siteId: this.lists.location.siteId, listId: this.lists.location.lists[this.spec.list], fields: this.spec.fields.join(',') + (this.spec.withVersion ? '+version' : '') };
  }

  /** A snapshot of the same site, list and columns makes the replica warm before any round trip (it still polls before answering). */
  private async restore(): Promise<void> {
    const place = this.options.snapshot;
    if (!place) return;
    try {
      const head = (await place.store.get(place.key)) as Record<string, unknown> | undefined;
      const scope = this.scope();
      if (!head || head.v !== SNAPSHOT_VERSION || head.siteId !== scope.siteId || head.listId !== scope.listId || head.fields !== scope.fields) return;
      if (head.state === 'tooLarge') {
        if (this.now() - Number(head.savedAt) < TOO_LARGE_RECHECK_MS) this.current = 'tooLarge';
        return;
      }
      const rows: ReplicaRow[] = [];
      const pause = this.pause();
      for (let part = 0; part < Number(head.parts); part++) {
        const stored = (await place.store.get(`${place.key}#${part}`)) as Array<[string, string, Record<string, unknown>, string?, string?]> | undefined;
        if (!Array.isArray(stored)) return;
        for (const [id, createdAt, fields, etag, modifiedAt] of stored) rows.push({ id, createdAt, fields, ...(etag !== undefined ? { etag, modifiedAt: modifiedAt ?? '' } : {}) });
        await pause();
      }
      if (rows.length > this.options.maxRows) return;
      await this.replaceAll(rows, pause);
      this.link = String(head.link);
      this.current = 'warm';
    } catch {
      // storage switched off or unreadable: loaded from Graph instead
    }
  }

  private async save(): Promise<void> {
    const place = this.options.snapshot;
    if (!place || !this.link) return;
    const rows = [...this.rows.values()];
    const parts = Math.ceil(rows.length / PART_ROWS);
    const pause = this.pause();
    try {
      await place.store.delete(place.key); // the head last: parts without a head are never read
      for (let part = 0; part < parts; part++) {
        await place.store.set(`${place.key}#${part}`, rows.slice(part * PART_ROWS, (part + 1) * PART_ROWS).map((r) => (r.etag !== undefined ? [r.id, r.createdAt, r.fields, r.etag, r.modifiedAt] : [r.id, r.createdAt, r.fields])));
        await pause();
      }
      await place.store.set(place.key, { ...this.scope(), v: SNAPSHOT_VERSION, state: 'warm', savedAt: this.now(), link: this.link, parts });
    } catch {
      await place.store.delete(place.key).catch(() => undefined); // quota: no snapshot rather than an old one
    }
  }
}

function pick(fields: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const name of names) if (fields[name] !== undefined && fields[name] !== null && fields[name] !== '') kept[name] = fields[name];
  return kept;
}

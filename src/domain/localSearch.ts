/**
 * The entities a client holds in memory for lookups and search-as-you-type without a round trip.
 * Pure: records in, answers out. Search uses exactly the words the server's Keys list holds
 * (`nameWords`), so a name found locally is one the server would find too.
 */
import type { EntityKind, EntityRef, EntitySummary } from './entities';
import { nameWords, normaliseName } from './nameWords';
import { ADDRESS, FULL_NAME, ownerOf, PrefixKeys, slotOf, sortInSlices, tagOf, WORD, type KeyTag } from './prefixKeys';
import { ShardedMap } from './shardedMap';
import { cutAt } from './text';

/** One entity, compactly: the same shape for every kind, so the engine keeps one hidden class. */
export interface EntityRecord {
  kind: EntityKind;
  id: string;
  name: string;
  /** The second line shown: primary address, first domain, project kind. */
  detail: string;
  /** Normalised addresses of a person, or normalised domains of an organisation; none for projects. */
  addresses: readonly string[];
  organisationId: string | null;
  /** Stakeholder roles of a person or organisation, shown as chips in results and filtered by. */
  roles?: readonly string[];
  /** A closed project: still found, named "Closed", never suggested as filed to lately. */
  closed?: true;
}

export interface RecordChanges {
  put: readonly EntityRecord[];
  remove: readonly EntityRef[];
}

/** Longest text worth matching: the longest mail address. */
const MAX_QUERY = 254;
/** Above this many changes at once, re-sorting every key is cheaper than inserting one by one. */
const SPLICE_LIMIT = 500;

/** Queries of up to this many characters have their best results kept, computed in slices after each build. */
const SHORT_QUERY = 2;
/** How many results are kept per short query (a page asks for 10 or 20). */
export const SHORT_TOP = 50;
/** A short query whose keys are fewer than this is answered by the scan: it takes well under a millisecond. */
const SHORT_KEYS_WORTH_KEEPING = 2_000;

const EXACT = 0;
/** Not matched (a rank's place in a Uint8Array). */
const NONE = 255;
/** The whole text starts the name (its first word) or an address or domain. */
const START = 1;
const OTHER = 2;

const KIND_ORDER: Record<EntityKind, number> = { person: 0, organisation: 1, project: 2 };
// Numeric: "Hanke 2" before "Hanke 10"; base: case and accents do not reorder equal names.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function summaryOf(record: EntityRecord): EntitySummary {
  return { ref: { kind: record.kind, id: record.id }, name: record.name, detail: record.detail, ...(record.roles?.length ? { roles: record.roles } : {}), ...(record.closed ? { closed: true } : {}) };
}

/** The keys an entity is found by: its name words (the whole name first), then addresses or domains. */
export function searchKeys(record: EntityRecord): Array<[string, KeyTag]> {
  const words = nameWords(record.name);
  return [...words.map((word, i): [string, KeyTag] => [word, i === 0 ? FULL_NAME : WORD]), ...record.addresses.map((a): [string, KeyTag] => [a, ADDRESS])];
}

/** The separate words of a query: `nameWords` lists the whole text first whenever it has more than one. */
export function queryWords(query: string): string[] {
  const words = nameWords(query);
  return words.length > 1 ? words.slice(1) : words;
}

export class LocalEntityIndex {
  private slots: Array<EntityRecord | undefined> = [];
  private freeSlots: number[] = [];
  /** Per kind, keyed by the id string the record already holds: no extra string per entity. */
  private slotById: Record<EntityKind, ShardedMap<number>> = { person: new ShardedMap(), organisation: new ShardedMap(), project: new ShardedMap() };
  /** Sharded: one Map of 200,000 addresses grew in single steps of tens of milliseconds (./shardedMap.ts). */
  private personByAddress = new ShardedMap<number>();
  private organisationByDomain = new ShardedMap<number>();
  /**
   * Every slot holding an address or domain that more than one record holds (rare: the record should
   * not have it, but colleagues' edits can make it so), so the other holder is found when one lets go.
   */
  private sharedAddresses = new Map<string, Set<number>>();
  private keys = new PrefixKeys();
  /** False while keys are out of date; they are re-sorted before the next search. */
  private keysCurrent = true;
  /**
   * Slots in result order (name, kind, id: `compareNames`), and each slot's place in it, so ranking
   * compares numbers, not names, however many match. A new record gets a place between its neighbours;
   * when there is no room left, `namesCurrent` is false and search compares names until the next prepare.
   */
  private byName: number[] = [];
  /**
   * The best SHORT_TOP results of each one- or two-character query with many keys ("m", "mi"), best
   * first: such a query matches a large part of the record, and scanning it takes longer than a frame.
   * Entries are dropped when a record under them changes, and filled again by the next prepareInSlices.
   */
  private shortTop = new Map<string, EntityRecord[]>();
  private nameRank = new Float64Array(0);
  private namesCurrent = true;

  get size(): number {
    return this.slotById.person.size + this.slotById.organisation.size + this.slotById.project.size;
  }

  get(ref: EntityRef): EntityRecord | undefined {
    const slot = this.slotById[ref.kind]?.get(ref.id);
    return slot === undefined ? undefined : this.slots[slot];
  }

  /** A person by a normalised address. */
  person(address: string): EntityRecord | undefined {
    const slot = this.personByAddress.get(address);
    return slot === undefined ? undefined : this.slots[slot];
  }

  /** An organisation by a normalised domain. */
  organisation(domain: string): EntityRecord | undefined {
    const slot = this.organisationByDomain.get(domain);
    return slot === undefined ? undefined : this.slots[slot];
  }

  *records(): IterableIterator<EntityRecord> {
    for (const record of this.slots) if (record) yield record;
  }

  /** Adds, replaces and removes records; for a page of a whole list as well as for one change. */
  apply(changes: RecordChanges): void {
    if (changes.put.length + changes.remove.length > SPLICE_LIMIT) this.outOfDate();
    for (const ref of changes.remove) this.remove(ref);
    for (const record of changes.put) this.put(record);
  }

  /** `apply` for many records, calling `pause` between small groups (it yields when a slice's time is up). */
  async applyInSlices(changes: RecordChanges, pause: () => Promise<void>): Promise<void> {
    if (changes.put.length + changes.remove.length > SPLICE_LIMIT) this.outOfDate();
    for (const [i, ref] of changes.remove.entries()) {
      this.remove(ref);
      if ((i & 63) === 63) await pause();
    }
    for (const [i, record] of changes.put.entries()) {
      this.put(record);
      if ((i & 63) === 63) await pause();
    }
  }

  /** Adds every record of `records` (one list's map, read as it is), then keys and names are made again by `prepareInSlices`. */
  async putAllInSlices(records: Iterable<EntityRecord>, pause: () => Promise<void>): Promise<void> {
    this.outOfDate();
    let i = 0;
    for (const record of records) {
      this.put(record);
      if ((++i & 63) === 0) await pause();
    }
  }

  /** Keys, name order and short queries' results all to be made again. */
  private outOfDate(): void {
    this.keysCurrent = this.namesCurrent = false;
    this.shortTop.clear();
  }

  /** `prepare` in slices: the keys are gathered and sorted a little at a time; then short queries' best results. */
  async prepareInSlices(pause: () => Promise<void>): Promise<void> {
    if (!this.keysCurrent) {
      const keys = new PrefixKeys();
      await keys.rebuildInSlices(this.allKeys(), pause);
      this.keys = keys;
      this.keysCurrent = true;
    }
    if (!this.namesCurrent) {
      // Off the heap, and each step in slices: 220,000 slots gathered, ordered or numbered at once
      // were steps of tens of milliseconds with the collector's answer to them.
      const live = new Uint32Array(this.slots.length);
      let count = 0;
      for (let slot = 0; slot < this.slots.length; slot++) {
        if (this.slots[slot]) live[count++] = slot;
        if ((slot & 4095) === 4095) await pause();
      }
      const order = await sortInSlices(count, (a, b) => compareNames(this.slots[live[a]!]!, this.slots[live[b]!]!), pause);
      const byName: number[] = [];
      const nameRank = new Float64Array(this.slots.length);
      for (let i = 0; i < count; i++) {
        const slot = live[order[i]!]!;
        byName.push(slot);
        nameRank[slot] = i;
        if ((i & 4095) === 4095) await pause();
      }
      this.byName = byName;
      this.nameRank = nameRank;
      this.namesCurrent = true;
    }
    await this.keepShortQueriesInSlices(pause);
  }

  /** Fills `shortTop` for every short query with many keys that it does not hold yet, a slice at a time. */
  private async keepShortQueriesInSlices(pause: () => Promise<void>): Promise<void> {
    const keys = this.keys;
    for (let i = 0; i < keys.size; ) {
      const first = keys.keyAt(i).slice(0, 1);
      if (!first) {
        i++;
        continue;
      }
      const [from, to] = keys.range(first);
      await this.keepShortQuery(first, to - from, pause);
      for (let j = from; j < to; ) {
        const key = keys.keyAt(j);
        if (key.length < SHORT_QUERY) {
          j++;
          continue;
        }
        const two = key.slice(0, SHORT_QUERY);
        const [, end] = keys.range(two);
        await this.keepShortQuery(two, end - j, pause);
        j = end;
      }
      i = Math.max(to, i + 1);
      if (keys !== this.keys || !this.keysCurrent) return; // changed meanwhile: the next prepare starts again
    }
  }

  private async keepShortQuery(query: string, keyCount: number, pause: () => Promise<void>): Promise<void> {
    if (keyCount < SHORT_KEYS_WORTH_KEEPING || this.shortTop.has(query) || normaliseName(query) !== query || queryWords(query).join(' ') !== query) return;
    const keys = this.keys;
    const work = this.matches(query, SHORT_TOP);
    for (let step = work.next(); ; step = work.next()) {
      if (step.done) {
        if (keys === this.keys && this.keysCurrent && this.namesCurrent) this.shortTop.set(query, step.value);
        return;
      }
      await pause();
      if (keys !== this.keys || !this.keysCurrent || !this.namesCurrent) return;
    }
  }

  /** Sorts the keys now if changes left them out of date, so the first search is not the one that waits. */
  prepare(): void {
    if (!this.keysCurrent) {
      this.keys.rebuild(this.allKeys());
      this.keysCurrent = true;
    }
    if (!this.namesCurrent) this.setNameOrder(this.liveSlots().sort((a, b) => compareNames(this.slots[a]!, this.slots[b]!)));
  }

  private liveSlots(): number[] {
    const live: number[] = [];
    for (const [slot, record] of this.slots.entries()) if (record) live.push(slot);
    return live;
  }

  private setNameOrder(byName: number[]): void {
    this.byName = byName;
    this.nameRank = new Float64Array(this.slots.length);
    for (const [i, slot] of byName.entries()) this.nameRank[slot] = i;
    this.namesCurrent = true;
  }

  /** Places a new slot among the others by name, between its neighbours' numbers. */
  private placeByName(slot: number): void {
    const record = this.slots[slot]!;
    let low = 0;
    let high = this.byName.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareNames(this.slots[this.byName[mid]!]!, record) < 0) low = mid + 1;
      else high = mid;
    }
    const before = low > 0 ? this.nameRank[this.byName[low - 1]!]! : -1;
    const after = low < this.byName.length ? this.nameRank[this.byName[low]!]! : before + 2;
    const place = (before + after) / 2;
    if (!(place > before && place < after)) {
      this.namesCurrent = false; // no number left between them: sorted again at the next prepare
      return;
    }
    if (slot >= this.nameRank.length) {
      const grown = new Float64Array(Math.max(16, this.slots.length * 2));
      grown.set(this.nameRank);
      this.nameRank = grown;
    }
    this.nameRank[slot] = place;
    this.byName.splice(low, 0, slot);
  }

  private unplaceByName(slot: number): void {
    const at = this.byName.indexOf(slot);
    if (at >= 0) this.byName.splice(at, 1);
  }

  /**
   * Prefix search, best first: the whole text starting a name, an address or a domain ("mikko h",
   * "mikko.h", "kallio.fi"), or every word of it starting some word of a name ("heik", "h mikko").
   * Exact names and addresses first, then names (and addresses) that start with the text, then the rest; by name within.
   */
  search(text: string, limit = 20): EntitySummary[] {
    const query = cutAt(normaliseName(text), MAX_QUERY);
    if (!query || limit <= 0) return [];
    this.prepare();
    const kept = limit <= SHORT_TOP ? this.shortTop.get(query) : undefined;
    if (kept) return kept.slice(0, limit).map(summaryOf);
    const work = this.matches(query, limit);
    for (;;) {
      const step = work.next();
      if (step.done) return step.value.map(summaryOf);
    }
  }

  /** The search itself, yielding now and then so the same steps can run in slices (`keepShortQueriesInSlices`). */
  private *matches(query: string, limit: number): Generator<void, EntityRecord[]> {
    // Each slot's best rank so far (NONE: not matched), and the slots matched, in the order first seen.
    const rankOf = new Uint8Array(this.slots.length).fill(NONE);
    const matched: number[] = [];
    const counts = [0, 0, 0];
    const note = (slot: number, rank: number) => {
      const had = rankOf[slot]!;
      if (had <= rank) return;
      if (had === NONE) matched.push(slot);
      else counts[had]!--;
      rankOf[slot] = rank;
      counts[rank]!++;
    };
    for (const prefix of new Set([query, query.replace(/^@/, '')])) {
      if (!prefix) continue;
      const [from, to] = this.keys.range(prefix);
      for (let i = from; i < to; i++) {
        if ((i & 1023) === 1023) yield;
        const owner = this.keys.ownerAt(i);
        const tag = tagOf(owner);
        if (tag === WORD) continue;
        note(slotOf(owner), this.keys.keyAt(i) === prefix ? EXACT : START);
      }
    }
    // The rest rank after every exact and starting match: when those fill the page, none of the rest can show.
    if (counts[EXACT]! + counts[START]! < limit) for (const slot of yield* this.slotsMatchingEveryWord(queryWords(query))) note(slot, OTHER);
    return yield* this.best(matched, rankOf, limit);
  }

  private put(record: EntityRecord): void {
    const existing = this.slotById[record.kind].get(record.id);
    if (existing !== undefined) this.unlink(existing);
    const slot = existing ?? this.freeSlots.pop() ?? this.slots.length;
    this.slots[slot] = record;
    this.slotById[record.kind].set(record.id, slot);
    const byAddress = this.addressMap(record.kind);
    for (const address of record.addresses) {
      const holder = byAddress?.get(address);
      if (holder !== undefined && holder !== slot) {
        const holders = this.sharedAddresses.get(`${record.kind}:${address}`) ?? new Set([holder]);
        this.sharedAddresses.set(`${record.kind}:${address}`, holders.add(slot));
      }
      byAddress?.set(address, slot);
    }
    this.forgetShortQueriesOf(record);
    if (this.keysCurrent) for (const [key, tag] of searchKeys(record)) this.keys.insert(key, ownerOf(slot, tag));
    if (this.namesCurrent) this.placeByName(slot);
  }

  private remove(ref: EntityRef): void {
    const slot = this.slotById[ref.kind]?.get(ref.id);
    if (slot === undefined) return;
    this.unlink(slot);
    this.slots[slot] = undefined;
    this.slotById[ref.kind].delete(ref.id);
    this.freeSlots.push(slot);
  }

  /** Drops what points at the slot's current record: its addresses and its keys. */
  private unlink(slot: number): void {
    const record = this.slots[slot]!;
    const byAddress = this.addressMap(record.kind);
    for (const address of record.addresses) {
      const holders = this.sharedAddresses.get(`${record.kind}:${address}`);
      holders?.delete(slot);
      if (holders && holders.size <= 1) this.sharedAddresses.delete(`${record.kind}:${address}`);
      if (byAddress?.get(address) !== slot) continue;
      const other = holders?.values().next().value;
      if (other === undefined) byAddress.delete(address);
      else byAddress.set(address, other);
    }
    this.forgetShortQueriesOf(record);
    if (this.keysCurrent) for (const [key, tag] of searchKeys(record)) this.keys.remove(key, ownerOf(slot, tag));
    if (this.namesCurrent) this.unplaceByName(slot);
  }

  /** Drops the kept results of the short queries a record is found by (its keys' first characters). */
  private forgetShortQueriesOf(record: EntityRecord): void {
    if (this.shortTop.size === 0) return;
    for (const [key] of searchKeys(record)) {
      for (let length = 1; length <= SHORT_QUERY; length++) this.shortTop.delete(key.slice(0, length));
    }
  }

  private addressMap(kind: EntityKind): ShardedMap<number> | undefined {
    return kind === 'person' ? this.personByAddress : kind === 'organisation' ? this.organisationByDomain : undefined;
  }

  private *allKeys(): IterableIterator<[string, number]> {
    for (const [slot, record] of this.slots.entries()) {
      if (record) for (const [key, tag] of searchKeys(record)) yield [key, ownerOf(slot, tag)];
    }
  }

  /** Slots where each word starts some key; counted from the rarest word, so common words cost little. */
  private *slotsMatchingEveryWord(words: string[]): Generator<void, number[]> {
    const ranges = words.map((word) => this.keys.range(word)).sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
    if (ranges.length === 0 || ranges[0]![0] === ranges[0]![1]) return [];
    const counts = new Uint8Array(this.slots.length);
    const matched: number[] = [];
    for (const [k, [from, to]] of ranges.entries()) {
      for (let i = from; i < to; i++) {
        if ((i & 1023) === 1023) yield;
        const slot = slotOf(this.keys.ownerAt(i));
        // Counting only from k keeps one slot from counting twice for the same word.
        if (counts[slot] !== k) continue;
        counts[slot] = k + 1;
        if (k === ranges.length - 1) matched.push(slot);
      }
    }
    return matched;
  }

  /** The `limit` best, without sorting every match: a short sorted list, each match compared with its worst. */
  /** `best` when every record has its place by name: numbers compared, never names. */
  private *bestByNumber(matched: readonly number[], rankOf: Uint8Array, limit: number): Generator<void, EntityRecord[]> {
    const top: Array<{ rank: number; place: number; slot: number }> = [];
    const beats = (a: { rank: number; place: number }, b: { rank: number; place: number }) => a.rank < b.rank || (a.rank === b.rank && a.place < b.place);
    for (const [i, slot] of matched.entries()) {
      if ((i & 1023) === 1023) yield;
      const rank = rankOf[slot]!;
      if (top.length === limit && rank > top[limit - 1]!.rank) continue;
      const candidate = { rank, place: this.nameRank[slot]!, slot };
      if (top.length === limit && !beats(candidate, top[limit - 1]!)) continue;
      let low = 0;
      let high = top.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (beats(candidate, top[mid]!)) high = mid;
        else low = mid + 1;
      }
      top.splice(low, 0, candidate);
      if (top.length > limit) top.pop();
    }
    return top.map((c) => this.slots[c.slot]!);
  }

  private *best(matched: readonly number[], rankOf: Uint8Array, limit: number): Generator<void, EntityRecord[]> {
    if (this.namesCurrent) return yield* this.bestByNumber(matched, rankOf, limit);
    const top: Array<{ rank: number; record: EntityRecord }> = [];
    for (const [i, slot] of matched.entries()) {
      if ((i & 1023) === 1023) yield;
      const candidate = { rank: rankOf[slot]!, record: this.slots[slot]! };
      if (top.length === limit && compareCandidates(candidate, top[limit - 1]!) >= 0) continue;
      let low = 0;
      let high = top.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (compareCandidates(candidate, top[mid]!) < 0) high = mid;
        else low = mid + 1;
      }
      top.splice(low, 0, candidate);
      if (top.length > limit) top.pop();
    }
    return top.map((c) => c.record);
  }
}

/** The order of results within one rank: by name (numbers by value, case and accents aside), then kind, then id. */
function compareNames(a: EntityRecord, b: EntityRecord): number {
  return (
    collator.compare(a.name, b.name) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.id.length - b.id.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function compareCandidates(a: { rank: number; record: EntityRecord }, b: { rank: number; record: EntityRecord }): number {
  return (
    a.rank - b.rank ||
    collator.compare(a.record.name, b.record.name) ||
    KIND_ORDER[a.record.kind] - KIND_ORDER[b.record.kind] ||
    a.record.id.length - b.record.id.length ||
    (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0)
  );
}

/**
 * Search keys kept in code-unit order, so every key starting with a prefix is one contiguous range
 * found by binary search: prefix search over ~100,000 keys costs two lookups plus the matches.
 * Keys and their owners live in two parallel arrays (no object per key) to keep the heap small.
 */

/** How a key belongs to its entity; a match ranks by it. */
export type KeyTag = 0 | 1 | 2;
export const WORD: KeyTag = 0;
export const FULL_NAME: KeyTag = 1;
export const ADDRESS: KeyTag = 2;

/** Owner numbers pack the entity's slot with the key's tag: small integers, stored unboxed. */
export const ownerOf = (slot: number, tag: KeyTag): number => slot * 4 + tag;
export const slotOf = (owner: number): number => Math.floor(owner / 4);
export const tagOf = (owner: number): KeyTag => (owner % 4) as KeyTag;

export class PrefixKeys {
  private keys: string[] = [];
  private owners: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  keyAt(index: number): string {
    return this.keys[index]!;
  }

  ownerAt(index: number): number {
    return this.owners[index]!;
  }

  /** Replaces every key at once: one sort instead of thousands of inserts. */
  rebuild(entries: Iterable<readonly [string, number]>): void {
    const keys: string[] = [];
    const owners: number[] = [];
    for (const [key, owner] of entries) {
      keys.push(key);
      owners.push(owner);
    }
    const order = Array.from(keys.keys()).sort((a, b) => compare(keys[a]!, keys[b]!) || owners[a]! - owners[b]!);
    this.keys = order.map((i) => keys[i]!);
    this.owners = order.map((i) => owners[i]!);
  }

  /**
   * `rebuild` in slices, calling `pause` often (it yields when its slice's time is up): runs of keys
   * sorted natively, then merged pairwise, so no single step sorts or copies more than a few thousand.
   * Answers the same order as `rebuild`.
   */
  async rebuildInSlices(entries: Iterable<readonly [string, number]>, pause: () => Promise<void>): Promise<void> {
    const keys: string[] = [];
    const owners: number[] = [];
    for (const [key, owner] of entries) {
      keys.push(key);
      owners.push(owner);
      if ((keys.length & 63) === 0) await pause();
    }
    const n = keys.length;
    const order = await sortInSlices(n, (a, b) => compare(keys[a]!, keys[b]!) || owners[a]! - owners[b]!, pause);
    const sortedKeys: string[] = new Array<string>(n);
    const sortedOwners: number[] = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      sortedKeys[i] = keys[order[i]!]!;
      sortedOwners[i] = owners[order[i]!]!;
      if ((i & 1023) === 0) await pause();
    }
    this.keys = sortedKeys;
    this.owners = sortedOwners;
  }

  insert(key: string, owner: number): void {
    const at = this.lowerBound(key);
    this.keys.splice(at, 0, key);
    this.owners.splice(at, 0, owner);
  }

  remove(key: string, owner: number): void {
    for (let i = this.lowerBound(key); i < this.keys.length && this.keys[i] === key; i++) {
      if (this.owners[i] === owner) {
        this.keys.splice(i, 1);
        this.owners.splice(i, 1);
        return;
      }
    }
  }

  /** `[from, to)`: the positions of every key that starts with `prefix`. */
  range(prefix: string): [number, number] {
    const from = this.lowerBound(prefix);
    let low = from;
    let high = this.keys.length;
    // Past `from`, keys start with the prefix up to some point and never again (the order is by code unit).
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.keys[mid]!.startsWith(prefix)) low = mid + 1;
      else high = mid;
    }
    return [from, low];
  }

  private lowerBound(key: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.keys[mid]! < key) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Items sorted natively at a time in `sortInSlices`: a few milliseconds each. */
const RUN = 1024;

/**
 * The positions 0..n-1 in the order `before` gives (a stable sort), calling `pause` often: runs sorted
 * natively, then merged pairwise, so no single step sorts or copies more than a few thousand.
 */
export async function sortInSlices(n: number, before: (a: number, b: number) => number, pause: () => Promise<void>): Promise<Uint32Array> {
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let start = 0; start < n; start += RUN) {
    const run = Array.from(order.subarray(start, Math.min(start + RUN, n))).sort(before);
    order.set(run, start);
    await pause();
  }
  let spare = new Uint32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let low = 0; low < n; low += 2 * width) {
      const mid = Math.min(low + width, n);
      const high = Math.min(low + 2 * width, n);
      let i = low;
      let j = mid;
      let k = low;
      while (i < mid && j < high) {
        spare[k++] = before(order[i]!, order[j]!) <= 0 ? order[i++]! : order[j++]!;
        if ((k & 255) === 0) await pause();
      }
      while (i < mid) spare[k++] = order[i++]!;
      while (j < high) spare[k++] = order[j++]!;
      await pause();
    }
    [order, spare] = [spare, order];
  }
  return order;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

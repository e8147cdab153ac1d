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

/** Keys per block (a power of two, 2 ** BLOCK_BITS): blocks keep every array small (see PrefixKeys). */
const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;

/**
 * In blocks of up to 2 × BLOCK keys, never one array of a million: an array that large is made in one
 * allocation of megabytes (or grown by copying megabytes), and on the taskpane's main thread each such
 * step, with the collector's answer to it, held the thread for 40-100 ms (bench/entityIndex.ts, issue 18).
 */
export class PrefixKeys {
  private keyBlocks: string[][] = [[]];
  private ownerBlocks: number[][] = [[]];
  /** Where each block starts in the whole order. */
  private starts: number[] = [0];
  private count = 0;
  /** The block the last lookup found: a scan over a range reads one block after another. */
  private lastBlock = 0;

  get size(): number {
    return this.count;
  }

  keyAt(index: number): string {
    const block = this.blockOf(index);
    return this.keyBlocks[block]![index - this.starts[block]!]!;
  }

  ownerAt(index: number): number {
    const block = this.blockOf(index);
    return this.ownerBlocks[block]![index - this.starts[block]!]!;
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
    const keyBlocks: string[][] = [];
    const ownerBlocks: number[][] = [];
    for (let at = 0; at < order.length; at += BLOCK) {
      const part = order.slice(at, at + BLOCK);
      keyBlocks.push(part.map((i) => keys[i]!));
      ownerBlocks.push(part.map((i) => owners[i]!));
    }
    this.replace(keyBlocks, ownerBlocks);
  }

  /**
   * `rebuild` in slices, calling `pause` often (it yields when its slice's time is up): runs of keys
   * sorted natively, then merged pairwise, so no single step sorts or copies more than a few thousand;
   * keys gathered and laid out in blocks, so no step allocates a large array. Answers the same order as `rebuild`.
   */
  async rebuildInSlices(entries: Iterable<readonly [string, number]>, pause: () => Promise<void>): Promise<void> {
    const keyChunks: string[][] = [];
    const ownerChunks: number[][] = [];
    let n = 0;
    for (const [key, owner] of entries) {
      if ((n & (BLOCK - 1)) === 0) {
        keyChunks.push([]);
        ownerChunks.push([]);
      }
      keyChunks[keyChunks.length - 1]!.push(key);
      ownerChunks[ownerChunks.length - 1]!.push(owner);
      n++;
      if ((n & 63) === 0) await pause();
    }
    const keyOf = (i: number) => keyChunks[i >>> BLOCK_BITS]![i & (BLOCK - 1)]!;
    const ownerOf = (i: number) => ownerChunks[i >>> BLOCK_BITS]![i & (BLOCK - 1)]!;
    const order = await sortInSlices(n, (a, b) => compare(keyOf(a), keyOf(b)) || ownerOf(a) - ownerOf(b), pause);
    const keyBlocks: string[][] = [];
    const ownerBlocks: number[][] = [];
    for (let i = 0; i < n; i++) {
      if ((i & (BLOCK - 1)) === 0) {
        keyBlocks.push([]);
        ownerBlocks.push([]);
        await pause();
      }
      keyBlocks[keyBlocks.length - 1]!.push(keyOf(order[i]!));
      ownerBlocks[ownerBlocks.length - 1]!.push(ownerOf(order[i]!));
    }
    this.replace(keyBlocks, ownerBlocks);
  }

  insert(key: string, owner: number): void {
    const at = this.lowerBound(key);
    const block = at === this.count ? this.keyBlocks.length - 1 : this.blockOf(at);
    const within = at - this.starts[block]!;
    this.keyBlocks[block]!.splice(within, 0, key);
    this.ownerBlocks[block]!.splice(within, 0, owner);
    this.count++;
    if (this.keyBlocks[block]!.length > 2 * BLOCK) {
      this.keyBlocks.splice(block + 1, 0, this.keyBlocks[block]!.splice(BLOCK));
      this.ownerBlocks.splice(block + 1, 0, this.ownerBlocks[block]!.splice(BLOCK));
    }
    this.countStarts();
  }

  remove(key: string, owner: number): void {
    for (let i = this.lowerBound(key); i < this.count && this.keyAt(i) === key; i++) {
      if (this.ownerAt(i) !== owner) continue;
      const block = this.blockOf(i);
      const within = i - this.starts[block]!;
      this.keyBlocks[block]!.splice(within, 1);
      this.ownerBlocks[block]!.splice(within, 1);
      this.count--;
      if (this.keyBlocks[block]!.length === 0 && this.keyBlocks.length > 1) {
        this.keyBlocks.splice(block, 1);
        this.ownerBlocks.splice(block, 1);
      }
      this.countStarts();
      return;
    }
  }

  /** `[from, to)`: the positions of every key that starts with `prefix`. */
  range(prefix: string): [number, number] {
    const from = this.lowerBound(prefix);
    let low = from;
    let high = this.count;
    // Past `from`, keys start with the prefix up to some point and never again (the order is by code unit).
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.keyAt(mid).startsWith(prefix)) low = mid + 1;
      else high = mid;
    }
    return [from, low];
  }

  private replace(keyBlocks: string[][], ownerBlocks: number[][]): void {
    this.keyBlocks = keyBlocks.length ? keyBlocks : [[]];
    this.ownerBlocks = ownerBlocks.length ? ownerBlocks : [[]];
    this.countStarts();
  }

  private countStarts(): void {
    const starts = new Array<number>(this.keyBlocks.length);
    let at = 0;
    for (const [block, keys] of this.keyBlocks.entries()) {
      starts[block] = at;
      at += keys.length;
    }
    this.starts = starts;
    this.count = at;
    this.lastBlock = 0;
  }

  /** The block holding position `index` (0 ≤ index < size). */
  private blockOf(index: number): number {
    const last = this.lastBlock;
    const start = this.starts[last]!;
    if (index >= start && index < start + this.keyBlocks[last]!.length) return last;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.starts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    this.lastBlock = low;
    return low;
  }

  private lowerBound(key: string): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.keyAt(mid) < key) low = mid + 1;
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

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

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A Map from strings split over many small Maps, for the entity index's hundreds of thousands of
 * ids and addresses. One Map of 200,000 entries grows by rehashing every entry into a new table of
 * several megabytes in one step; on the taskpane's main thread that step, and the collector's answer
 * to so large an allocation, held the thread for 40-70 ms (bench/entityIndex.ts, issue 18). Split
 * 64 ways, each growth moves a sixty-fourth of that.
 */
const SHARDS = 64;

/** A cheap hash of the last few characters: ids and addresses differ most at their ends. */
function shardOf(key: string): number {
  let hash = key.length;
  for (let i = Math.max(0, key.length - 8); i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return hash & (SHARDS - 1);
}

export class ShardedMap<V> {
  private readonly shards: Array<Map<string, V>> = Array.from({ length: SHARDS }, () => new Map<string, V>());
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    return this.shards[shardOf(key)]!.get(key);
  }

  has(key: string): boolean {
    return this.shards[shardOf(key)]!.has(key);
  }

  set(key: string, value: V): this {
    const shard = this.shards[shardOf(key)]!;
    const before = shard.size;
    shard.set(key, value);
    this.count += shard.size - before;
    return this;
  }

  delete(key: string): boolean {
    const deleted = this.shards[shardOf(key)]!.delete(key);
    if (deleted) this.count--;
    return deleted;
  }
}

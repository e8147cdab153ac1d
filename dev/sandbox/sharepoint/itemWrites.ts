/**
 * Creating, updating and deleting list items: ids count up per list and are never reused, every save
 * bumps the version (eTag and `_UIVersionString`), unique columns are checked through their index,
 * and each change takes the list's next change number for delta.
 */
import type { SandboxContext } from '../core/types';
import { keyOf } from './columnValues';
import { duplicateValues } from './errors';
import { newGuid, nowStamp } from './ids';
import { idsWithKey, reindexItem } from './listIndex';
import type { ItemRecord, ListRecord, SharePointState } from './state';
import { ensureSiteUser } from './users';

function assertUnique(list: ListRecord, writes: Map<string, unknown>, selfId: number | undefined): void {
  const clashes: string[] = [];
  for (const column of list.columns) {
    if (!column.enforceUniqueValues || !writes.has(column.name)) continue;
    const key = keyOf(column, writes.get(column.name));
    if (key === null) continue;
    const holders = idsWithKey(list, column.name, key);
    if ([...holders].some((id) => id !== selfId)) clashes.push(column.name);
  }
  if (clashes.length > 0) throw duplicateValues(clashes);
}

/** Stored values: `base` with `writes` applied; a null write clears the column. */
function mergedValues(base: Record<string, unknown>, writes: Map<string, unknown>): Record<string, unknown> {
  const values = { ...base };
  for (const [name, value] of writes) {
    if (value === null || value === undefined) delete values[name];
    else values[name] = value;
  }
  return values;
}

export interface WriteOptions {
  /** Bulk loads may backdate rows; normal requests always use ctx.now(). */
  created?: string;
  modified?: string;
}

export function createItem(
  ctx: SandboxContext,
  state: SharePointState,
  list: ListRecord,
  writes: Map<string, unknown>,
  userId: string,
  options: WriteOptions = {},
): ItemRecord {
  assertUnique(list, writes, undefined);
  const user = ensureSiteUser(ctx, state, userId);
  const created = options.created ?? nowStamp(ctx);
  const item: ItemRecord = {
    id: list.nextItemId++,
    guid: newGuid(ctx),
    version: 1,
    created,
    modified: options.modified ?? created,
    authorId: userId,
    editorId: userId,
    authorLookupId: user.lookupId,
    editorLookupId: user.lookupId,
    values: mergedValues({}, writes),
    changeSeq: ++list.changeSeq,
  };
  list.items[item.id] = item;
  reindexItem(list, undefined, item);
  return item;
}

/** Applies `writes` as a new version of `item`; the stored record is replaced, never mutated. */
export function updateItem(
  ctx: SandboxContext,
  state: SharePointState,
  list: ListRecord,
  item: ItemRecord,
  writes: Map<string, unknown>,
  userId: string,
): ItemRecord {
  assertUnique(list, writes, item.id);
  const user = ensureSiteUser(ctx, state, userId);
  const updated: ItemRecord = {
    ...item,
    version: item.version + 1,
    modified: nowStamp(ctx),
    editorId: userId,
    editorLookupId: user.lookupId,
    values: mergedValues(item.values, writes),
    changeSeq: ++list.changeSeq,
  };
  list.items[item.id] = updated;
  reindexItem(list, item, updated);
  return updated;
}

export function deleteItem(list: ListRecord, item: ItemRecord): void {
  delete list.items[item.id];
  list.tombstones.push({ id: item.id, changeSeq: ++list.changeSeq });
  reindexItem(list, item, undefined);
}

/**
 * Key rows checked against their entity. A key row outlives its entity when a removal stopped half way
 * (an older client's undo or erasure): such a "ghost" row must not resolve an address or domain to an
 * entity that does not exist, or mail would be filed to nothing. A lookup that finds key rows reads
 * their entities in one $batch and leaves out any that Graph answers 404 for; creations, which need
 * the ghost's unique key for the new entity, also remove the ghost's rows.
 */
import { entityKey, type EntityRef, type EntitySummary } from '../domain/entities';
import { batchError } from '../graph/batch';
import { isNotFound } from '../graph/errors';
import { odataString } from '../graph/odata';
import type { StoreContext } from './context';
import { deleteEach } from './creations';
import type { ListName } from './schema';

export const LIST_OF: Record<EntityRef['kind'], ListName> = { person: 'people', organisation: 'organisations', project: 'projects' };

/** Which of these entities exist (one $batch); a read failing otherwise than 404 is thrown, never taken as absence. */
export async function entitiesThatExist(ctx: StoreContext, refs: readonly EntityRef[]): Promise<{ live: Set<string>; ghosts: EntityRef[] }> {
  const distinct = [...new Map(refs.map((ref) => [entityKey(ref), ref])).values()];
  const live = new Set<string>();
  const ghosts: EntityRef[] = [];
  if (distinct.length === 0) return { live, ghosts };
  const results = await ctx.batch(distinct.map((ref, i) => ctx.lists.getStep(String(i), LIST_OF[ref.kind], ref.id)));
  distinct.forEach((ref, i) => {
    const result = results.find((r) => r.id === String(i))!;
    if (result.ok) live.add(entityKey(ref));
    else if (isNotFound(batchError(result))) ghosts.push(ref);
    else throw batchError(result);
  });
  return { live, ghosts };
}

/** The summaries whose entity exists, in the order given. */
export async function liveSummaries<T extends EntitySummary | undefined>(ctx: StoreContext, summaries: readonly T[]): Promise<{ live: T[]; ghosts: EntityRef[] }> {
  const present = summaries.filter((s): s is NonNullable<T> => !!s);
  const { live, ghosts } = await entitiesThatExist(ctx, present.map((s) => s.ref));
  return { live: summaries.map((s) => (s && live.has(entityKey(s.ref)) ? s : (undefined as T))), ghosts };
}

/** Every key row of an entity, removed, each delete checked. Returns what is left (labels such as `keys:41`). */
export async function removeKeysOf(ctx: StoreContext, ref: EntityRef): Promise<string[]> {
  const rows = await ctx.lists.all('keys', { filter: `fields/EntityKey eq ${odataString(entityKey(ref))}`, top: 100 });
  return deleteEach(ctx, rows.map((row) => ({ label: `keys:${row.id}`, step: ctx.lists.deleteStep('d', 'keys', row.id) })));
}

/**
 * Creations that survive a lost answer. Every create carries a creation id the client made once per
 * user intent (kept across the retries of that intent), in a column SharePoint keeps unique. When a
 * create's answer is lost (a 503 or a dropped connection after the row was written) or the create is
 * refused because that id is taken, the row is looked up by its creation id and the work goes on from
 * there, so a retry never makes a second row. Deletes that tidy up check each step's answer.
 */
import { batchError, type BatchStep } from '../graph/batch';
import { GraphRequestError, isNotFound } from '../graph/errors';
import { odataString } from '../graph/odata';
import type { StoreContext } from './context';
import type { ListItem } from './listItems';
import type { ListName } from './schema';

export const newCreationId = (): string => globalThis.crypto.randomUUID();

export const byCreationId = (creationId: string): string => `fields/CreationId eq ${odataString(creationId)}`;

/** The row a creation id made, if it is in the record. */
export async function findByCreationId(ctx: StoreContext, list: ListName, creationId: string): Promise<ListItem | undefined> {
  return (await ctx.lists.query(list, { filter: byCreationId(creationId), top: 1 })).items[0];
}

/**
 * Creates a row with its creation id. If the create fails in any way, the record is asked whether the
 * row is there (its answer may have been lost after the write, or an earlier attempt of the same intent
 * wrote it); if it is, that row is the result. Otherwise the create's own failure is thrown.
 */
export async function createOnce(ctx: StoreContext, list: ListName, fields: Record<string, unknown>, creationId: string): Promise<ListItem> {
  try {
    return await ctx.lists.create(list, { ...fields, CreationId: creationId });
  } catch (error) {
    const found = await findByCreationId(ctx, list, creationId).catch(() => undefined);
    if (found) return found;
    throw error;
  }
}

/**
 * Sends deletes in one $batch (the client sends failed steps again where that is safe) and checks each
 * answer: one already gone counts as done. Returns the labels of the rows still there.
 */
export async function deleteEach(ctx: StoreContext, deletes: ReadonlyArray<{ label: string; step: BatchStep }>): Promise<string[]> {
  if (deletes.length === 0) return [];
  const results = await ctx.batch(deletes.map(({ step }, i) => ({ ...step, id: String(i) })));
  return deletes.filter((_, i) => {
    const result = results.find((r) => r.id === String(i));
    return !result || (!result.ok && !isNotFound(batchError(result)));
  }).map(({ label }) => label);
}

/** Deletes one row; one already gone counts as done. */
export async function deleteOne(ctx: StoreContext, list: ListName, id: string): Promise<void> {
  try {
    await ctx.lists.delete(list, id, '*');
  } catch (error) {
    if (!(error instanceof GraphRequestError && isNotFound(error))) throw error;
  }
}

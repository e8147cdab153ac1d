import { entityKey, type EntitySummary } from '../domain/entities';
import { EntityGoneError } from '../domain/entityGone';
import { itemKey, type FiledItem } from '../domain/itemKeys';
import { batchError, type BatchResult, type BatchStep } from '../graph/batch';
import { GraphRequestError, isNotFound } from '../graph/errors';
import { odataString } from '../graph/odata';
import type { StoreContext } from './context';
import { createOnce, deleteOne, findByCreationId, newCreationId } from './creations';
import { LIST_OF } from './keyChecks';
import { mayBeUniqueClash, UndoIncompleteError } from './errors';
import { isWholeItem, toListItem, type ListItem } from './listItems';
import { filingFields, title, toFiling, type Filing } from './mapping';
import type { FilingOutcome, NoteInput } from './trailStore';

/**
 * Files one item to several entities in one `$batch`. Filing is idempotent: the unique FilingKey
 * (item + entity) makes SharePoint refuse a second row, which we report as `alreadyFiled` once the
 * record confirms it, so a retried or doubled click never leaves two filings.
 *
 * Each filing depends on its entity still being in the record (a colleague may have merged or erased it
 * since it was suggested). An entity in `present` (the keys a copy of the record polled within its
 * freshness bound holds: replicatedTrailStore.ts) is taken as there; any other entity's row is read
 * inside the same `$batch` and the create `dependsOn` that read, so a missing entity's create is not run
 * ("if an individual request fails, any request that depends on that request fails with status code 424
 * (Failed Dependency)", Graph's JSON batching page, concepts/json-batching.md). That entity's outcome is
 * failed with EntityGoneError; the others are filed. A filing that races an erasure or a merge either
 * way is found by that action's late sweep (lateSweeps.ts).
 */
export async function file(ctx: StoreContext, item: FiledItem, entities: readonly EntitySummary[], note = '', present: ReadonlySet<string> = new Set()): Promise<FilingOutcome[]> {
  const checked = entities.map((entity) => !present.has(entityKey(entity.ref)));
  const creates = entities.map((entity, i) => ctx.lists.createStep(String(i), 'filings', filingFields(item, entity, ctx.filer, note), checked[i] ? [`e${i}`] : undefined));
  const steps = entities.flatMap((entity, i) => (checked[i] ? [ctx.lists.getStep(`e${i}`, LIST_OF[entity.ref.kind], entity.ref.id), creates[i]!] : [creates[i]!]));
  const answered = await ctx.batch(steps);
  const byId = new Map(steps.map((step, index) => [step.id, answered[index]!]));
  const results = creates.map((step) => byId.get(step.id)!);
  const taken = await filingKeysTaken(ctx, results, creates);
  return results.map((result, i): FilingOutcome => {
    const entity = entities[i]!;
    const read = byId.get(`e${i}`);
    if (read && !read.ok) return { entity, status: 'failed', error: read.status === 404 ? new EntityGoneError(entity.ref) : batchError(read) };
    if (result.ok) return { entity, status: 'filed', filing: toFiling(writtenRow(ctx, result.body, creates[i]!)) };
    return taken.has(i) ? { entity, status: 'alreadyFiled' } : { entity, status: 'failed', error: batchError(result) };
  });
}

/**
 * The steps whose create was refused because the item is already filed to that entity. The refusal's
 * status is not relied on (see mayBeUniqueClash): the FilingKeys are looked up, in one $batch.
 */
async function filingKeysTaken(ctx: StoreContext, results: readonly BatchResult[], steps: readonly BatchStep[]): Promise<Set<number>> {
  const refused = results.flatMap((result, index) => (!result.ok && mayBeUniqueClash(batchError(result)) ? [index] : []));
  if (refused.length === 0) return new Set();
  const keyOf = (index: number) => String((steps[index]!.body as { fields: Record<string, unknown> }).fields.FilingKey);
  const lookups = await ctx.batch(refused.map((index, i) => ctx.lists.queryStep(String(i), 'filings', { filter: `fields/FilingKey eq ${odataString(keyOf(index))}`, top: 1 })));
  const found = await Promise.all(lookups.map((lookup) => (lookup.ok ? ctx.lists.from(lookup.body, 1) : Promise.resolve([]))));
  return new Set(refused.filter((_, i) => found[i]!.length > 0));
}

/**
 * The row a create wrote. Graph's examples answer with the whole item, but nothing promises its ETag
 * or fields; without them the row is what was sent, under the id Graph gave, filed now by this
 * client's clock. Nothing reads a filing's ETag (unfiling deletes with `*`), so no read-back is spent.
 */
function writtenRow(ctx: StoreContext, body: unknown, step: BatchStep): ListItem {
  if (isWholeItem(body)) return toListItem(body as Parameters<typeof toListItem>[0]);
  const fields = (step.body as { fields: Record<string, unknown> }).fields;
  const now = ctx.now().toISOString();
  return { id: String((body as { id?: unknown }).id), etag: '', fields, createdAt: now, modifiedAt: now, createdBy: null };
}

/** Removes a filing; one already removed (by a colleague, or a retry) counts as done. */
export async function unfile(ctx: StoreContext, filing: Filing): Promise<void> {
  try {
    await ctx.lists.delete('filings', filing.id, '*');
  } catch (error) {
    // SiteLists leaves failures as GraphRequestError already (or SignInError: no request was sent).
    if (!(error instanceof GraphRequestError && isNotFound(error))) throw error;
  }
}

/**
 * A quick note of a call or encounter, filed to its entities like mail. Safe to save again: the note
 * is made with its creation id (a retry, or a lost answer, finds the first note), its filings are
 * unique per note and entity, and a note that ends up filed nowhere is removed, so none is left orphaned.
 */
export async function addNote(ctx: StoreContext, input: NoteInput, entities: readonly EntitySummary[], present?: ReadonlySet<string>): Promise<FilingOutcome[]> {
  const date = input.date ?? ctx.now().toISOString();
  const fields = { Title: title(input.headline.trim() || '—'), Body: input.body ?? '', NoteDate: date, AuthorUpn: ctx.filer.upn, AuthorName: ctx.filer.name };
  const created = await createOnce(ctx, 'notes', fields, input.creationId ?? newCreationId());
  const noteDate = String(created.fields.NoteDate ?? date);
  const item: FiledItem = { kind: 'note', immutableId: created.id, subject: input.headline, date: noteDate, from: { name: ctx.filer.name, address: ctx.filer.upn } };
  // The filing carries the note's opening words, so a timeline shows what was agreed without another read.
  let answered: FilingOutcome[] | undefined;
  let failure: unknown;
  try {
    answered = await file(ctx, item, entities, input.body?.trim() ?? '', present);
  } catch (error) {
    failure = error;
  }
  if (answered && !answered.some((outcome) => outcome.status === 'failed')) return answered;
  // A filing's answer may be lost after it was written (the whole $batch's, or one step's): the record
  // says which were, and only a note the record shows filed nowhere is removed.
  const written = await filingsOfNote(ctx, item);
  if (written === undefined) {
    if (answered) return answered; // unknown: the note stays for a retry with the same creation id to file
    throw failure;
  }
  const outcomes = entities.map((entity, i): FilingOutcome => {
    const filing = written.find((f) => entityKey(f.entity) === entityKey(entity.ref));
    if (filing) return answered?.[i]?.status === 'alreadyFiled' ? answered[i]! : { entity, status: 'filed', filing };
    return answered?.[i] ?? { entity, status: 'failed', error: failure };
  });
  if (written.length === 0 && outcomes.every((outcome) => outcome.status === 'failed')) return removeUnfiledNote(ctx, created.id, failure, outcomes);
  return outcomes;
}

const filingsOfNote = (ctx: StoreContext, item: FiledItem): Promise<Filing[] | undefined> =>
  ctx.lists.all('filings', { filter: `fields/ItemKey eq ${odataString(itemKey(item))}` }).then((rows) => rows.map(toFiling), () => undefined);

/** A note filed nowhere is removed; if that fails, the failure says the note is left. Rethrows `cause` when given, else returns `outcomes`. */
async function removeUnfiledNote(ctx: StoreContext, id: string, cause: unknown, outcomes: FilingOutcome[]): Promise<FilingOutcome[]> {
  try {
    await deleteOne(ctx, 'notes', id);
  } catch {
    throw new UndoIncompleteError([`notes:${id}`], cause);
  }
  if (cause !== undefined) throw cause;
  return outcomes;
}

/**
 * Removes the note a save made (found by its creation id) when nothing files it: a save the user was told
 * had failed and did not ask for again, so the record holds no note filed nowhere. A note filed to some
 * entity stays (it shows in that timeline). A read or delete that fails is thrown: the caller tries later.
 */
export async function discardUnfiledNote(ctx: StoreContext, creationId: string): Promise<void> {
  const note = await findByCreationId(ctx, 'notes', creationId);
  if (!note) return;
  const filed = await ctx.lists.all('filings', { filter: `fields/ItemKey eq ${odataString(itemKey({ kind: 'note', immutableId: note.id, subject: '', date: '' }))}` });
  if (filed.length === 0) await deleteOne(ctx, 'notes', note.id);
}

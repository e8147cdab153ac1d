import type { EntitySummary } from '../domain/entities';
import type { FiledItem } from '../domain/itemKeys';
import { batchError, type BatchStep } from '../graph/batch';
import { isConflict, isNotFound, toGraphRequestError } from '../graph/errors';
import type { StoreContext } from './context';
import { isWholeItem, toListItem, type ListItem } from './listItems';
import { filingFields, title, toFiling, type Filing } from './mapping';
import type { FilingOutcome, NoteInput } from './trailStore';

/**
 * Files one item to several entities in one `$batch`. Filing is idempotent: the unique FilingKey
 * (item + entity) makes SharePoint refuse a second row, which we report as `alreadyFiled`, so a
 * retried or doubled click never leaves two filings.
 */
export async function file(ctx: StoreContext, item: FiledItem, entities: readonly EntitySummary[], note = ''): Promise<FilingOutcome[]> {
  const steps = entities.map((entity, i) => ctx.lists.createStep(String(i), 'filings', filingFields(item, entity, ctx.filer, note)));
  const results = await ctx.batch(steps);
  return results.map((result, i): FilingOutcome => {
    const entity = entities[i]!;
    if (result.ok) return { entity, status: 'filed', filing: toFiling(writtenRow(ctx, result.body, steps[i]!)) };
    const error = batchError(result);
    return isConflict(error) ? { entity, status: 'alreadyFiled' } : { entity, status: 'failed', error };
  });
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
    const failure = toGraphRequestError(error);
    if (!isNotFound(failure)) throw failure;
  }
}

/** A quick note of a call or encounter, filed to its entities like mail. */
export async function addNote(ctx: StoreContext, input: NoteInput, entities: readonly EntitySummary[]): Promise<FilingOutcome[]> {
  const date = input.date ?? ctx.now().toISOString();
  const created = await ctx.lists.create('notes', {
    Title: title(input.headline.trim() || '—'),
    Body: input.body ?? '',
    NoteDate: date,
    AuthorUpn: ctx.filer.upn,
    AuthorName: ctx.filer.name,
  });
  const item: FiledItem = { kind: 'note', immutableId: created.id, subject: input.headline, date, from: { name: ctx.filer.name, address: ctx.filer.upn } };
  // The filing carries the note's opening words, so a timeline shows what was agreed without another read.
  return file(ctx, item, entities, input.body?.trim() ?? '');
}

import { entityKey, type EntityRef, type Person } from '../domain/entities';
import { batchError, expectOk } from '../graph/batch';
import { GraphRequestError, isNotFound } from '../graph/errors';
import { odataString, queryString } from '../graph/odata';
import { audit } from './audit';
import type { StoreContext } from './context';
import { filingRowsOf } from './entityWindows';
import { getEntity } from './entityWrites';
import type { ListItem } from './listItems';
import { toFiling } from './mapping';
import type { PersonExport } from './trailStore';

function requirePerson(ref: EntityRef): void {
  if (ref.kind !== 'person') throw new Error('Export and erasure are for people (data subjects).');
}

async function rowsOf(ctx: StoreContext, ref: EntityRef) {
  const key = entityKey(ref);
  const byEntity = `fields/EntityKey eq ${odataString(key)}`;
  const [[filings = []], keys, participations] = await Promise.all([
    // Every filing, past the list view threshold too (entityWindows.ts).
    filingRowsOf(ctx, [ref]),
    ctx.lists.all('keys', { filter: byEntity }),
    ctx.lists.all('participants', { filter: byEntity }),
  ]);
  return { filings, keys, participations };
}

/**
 * The person's project roles, each project named as it is called now (read; the participation row's
 * copy of the name may predate a rename), or by that copy when the project cannot be read.
 */
async function namedParticipations(ctx: StoreContext, rows: readonly ListItem[]): Promise<PersonExport['participations']> {
  const ids = [...new Set(rows.map((row) => String(row.fields.ProjectId ?? '')))];
  const names = new Map(
    await Promise.all(ids.map(async (id): Promise<[string, string | null]> => [id, await getEntity(ctx, { kind: 'project', id }).then((p) => p.name, () => null)])),
  );
  return rows.map((row) => {
    const projectId = String(row.fields.ProjectId ?? '');
    return { projectId, projectName: names.get(projectId) ?? String(row.fields.ProjectName ?? ''), role: String(row.fields.Title ?? '') };
  });
}

/**
 * The person with their organisation's current name right after its id, so the data subject reads which
 * organisation it is (null with no organisation; the id alone when it cannot be read, e.g. removed since).
 */
async function withOrganisationName(ctx: StoreContext, person: Person): Promise<PersonExport['person']> {
  const organisationName = person.organisationId ? await getEntity(ctx, { kind: 'organisation', id: person.organisationId }).then((o) => o.name, () => null) : null;
  const entries = Object.entries(person).flatMap(([key, value]) => (key === 'organisationId' ? [[key, value], ['organisationName', organisationName]] : [[key, value]]));
  return Object.fromEntries(entries) as PersonExport['person'];
}

/** Everything the record holds about one person, as JSON for a data subject's access request. Audited. */
export async function exportPerson(ctx: StoreContext, ref: EntityRef): Promise<PersonExport> {
  requirePerson(ref);
  const person = (await getEntity(ctx, ref)) as Person;
  const key = entityKey(ref);
  const { filings, keys, participations } = await rowsOf(ctx, ref);
  const noteIds = filings.map(toFiling).filter((f) => f.item.kind === 'note').map((f) => f.item.immutableId);
  const noteResults = await ctx.batch(noteIds.map((id, i) => ({ id: String(i), method: 'GET' as const, url: ctx.lists.itemPath('notes', id) + queryString({ expand: 'fields' }) })));
  const notes = noteResults.flatMap((result) => {
    if (!result.ok) return [];
    const fields = (result.body as { fields: Record<string, unknown> }).fields;
    return [{ id: String((result.body as { id: string }).id), headline: String(fields.Title ?? ''), body: String(fields.Body ?? ''), date: String(fields.NoteDate ?? ''), author: String(fields.AuthorName ?? '') }];
  });
  const result: PersonExport = {
    exportedAt: ctx.now().toISOString(),
    exportedBy: ctx.filer.upn,
    person: await withOrganisationName(ctx, person),
    keys: keys.map((row) => String(row.fields.Key)),
    filings: filings.map(toFiling),
    notes,
    participations: await namedParticipations(ctx, participations),
  };
  await audit(ctx, 'export', key, { filings: result.filings.length, notes: notes.length });
  return result;
}

/**
 * Erases a person: their filings, key rows, project roles, notes filed only to them, their ownership
 * of projects (the projects stay), and the person.
 * The audit row keeps who erased which id and how much, never the person's data.
 */
export async function erasePerson(ctx: StoreContext, ref: EntityRef): Promise<{ filings: number; keys: number; notes: number }> {
  requirePerson(ref);
  await getEntity(ctx, ref); // 404 before anything is deleted when the person is not there
  const { filings, keys, notes } = await eraseRowsOf(ctx, ref);
  await ctx.lists.delete('people', ref.id, '*');
  const counts = { filings, keys, notes };
  await audit(ctx, 'erase', entityKey(ref), counts);
  return counts;
}

/**
 * Sweeps an erased person's rows again: what a colleague's pane wrote to them while it still knew them
 * (a filing, an address, a project role), up to its freshness bound after the erasure (lateSweeps.ts).
 * Audited when it finds anything.
 */
export async function sweepErased(ctx: StoreContext, ref: EntityRef): Promise<number> {
  requirePerson(ref);
  // Only a person no longer in the record is swept (an erasure that failed before the delete, or an id typed wrong, sweeps nothing).
  if (await stillThere(ctx, ref)) return 0;
  const counts = await eraseRowsOf(ctx, ref);
  const found = counts.filings + counts.keys + counts.participations + counts.owned;
  if (found > 0) await audit(ctx, 'erase', entityKey(ref), { ...counts, late: 1 });
  return found;
}

/** Removes every row naming the person (their filings, keys, project roles, notes only theirs) and their ownership of projects. */
async function eraseRowsOf(ctx: StoreContext, ref: EntityRef): Promise<{ filings: number; keys: number; notes: number; participations: number; owned: number }> {
  const { filings, keys, participations } = await rowsOf(ctx, ref);
  const noteFilings = filings.map(toFiling).filter((f) => f.item.kind === 'note');
  // A note filed to others as well stays for them; only this person's link to it goes.
  const otherLinks = await ctx.batch(
    noteFilings.map((f, i) => ctx.lists.queryStep(String(i), 'filings', { filter: `fields/ItemKey eq ${odataString(f.itemKey)}`, top: 2 })),
  );
  const links = await Promise.all(otherLinks.map((result) => ctx.lists.from(expectOk(result), 2)));
  const notesOnlyTheirs = noteFilings.filter((_, i) => links[i]!.length <= 1).map((f) => f.item.immutableId);
  // The projects they own stay, with no owner named (their id would point at no one).
  const owned = await ctx.lists.all('projects', { filter: `fields/OwnerId eq ${odataString(ref.id)}` });

  const results = await ctx.batch([
    ...filings.map((row, i) => ctx.lists.deleteStep(`f${i}`, 'filings', row.id)),
    ...keys.map((row, i) => ctx.lists.deleteStep(`k${i}`, 'keys', row.id)),
    ...participations.map((row, i) => ctx.lists.deleteStep(`p${i}`, 'participants', row.id)),
    ...notesOnlyTheirs.map((id, i) => ctx.lists.deleteStep(`n${i}`, 'notes', id)),
    ...owned.map((row, i) => ctx.lists.updateStep(`o${i}`, 'projects', row.id, { OwnerId: '' }, '*')),
  ]);
  const failed = results.find((r) => !r.ok && !isNotFound(batchError(r)));
  if (failed) throw batchError(failed);
  return { filings: filings.length, keys: keys.length, notes: notesOnlyTheirs.length, participations: participations.length, owned: owned.length };
}

/** Whether the entity is in the record (a 404 says it is not; any other failure is thrown). */
export async function stillThere(ctx: StoreContext, ref: EntityRef): Promise<boolean> {
  try {
    await getEntity(ctx, ref);
    return true;
  } catch (error) {
    if (error instanceof GraphRequestError && isNotFound(error)) return false;
    throw error;
  }
}

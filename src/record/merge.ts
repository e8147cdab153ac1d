import { entityKey, type Entity, type EntityRef, type Organisation, type Person } from '../domain/entities';
import { filingKey } from '../domain/itemKeys';
import { batchError, type BatchStep } from '../graph/batch';
import { GraphRequestError, isNotFound, isPreconditionFailed } from '../graph/errors';
import { mergedDetails } from '../domain/merging';
import { odataString } from '../graph/odata';
import { audit } from './audit';
import { stillThere } from './dataRights';
import type { StoreContext } from './context';
import { entityMonth, filingRowsOf } from './entityWindows';
import { getEntity, LIST_OF } from './entityWrites';
import { title } from './mapping';
import { SINGLE_LINE_MAX } from './schema';

/** A Person's or Organisation's fields as the list names them (mapping.ts). */
const COLUMN_OF = { phone: 'Phone', jobTitle: 'JobTitle', organisationId: 'OrganisationId', notes: 'Notes' } as const;

/**
 * The duplicate's addresses or domains, phone, job title, organisation, roles and notes written into
 * the kept entity (domain/merging.ts), under If-Match on the version just read: a colleague's edit
 * meanwhile (or our own PATCH applied but its answer lost, then resent) is read again and the rule
 * applied to it, so nothing of theirs is overwritten and nothing is appended twice.
 */
async function keepDetails(ctx: StoreContext, source: Entity, into: EntityRef): Promise<Entity> {
  for (let attempt = 0; ; attempt++) {
    const target = await getEntity(ctx, into);
    const { changes } = mergedDetails(target, source, SINGLE_LINE_MAX);
    const fields: Record<string, string> = {};
    if (into.kind === 'person') {
      const emails = [...new Set([...(target as Person).emails, ...(source as Person).emails])];
      if (emails.join('\n') !== (target as Person).emails.join('\n')) fields.Emails = emails.join('\n');
    }
    if (into.kind === 'organisation') {
      const domains = [...new Set([...(target as Organisation).domains, ...(source as Organisation).domains])];
      if (domains.join('\n') !== (target as Organisation).domains.join('\n')) fields.Domains = domains.join('\n');
    }
    for (const [field, column] of Object.entries(COLUMN_OF)) {
      const value = changes[field as keyof typeof COLUMN_OF];
      if (value !== undefined) fields[column] = value;
    }
    if (changes.roles) fields.Roles = changes.roles.join(';');
    const merged = { ...target, roles: changes.roles ?? target.roles };
    if (Object.keys(fields).length === 0) return merged;
    try {
      await ctx.lists.update(LIST_OF[into.kind], into.id, fields, target.etag);
      return merged;
    } catch (error) {
      if (!(error instanceof GraphRequestError && isPreconditionFailed(error)) || attempt === 2) throw error;
    }
  }
}

/**
 * Merges a duplicate into the entity that stays: its filings, addresses/domains, project roles and
 * the projects a person owns move over, its phone, job title, organisation, roles and notes are kept (domain/merging.ts), a filing the kept entity already has is dropped rather than doubled, people of a merged
 * organisation move with it, and the duplicate is removed. Audited.
 */
export async function merge(ctx: StoreContext, from: EntityRef, into: EntityRef): Promise<{ filingsMoved: number; keysMoved: number }> {
  if (from.kind !== into.kind) throw new Error(`Cannot merge a ${from.kind} into a ${into.kind}.`);
  if (from.id === into.id) return { filingsMoved: 0, keysMoved: 0 };
  const source = await getEntity(ctx, from);
  // The duplicate's details first, so the kept entity is complete even if a later step fails. The key
  // rows that make its addresses findable are moved below (they are unique, so they cannot be created twice).
  const target = await keepDetails(ctx, source, into);
  const { filingsMoved, keysMoved } = await moveRows(ctx, from, into, target);
  await ctx.lists.delete(LIST_OF[from.kind], from.id, '*');
  const moved = { filingsMoved, keysMoved };
  await audit(ctx, 'merge', entityKey(into), { merged: entityKey(from), ...moved });
  return moved;
}

/**
 * Moves a merged duplicate's rows over again: what a colleague's pane wrote to it while it still knew it
 * (a filing, an address, a project role, a member), up to its freshness bound after the merge
 * (lateSweeps.ts). Nothing to do when the kept entity is gone too. Audited when it moves anything.
 */
export async function sweepMerged(ctx: StoreContext, from: EntityRef, into: EntityRef): Promise<number> {
  if (await stillThere(ctx, from)) return 0; // the merge did not finish: nothing was left behind by it
  if (!(await anythingNames(ctx, from))) return 0; // the usual case: no read of the kept entity's whole history
  let target: Entity;
  try {
    target = await getEntity(ctx, into);
  } catch (error) {
    if (error instanceof GraphRequestError && isNotFound(error)) return 0;
    throw error;
  }
  const moved = await moveRows(ctx, from, into, target);
  const found = moved.filingsMoved + moved.keysMoved + moved.others;
  if (found > 0) await audit(ctx, 'merge', entityKey(into), { merged: entityKey(from), ...moved, late: 1 });
  return found;
}

/** Whether any row still names the gone duplicate: a filing, key row or participation, a member or an owned project. */
async function anythingNames(ctx: StoreContext, from: EntityRef): Promise<boolean> {
  const byEntity = `fields/EntityKey eq ${odataString(entityKey(from))}`;
  const pointing = from.kind === 'organisation' ? `fields/OrganisationId eq ${odataString(from.id)}` : `fields/OwnerId eq ${odataString(from.id)}`;
  const [[filings = []], keys, participations, others] = await Promise.all([
    filingRowsOf(ctx, [from], 1),
    ctx.lists.all('keys', { filter: byEntity }),
    ctx.lists.all('participants', { filter: byEntity }),
    from.kind === 'project' ? Promise.resolve([]) : ctx.lists.all(from.kind === 'organisation' ? 'people' : 'projects', { filter: pointing }),
  ]);
  return filings.length + keys.length + participations.length + others.length > 0;
}

/**
 * The duplicate's filings, key rows and participations onto the kept entity (a filing it already has is
 * dropped rather than doubled), and the people of a merged organisation or the projects a merged person
 * owns. Safe to run again: what has moved no longer names the duplicate.
 */
async function moveRows(ctx: StoreContext, from: EntityRef, into: EntityRef, target: Entity): Promise<{ filingsMoved: number; keysMoved: number; others: number }> {
  const fromKey = entityKey(from);
  const intoKey = entityKey(into);
  const byEntity = `fields/EntityKey eq ${odataString(fromKey)}`;
  // Both entities' filings, past the list view threshold too (entityWindows.ts).
  const [[filings = [], keptRows = []], keys, keptKeys, participations] = await Promise.all([
    filingRowsOf(ctx, [from, into]),
    ctx.lists.all('keys', { filter: byEntity }),
    ctx.lists.all('keys', { filter: `fields/EntityKey eq ${odataString(intoKey)}` }),
    ctx.lists.all('participants', { filter: byEntity }),
  ]);
  const roles = target.roles.join(';');

  // A filing the kept entity already has would clash on FilingKey: the duplicate's copy goes instead.
  // Found from the kept entity's own filings, not from the clash, whose status is not documented.
  const kept = new Set(keptRows.map((row) => String(row.fields.FilingKey)));
  const movedKey = (row: (typeof filings)[number]) => filingKey(String(row.fields.ItemKey), intoKey);
  const doubled = filings.filter((row) => kept.has(movedKey(row)));
  const moving = filings.filter((row) => !kept.has(movedKey(row)));
  const filingSteps: BatchStep[] = [
    ...moving.map((row, i) => ctx.lists.updateStep(`f${i}`, 'filings', row.id, { EntityKey: intoKey, EntityMonth: entityMonth(intoKey, String(row.fields.ItemDate ?? '')), EntityName: title(target.name), FilingKey: movedKey(row) }, '*')),
    ...doubled.map((row, i) => ctx.lists.deleteStep(`d${i}`, 'filings', row.id)),
  ];
  const keySteps: BatchStep[] = keys.map((row, i) =>
    row.fields.KeyKind === 'name'
      ? ctx.lists.deleteStep(`k${i}`, 'keys', row.id) // the kept entity has its own name words
      : ctx.lists.updateStep(`k${i}`, 'keys', row.id, { EntityKey: intoKey, Title: title(target.name), Roles: roles }, '*'),
  );
  // The kept entity's own key rows carry its roles too (schema.ts): the merged ones.
  const keptKeySteps: BatchStep[] = keptKeys.filter((row) => String(row.fields.Roles ?? '') !== roles).map((row, i) => ctx.lists.updateStep(`r${i}`, 'keys', row.id, { Roles: roles }, '*'));
  const participantSteps: BatchStep[] = participations.map((row, i) => ctx.lists.updateStep(`p${i}`, 'participants', row.id, { EntityKey: intoKey }, '*'));
  const results = await ctx.batch([...filingSteps, ...keySteps, ...keptKeySteps, ...participantSteps]);

  const failed = results.find((r) => !r.ok && !(r.id.startsWith('d') && isNotFound(batchError(r))));
  if (failed) throw batchError(failed);

  let others = participations.length;
  if (from.kind === 'organisation') {
    const members = await ctx.lists.all('people', { filter: `fields/OrganisationId eq ${odataString(from.id)}` });
    others += members.length;
    const moved = await ctx.batch(members.map((row, i) => ctx.lists.updateStep(`m${i}`, 'people', row.id, { OrganisationId: into.id }, '*')));
    const failed = moved.find((r) => !r.ok && !isNotFound(batchError(r)));
    if (failed) throw batchError(failed);
  }
  if (from.kind === 'person') {
    // The projects the duplicate owns are owned by the person who stays.
    const owned = await ctx.lists.all('projects', { filter: `fields/OwnerId eq ${odataString(from.id)}` });
    const answers = await ctx.batch(owned.map((row, i) => ctx.lists.updateStep(`o${i}`, 'projects', row.id, { OwnerId: into.id }, '*')));
    const refused = answers.find((r) => !r.ok);
    if (refused) throw batchError(refused);
    others += owned.length;
  }
  return { filingsMoved: filings.length - doubled.length, keysMoved: keys.filter((row) => row.fields.KeyKind !== 'name').length, others };
}


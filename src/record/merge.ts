import { entityKey, type EntityRef, type Organisation, type Person } from '../domain/entities';
import { filingKey } from '../domain/itemKeys';
import { batchError, type BatchStep } from '../graph/batch';
import { isNotFound } from '../graph/errors';
import { odataString } from '../graph/odata';
import { audit } from './audit';
import type { StoreContext } from './context';
import { entityMonth, filingRowsOf } from './entityWindows';
import { getEntity, LIST_OF } from './entityWrites';
import { title } from './mapping';

/**
 * Merges a duplicate into the entity that stays: its filings, addresses/domains, project roles and
 * the projects a person owns move over, a filing the kept entity already has is dropped rather than doubled, people of a merged
 * organisation move with it, and the duplicate is removed. Audited.
 */
export async function merge(ctx: StoreContext, from: EntityRef, into: EntityRef): Promise<{ filingsMoved: number; keysMoved: number }> {
  if (from.kind !== into.kind) throw new Error(`Cannot merge a ${from.kind} into a ${into.kind}.`);
  if (from.id === into.id) return { filingsMoved: 0, keysMoved: 0 };
  const [source, target] = await Promise.all([getEntity(ctx, from), getEntity(ctx, into)]);
  const fromKey = entityKey(from);
  const intoKey = entityKey(into);
  const byEntity = `fields/EntityKey eq ${odataString(fromKey)}`;
  // Both entities' filings, past the list view threshold too (entityWindows.ts).
  const [[filings = [], keptRows = []], keys, participations] = await Promise.all([
    filingRowsOf(ctx, [from, into]),
    ctx.lists.all('keys', { filter: byEntity }),
    ctx.lists.all('participants', { filter: byEntity }),
  ]);

  // Addresses and domains first, so the kept entity is complete even if a later step fails. The key
  // rows that make them findable are moved below (they are unique, so they cannot be created twice).
  if (from.kind === 'person') {
    const emails = [...new Set([...(target as Person).emails, ...(source as Person).emails])];
    await ctx.lists.update(LIST_OF.person, into.id, { Emails: emails.join('\n') }, '*');
  }
  if (from.kind === 'organisation') {
    const domains = [...new Set([...(target as Organisation).domains, ...(source as Organisation).domains])];
    await ctx.lists.update(LIST_OF.organisation, into.id, { Domains: domains.join('\n') }, '*');
  }

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
      : ctx.lists.updateStep(`k${i}`, 'keys', row.id, { EntityKey: intoKey, Title: title(target.name), Roles: target.roles.join(';') }, '*'),
  );
  const participantSteps: BatchStep[] = participations.map((row, i) => ctx.lists.updateStep(`p${i}`, 'participants', row.id, { EntityKey: intoKey }, '*'));
  const results = await ctx.batch([...filingSteps, ...keySteps, ...participantSteps]);

  const failed = results.find((r) => !r.ok && !(r.id.startsWith('d') && isNotFound(batchError(r))));
  if (failed) throw batchError(failed);

  if (from.kind === 'organisation') {
    const members = await ctx.lists.all('people', { filter: `fields/OrganisationId eq ${odataString(from.id)}` });
    await ctx.batch(members.map((row, i) => ctx.lists.updateStep(`m${i}`, 'people', row.id, { OrganisationId: into.id }, '*')));
  }
  if (from.kind === 'person') {
    // The projects the duplicate owns are owned by the person who stays.
    const owned = await ctx.lists.all('projects', { filter: `fields/OwnerId eq ${odataString(from.id)}` });
    const answers = await ctx.batch(owned.map((row, i) => ctx.lists.updateStep(`o${i}`, 'projects', row.id, { OwnerId: into.id }, '*')));
    const refused = answers.find((r) => !r.ok);
    if (refused) throw batchError(refused);
  }
  await ctx.lists.delete(LIST_OF[from.kind], from.id, '*');
  const moved = { filingsMoved: filings.length - doubled.length, keysMoved: keys.filter((row) => row.fields.KeyKind !== 'name').length };
  await audit(ctx, 'merge', intoKey, { merged: fromKey, ...moved });
  return moved;
}

import { entityKey, parseEntityKey, type EntityRef, type EntitySummary, type Participation } from '../domain/entities';
import { odataString } from '../graph/odata';
import type { StoreContext } from './context';
import { createOnce, newCreationId } from './creations';
import type { ListItem } from './listItems';
import { InvalidInputError } from './errors';
import { title, TITLE_MAX } from './mapping';

export function toParticipation(row: ListItem): Participation {
  const f = row.fields;
  const entity = parseEntityKey(String(f.EntityKey ?? '')) ?? { kind: 'person' as const, id: '0' };
  return {
    id: row.id,
    etag: row.etag,
    role: String(f.Title ?? ''),
    project: { ref: { kind: 'project', id: String(f.ProjectId ?? '') }, name: String(f.ProjectName ?? ''), detail: '' },
    entity: { ref: entity, name: String(f.EntityName ?? ''), detail: '' },
  };
}

/** Who takes part in a project, with their role (one indexed query). */
export async function participants(ctx: StoreContext, project: EntityRef): Promise<Participation[]> {
  const rows = await ctx.lists.all('participants', { filter: `fields/ProjectId eq ${odataString(project.id)}` });
  return rows.map(toParticipation);
}

/**
 * The roles participants have in the record's projects, most used first, to suggest when a role is
 * given: read from one page of the list (up to 500 rows, one request), which is enough to suggest from.
 */
export async function participantRoles(ctx: StoreContext): Promise<string[]> {
  const { items } = await ctx.lists.query('participants', { top: 500 });
  const counts = new Map<string, number>();
  for (const row of items) {
    const role = String(row.fields.Title ?? '').trim();
    if (role) counts.set(role, (counts.get(role) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([role]) => role);
}

/** The projects a person or organisation takes part in. */
export async function projectsOf(ctx: StoreContext, entity: EntityRef): Promise<Participation[]> {
  const rows = await ctx.lists.all('participants', { filter: `fields/EntityKey eq ${odataString(entityKey(entity))}` });
  return rows.map(toParticipation);
}

/**
 * Adds someone to a project, or changes their role if they already take part: never two rows for one
 * pair. The row is made with a creation id (one per user intent; a retry of the intent passes the same),
 * so a create whose answer was lost is found, not made again. The pair is found among the project's rows (one indexed eq), not by filtering on ProjectId and
 * EntityKey together: a filter on two indexed columns may be refused like a query past the list view
 * threshold.
 */
export async function involve(ctx: StoreContext, project: EntitySummary, entity: EntitySummary, role: string, creationId: string = newCreationId()): Promise<Participation> {
  if (project.ref.kind !== 'project') throw new Error('Only projects have participants.');
  // The role is the row's Title: a longer one is refused, never saved cut.
  if (role.trim().length > TITLE_MAX) throw new InvalidInputError([{ field: 'role', value: role, problem: 'roleTooLong' }]);
  const key = entityKey(entity.ref);
  const rows = await ctx.lists.all('participants', { filter: `fields/ProjectId eq ${odataString(project.ref.id)}` });
  const fields = { Title: title(role.trim()), ProjectId: project.ref.id, EntityKey: key, ProjectName: title(project.name), EntityName: title(entity.name) };
  const current = rows.find((row) => row.fields.EntityKey === key);
  if (current) {
    await ctx.lists.update('participants', current.id, fields, '*');
    return toParticipation({ ...current, fields: { ...current.fields, ...fields } });
  }
  // Made with a creation id: a create whose answer was lost after the row was written finds that row.
  const made = await createOnce(ctx, 'participants', fields, creationId);
  if (made.fields.Title !== fields.Title) {
    // Found, but made by an earlier try of another role: this call's role is what the user asked for now.
    await ctx.lists.update('participants', made.id, fields, '*');
    return toParticipation({ ...made, fields: { ...made.fields, ...fields } });
  }
  return toParticipation(made);
}

export async function uninvolve(ctx: StoreContext, participation: Participation): Promise<void> {
  await ctx.lists.delete('participants', participation.id, '*').catch((error: { status?: number }) => {
    if (error.status !== 404) throw error; // already gone: the wanted state
  });
}

import { isPublicMailDomain, normaliseAddress, normaliseDomain } from '../domain/addresses';
import { entityKey, type Entity, type EntityRef, type EntitySummary, type Organisation, type Person, type Project } from '../domain/entities';
import { normaliseName } from '../domain/nameWords';
import { batchError, expectOk } from '../graph/batch';
import { GraphRequestError, isConflict, isPreconditionFailed } from '../graph/errors';
import { odataString } from '../graph/odata';
import type { StoreContext } from './context';
import { byCreationId, createOnce, deleteEach, newCreationId } from './creations';
import { ConflictError, DuplicateKeyError, InvalidInputError, mayBeUniqueClash, UndoIncompleteError } from './errors';
import { entitiesThatExist, LIST_OF, removeKeysOf } from './keyChecks';
import type { ListItem } from './listItems';
import {
  keyRows,
  nameKey,
  organisationFields,
  personFields,
  projectFields,
  summaryFromKey,
  toOrganisation,
  toPerson,
  toProject,
  TITLE_MAX,
  type KeyRow,
  type OrganisationInput,
  type PersonInput,
  type ProjectInput,
} from './mapping';
import { SINGLE_LINE_MAX } from './schema';
import type { CreateOutcome } from './trailStore';

export { LIST_OF };

export function toEntity(kind: EntityRef['kind'], item: ListItem): Entity {
  return kind === 'person' ? toPerson(item) : kind === 'organisation' ? toOrganisation(item) : toProject(item);
}

export async function getEntity(ctx: StoreContext, ref: EntityRef): Promise<Entity> {
  return toEntity(ref.kind, await ctx.lists.get(LIST_OF[ref.kind], ref.id));
}

function requireName(name: string): string {
  const trimmed = name.trim();
  // Only invisible characters (zero-width, direction marks) is no name: nothing to see or find it by.
  if (!trimmed || !normaliseName(trimmed)) throw new InvalidInputError([{ field: 'name', value: name, problem: 'emptyName' }]);
  // The Title column holds 255 characters: a longer name is refused, never saved cut (the pane says so first).
  if (trimmed.length > TITLE_MAX) throw new InvalidInputError([{ field: 'name', value: name, problem: 'nameTooLong' }]);
  return trimmed;
}

/**
 * Roles as the record keeps them, on one line of 255 characters with a semicolon after each: a role
 * holding a semicolon would come back as two, and a longer line would be refused by SharePoint.
 * Each is trimmed and empty ones dropped, as they read back.
 */
function requireRoles(roles: readonly string[]): string[] {
  const kept = roles.map((role) => role.trim()).filter(Boolean);
  const split = kept.filter((role) => role.includes(';'));
  if (split.length) throw new InvalidInputError(split.map((role) => ({ field: 'roles', value: role, problem: 'roleSeparator' })));
  if (kept.join(';').length > SINGLE_LINE_MAX) throw new InvalidInputError([{ field: 'roles', value: kept.join(';'), problem: 'rolesTooLong' }]);
  return kept;
}

/** Name and roles checked as on create, whichever of them the input has. */
function checked<T extends { name?: string; roles?: string[] }>(input: T): T {
  return { ...input, ...(input.name !== undefined ? { name: requireName(input.name) } : {}), ...(input.roles ? { roles: requireRoles(input.roles) } : {}) };
}

export function normaliseEmails(emails: readonly string[]): string[] {
  const problems: InvalidInputError['problems'] = [];
  const normal: string[] = [];
  for (const email of emails) {
    const result = normaliseAddress(email);
    if (result.ok) normal.push(result.address);
    else problems.push({ field: 'emails', value: email, problem: result.problem });
  }
  if (problems.length) throw new InvalidInputError(problems);
  return [...new Set(normal)];
}

export function normaliseDomains(ctx: StoreContext, domains: readonly string[]): string[] {
  const problems: InvalidInputError['problems'] = [];
  const normal: string[] = [];
  for (const domain of domains) {
    const result = normaliseDomain(domain);
    if (!result) problems.push({ field: 'domains', value: domain, problem: 'badDomain' });
    else if (isPublicMailDomain(result, ctx.extraPublicDomains)) problems.push({ field: 'domains', value: domain, problem: 'publicDomain' });
    else normal.push(result);
  }
  if (problems.length) throw new InvalidInputError(problems);
  return [...new Set(normal)];
}

/** The first of these entities that exists; the key rows of any that does not (a ghost) are removed, each delete checked. */
async function firstLiveOwner(ctx: StoreContext, candidates: readonly EntitySummary[]): Promise<EntitySummary | undefined> {
  if (candidates.length === 0) return undefined;
  const { live, ghosts } = await entitiesThatExist(ctx, candidates.map((c) => c.ref));
  for (const ghost of ghosts) {
    // The ghost holds the unique key a new entity needs; its rows go, or the failure says what is left.
    const left = await removeKeysOf(ctx, ghost);
    if (left.length) throw new UndoIncompleteError(left, undefined);
  }
  return candidates.find((c) => live.has(entityKey(c.ref)));
}

/** The (existing) entity that owns one of these unique keys, if any: one round trip, and one more to check the owner exists. */
async function existingOwner(ctx: StoreContext, uniqueKeys: readonly string[]): Promise<EntitySummary | undefined> {
  return (await lookBeforeCreate(ctx, undefined, uniqueKeys)).owner;
}

/**
 * In one $batch: the row this creation id already made (a retry after a lost answer), the owners of the
 * unique keys and, for a project, the projects of the same name. Owners are checked against their entity.
 */
async function lookBeforeCreate(
  ctx: StoreContext,
  mine: { kind: EntityRef['kind']; creationId: string } | undefined,
  uniqueKeys: readonly string[],
  sameName?: string,
): Promise<{ mine?: ListItem; owner?: EntitySummary }> {
  const steps = [
    ...(mine ? [ctx.lists.queryStep('mine', LIST_OF[mine.kind], { filter: byCreationId(mine.creationId), top: 1 })] : []),
    ...uniqueKeys.map((key, i) => ctx.lists.queryStep(`k${i}`, 'keys', { filter: `fields/UniqueKey eq ${odataString(key)}`, top: 1 })),
    ...(sameName ? [ctx.lists.queryStep('name', 'keys', { filter: `fields/Key eq ${odataString(sameName)}`, top: 50 })] : []),
  ];
  if (steps.length === 0) return {};
  const results = await ctx.batch(steps);
  const answer = (id: string) => expectOk(results.find((result) => result.id === id)!);
  if (mine) {
    const [row] = await ctx.lists.from(answer('mine'), 1);
    if (row) return { mine: row };
  }
  const candidates: EntitySummary[] = [];
  for (let i = 0; i < uniqueKeys.length; i++) {
    const owner = (await ctx.lists.from(answer(`k${i}`), 1)).map(summaryFromKey)[0];
    if (owner) candidates.push(owner);
  }
  if (sameName) {
    // A word of a longer project's name shares that key, so the names must agree.
    const rows = await ctx.lists.from(answer('name'));
    candidates.push(...rows.map(summaryFromKey).filter((s): s is EntitySummary => s?.ref.kind === 'project' && nameKey(s.name) === sameName));
  }
  return { owner: await firstLiveOwner(ctx, candidates) };
}

const keyRowsOf = (ctx: StoreContext, ref: EntityRef) => ctx.lists.all('keys', { filter: `fields/EntityKey eq ${odataString(entityKey(ref))}`, top: 100 });

/**
 * Removes an entity this client has just written and every key row that points at it, found by the
 * indexed EntityKey rather than from the failed answer, which may not say what was written. Key rows
 * go first and the entity only once they are all gone, so a stop half way leaves an entity with some
 * of its keys (which a retry with the same creation id completes), never a key row pointing at nothing.
 * Each delete's answer is checked (the client sends failed deletes again); what is still there is
 * returned, so the caller reports it rather than letting it pass silently.
 */
async function undoCreation(ctx: StoreContext, kind: EntityRef['kind'], ref: EntityRef): Promise<string[]> {
  try {
    const keysLeft = await removeKeysOf(ctx, ref);
    if (keysLeft.length) return [...keysLeft, entityKey(ref)];
    return await deleteEach(ctx, [{ label: entityKey(ref), step: ctx.lists.deleteStep('e', LIST_OF[kind], ref.id) }]);
  } catch {
    // The record could not even be read or answered: all of it may still be there.
    return [entityKey(ref), `keys of ${entityKey(ref)}`];
  }
}

/** Undoes a half-made creation and throws why it stopped; when the undo left rows, says which. */
async function undoAndThrow(ctx: StoreContext, kind: EntityRef['kind'], ref: EntityRef, cause: unknown): Promise<never> {
  const left = await undoCreation(ctx, kind, ref);
  if (left.length) throw new UndoIncompleteError(left, cause);
  throw cause;
}

/**
 * Creates an entity and its key rows. When an address, domain (or, for projects, the exact name)
 * already belongs to an entity, that one is returned instead. A colleague creating the same person
 * at the same moment loses the race on SharePoint's unique index; the loser removes what it wrote
 * and returns the winner. The creation id makes it safe to try again: a row an earlier attempt wrote
 * (its answer lost) is found by it, and only its missing key rows are written.
 */
async function createWithKeys<T extends Entity>(
  ctx: StoreContext,
  kind: EntityRef['kind'],
  fields: Record<string, unknown>,
  rowsFor: (ref: EntityRef) => KeyRow[],
  uniqueKeys: string[],
  read: (item: ListItem) => T,
  creationId: string = newCreationId(),
  sameName?: string,
): Promise<CreateOutcome<T>> {
  const before = await lookBeforeCreate(ctx, { kind, creationId }, uniqueKeys, sameName);
  if (before.owner) return { status: 'existing', entity: before.owner };

  const entity = read(before.mine ?? (await createOnce(ctx, LIST_OF[kind], fields, creationId)));
  const have = before.mine ? new Set((await keyRowsOf(ctx, entity.ref)).map((row) => String(row.fields.UniqueKey))) : new Set<string>();
  const rows = rowsFor(entity.ref).filter((row) => !have.has(row.UniqueKey));
  if (rows.length === 0) return { status: 'created', entity };
  let results: Awaited<ReturnType<StoreContext['batch']>>;
  try {
    results = await ctx.batch(rows.map((row, i) => ctx.lists.createStep(String(i), 'keys', { ...row })));
  } catch (error) {
    // The key rows may or may not be written (a 503 can come after the work): if the record has them all, it is done.
    const written = await keyRowsOf(ctx, entity.ref).then((found) => new Set(found.map((row) => String(row.fields.UniqueKey))), () => undefined);
    if (written && rows.every((row) => written.has(row.UniqueKey))) return { status: 'created', entity };
    return undoAndThrow(ctx, kind, entity.ref, error);
  }
  // A key row refused (409, or 400: the status of a unique clash is not documented) may mean a
  // colleague won the race; the record, not the status, says whether one did.
  const refused = results.filter((result) => !result.ok && mayBeUniqueClash(batchError(result)));
  const failed = results.find((result) => !result.ok && !mayBeUniqueClash(batchError(result)));
  if (refused.length > 0 || failed) {
    if (failed) return undoAndThrow(ctx, kind, entity.ref, batchError(failed));
    const left = await undoCreation(ctx, kind, entity.ref);
    const winner = await existingOwner(ctx, uniqueKeys);
    const conflict = refused.find((result) => isConflict(batchError(result)));
    const why = conflict ? new DuplicateKeyError(uniqueKeys.join(', '), winner) : batchError(refused[0]!);
    if (left.length) throw new UndoIncompleteError(left, why);
    if (winner) return { status: 'existing', entity: winner };
    throw conflict ? new DuplicateKeyError(uniqueKeys.join(', '), undefined) : why;
  }
  return { status: 'created', entity };
}

export async function createPerson(ctx: StoreContext, input: PersonInput): Promise<CreateOutcome<Person>> {
  const { name } = checked(input);
  const emails = normaliseEmails(input.emails);
  return createWithKeys(
    ctx,
    'person',
    personFields({ ...checked(input), emails }),
    (ref) => keyRows(ref, name, emails, [], input.roles ?? []),
    emails.map((e) => `email:${e}`),
    toPerson,
    input.creationId,
  );
}

export async function createOrganisation(ctx: StoreContext, input: OrganisationInput): Promise<CreateOutcome<Organisation>> {
  const { name } = checked(input);
  const domains = normaliseDomains(ctx, input.domains);
  return createWithKeys(
    ctx,
    'organisation',
    organisationFields({ ...checked(input), domains }),
    (ref) => keyRows(ref, name, [], domains, input.roles ?? []),
    domains.map((d) => `domain:${d}`),
    toOrganisation,
    input.creationId,
  );
}

export async function createProject(ctx: StoreContext, input: ProjectInput): Promise<CreateOutcome<Project>> {
  const { name } = checked(input);
  // Projects have no address; two with the very same name are almost always the same project.
  // Looked up by the key its rows are written with (normalised, cut at a character), never the raw name,
  // which could be any length; a word of a longer project's name shares that key, so the names must agree.
  return createWithKeys(ctx, 'project', projectFields({ ...checked(input) }), (ref) => keyRows(ref, name, [], [], input.roles ?? []), [], toProject, input.creationId, nameKey(name));
}

type Changes = Partial<PersonInput & OrganisationInput & ProjectInput>;

/** An entity's fields as the store writes them. */
function currentFields(entity: Entity): Record<string, unknown> {
  if (entity.ref.kind === 'person') return personFields(entity as Person);
  if (entity.ref.kind === 'organisation') return organisationFields(entity as Organisation);
  return projectFields(entity as Project);
}

/** Only the fields the changes alter, normalised as on create. */
function changedFields(ctx: StoreContext, entity: Entity, requested: Changes): Record<string, unknown> {
  // A rename is refused as a create would be, never saved cut or empty.
  const changes = checked(requested);
  const after =
    entity.ref.kind === 'person'
      ? personFields({ ...(entity as Person), ...changes, emails: changes.emails ? normaliseEmails(changes.emails) : (entity as Person).emails })
      : entity.ref.kind === 'organisation'
        ? organisationFields({ ...(entity as Organisation), ...changes, domains: changes.domains ? normaliseDomains(ctx, changes.domains) : (entity as Organisation).domains })
        : projectFields({ ...(entity as Project), ...changes });
  const before = currentFields(entity);
  return Object.fromEntries(Object.entries(after).filter(([name, value]) => !sameValue(before[name], value)));
}

/**
 * PATCH with If-Match. On 412 the latest version is read and our changes are re-applied if no field
 * we change was changed by someone else; otherwise ConflictError tells the user which fields.
 * An update naming a name, addresses or domains that the entity already has (a retry after an earlier
 * try's PATCH was applied but its answer lost) still brings the key rows in line with them.
 */
export async function updateEntity<T extends Entity>(ctx: StoreContext, entity: T, changes: Changes): Promise<T> {
  const list = LIST_OF[entity.ref.kind];
  const ours = changedFields(ctx, entity, changes);
  if (Object.keys(ours).length === 0) {
    if (changes.name !== undefined || changes.emails || changes.domains || changes.roles) await syncKeys(ctx, undefined, entity);
    return entity;
  }
  const original = currentFields(entity);
  // One address or domain, one owner: one another entity holds is refused before anything is written.
  const added = uniqueKeysOf({ ...entity, ...changedEntity(ctx, entity, changes) } as Entity).filter((key) => !uniqueKeysOf(entity).includes(key));
  const holder = added.length ? await existingOwner(ctx, added) : undefined;
  if (holder && entityKey(holder.ref) !== entityKey(entity.ref)) throw new DuplicateKeyError(added.join(', '), holder);

  let etag = entity.etag;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await ctx.lists.update(list, entity.ref.id, ours, etag);
      break;
    } catch (error) {
      // SiteLists leaves failures as GraphRequestError already (or SignInError: no request was sent).
      if (!(error instanceof GraphRequestError && isPreconditionFailed(error)) || attempt === 2) throw error;
      const latest = await ctx.lists.get(list, entity.ref.id);
      const clashing = Object.keys(ours).filter(
        (name) => !sameValue(latest.fields[name], original[name]) && !sameValue(latest.fields[name], ours[name]),
      );
      if (clashing.length) throw new ConflictError(clashing, latest.fields);
      etag = latest.etag;
    }
  }
  const updated = (await getEntity(ctx, entity.ref)) as T;
  // Key fields named but unchanged here may have been changed by an earlier try whose answer was lost.
  try {
    await syncKeys(ctx, changes.name !== undefined || changes.emails || changes.domains ? undefined : entity, updated);
  } catch (error) {
    // A colleague took the address or domain between the check and the write: ours is put back, never kept beside theirs.
    if (error instanceof DuplicateKeyError && (ours.Emails !== undefined || ours.Domains !== undefined)) await putBack(ctx, updated, original, ours);
    throw error;
  }
  return updated;
}

/** The unique keys (addresses, domains) an entity holds. */
const uniqueKeysOf = (entity: Entity): string[] =>
  entity.ref.kind === 'person' ? (entity as Person).emails.map((e) => `email:${e}`) : entity.ref.kind === 'organisation' ? (entity as Organisation).domains.map((d) => `domain:${d}`) : [];

/** The entity as these changes would make it (addresses and domains normalised as on create). */
function changedEntity(ctx: StoreContext, entity: Entity, changes: Changes): Partial<Person & Organisation> {
  if (entity.ref.kind === 'person' && changes.emails) return { emails: normaliseEmails(changes.emails) };
  if (entity.ref.kind === 'organisation' && changes.domains) return { domains: normaliseDomains(ctx, changes.domains) };
  return {};
}

/** Writes back the address and domain fields as they were before this update, and their key rows. */
async function putBack(ctx: StoreContext, updated: Entity, original: Record<string, unknown>, ours: Record<string, unknown>): Promise<void> {
  const back = Object.fromEntries(Object.keys(ours).filter((name) => name === 'Emails' || name === 'Domains').map((name) => [name, original[name]]));
  await ctx.lists.update(LIST_OF[updated.ref.kind], updated.ref.id, back, updated.etag).then(
    async () => syncKeys(ctx, undefined, await getEntity(ctx, updated.ref)),
    () => undefined, // changed again meanwhile: that change stands
  );
}

const sameValue = (a: unknown, b: unknown): boolean => (a ?? '') === (b ?? '');

/**
 * Keeps the Keys list in step with an entity's name, addresses, domains and roles after an update. With the
 * entity as it was before, nothing is asked when its keys did not change; without it, the record's key
 * rows are always read and brought in line.
 */
export async function syncKeys(ctx: StoreContext, before: Entity | undefined, after: Entity): Promise<void> {
  const rowsOf = (entity: Entity) =>
    keyRows(
      entity.ref,
      entity.name,
      entity.ref.kind === 'person' ? (entity as Person).emails : [],
      entity.ref.kind === 'organisation' ? (entity as Organisation).domains : [],
      entity.roles,
    );
  const wanted = rowsOf(after);
  if (before && JSON.stringify(rowsOf(before)) === JSON.stringify(wanted)) return;
  const existing = await ctx.lists.all('keys', { filter: `fields/EntityKey eq ${odataString(entityKey(after.ref))}` });
  const have = new Map(existing.map((item) => [String(item.fields.UniqueKey), item]));
  const want = new Map(wanted.map((row) => [row.UniqueKey, row]));
  const steps = [
    ...[...have.entries()].filter(([key]) => !want.has(key)).map(([, item], i) => ctx.lists.deleteStep(`d${i}`, 'keys', item.id)),
    ...[...want.entries()].filter(([key]) => !have.has(key)).map(([, row], i) => ctx.lists.createStep(`c${i}`, 'keys', { ...row })),
    ...[...want.entries()]
      .filter(([key, row]) => have.has(key) && (have.get(key)!.fields.Title !== row.Title || (have.get(key)!.fields.Roles ?? '') !== row.Roles))
      .map(([key, row], i) => ctx.lists.updateStep(`u${i}`, 'keys', have.get(key)!.id, { Title: row.Title, Roles: row.Roles }, '*')),
  ];
  if (steps.length === 0) return;
  const results = await ctx.batch(steps);
  // A refused key row is someone else's address or domain only if the record says so (the status of
  // a unique clash is not documented: 409 or 400).
  for (const result of results) {
    const step = steps.find((s) => s.id === result.id)!;
    if (result.ok || step.method !== 'POST' || !mayBeUniqueClash(batchError(result))) continue;
    const key = String((step.body as { fields: KeyRow }).fields.UniqueKey);
    const owner = await existingOwner(ctx, [key]);
    if (owner && entityKey(owner.ref) !== entityKey(after.ref)) throw new DuplicateKeyError(key, owner);
  }
  const failed = results.find((result) => !result.ok);
  if (failed) throw batchError(failed);
}

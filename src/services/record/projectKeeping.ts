/**
 * Keeping the record: projects and organisations made, corrected and linked from the pane. The
 * writes go to the store (which keeps the If-Match rule and the key rows); creations go through the
 * filing service's creation ids, so a save asked again after a failure never makes a second row.
 */
import { type EntityRef, type EntitySummary, type Organisation, type Participation, type Project, type ProjectKind, type ProjectStatus } from '../../domain/entities';
import type { FiledItem } from '../../domain/itemKeys';
import { ConflictError, DuplicateKeyError, InvalidInputError } from '../../record/errors';
import type { FilingOutcome } from '../../record/trailStore';
import type { FilingRuntime } from '../filingRuntime';
import { normaliseAddress } from '../../domain/addresses';

export type { Organisation, Participation, Project, ProjectKind, ProjectStatus };
export const PROJECT_KINDS: readonly ProjectKind[] = ['project', 'fundedProject', 'matter'];
export const PROJECT_STATUSES: readonly ProjectStatus[] = ['planned', 'active', 'closed'];
/**
 * The role a project's owner had among its participants before owners were a field of the project:
 * such projects are still read with that participant as their owner.
 */
export const OWNER_ROLE = 'owner';

export interface ProjectDraft {
  name: string;
  projectKind: ProjectKind;
  status: ProjectStatus;
  startDate: string | null;
  endDate: string | null;
  /** Who owns it: the signed-in user unless another person is chosen. */
  owner: EntitySummary | 'me';
  participants: Array<{ entity: EntitySummary; role: string }>;
}

export const emptyProjectDraft = (name = ''): ProjectDraft => ({ name, projectKind: 'project', status: 'active', startDate: null, endDate: null, owner: 'me', participants: [] });

/** Why a save was refused, in terms a form can show. */
export type RecordProblem =
  | { kind: 'conflict'; fields: string[] }
  | { kind: 'duplicate'; owner: string | null }
  | { kind: 'invalid'; problems: Array<{ field: string; value: string; problem: string }> };

export function recordProblem(error: unknown): RecordProblem | null {
  if (error instanceof ConflictError) return { kind: 'conflict', fields: error.fields };
  if (error instanceof DuplicateKeyError) return { kind: 'duplicate', owner: error.owner?.name ?? null };
  if (error instanceof InvalidInputError) return { kind: 'invalid', problems: error.problems };
  return null;
}

const summaryOf = (entity: { ref: EntityRef; name: string }, detail = ''): EntitySummary => ({ ref: entity.ref, name: entity.name, detail });

export function createProjectKeeping(runtime: Pick<FilingRuntime, 'filing' | 'index' | 'self'>, me: { name: string }) {
  const { filing } = runtime;
  const { store } = filing;
  const refreshIndex = () => void runtime.index.refresh().catch(() => undefined);
  /** The roles the record's projects use, as last read (see usedRoles). */
  let roles: Promise<string[]> | null = null;

  /** The signed-in user as a person in the record: found by address, made once if the record has none. */
  async function self(): Promise<EntitySummary> {
    const n = normaliseAddress(runtime.self);
    const address = n.ok ? n.address : runtime.self;
    const found = (await store.resolve([address])).people.get(address);
    if (found) return found;
    const made = await filing.createPerson({ name: me.name || runtime.self, emails: [address] });
    return summaryOf(made.entity);
  }

  /**
   * Creates the project (or finds the one this same save made before its answer was lost), makes its
   * owner and participants part of it, and files the open item to it: one user action. Every step
   * finds what an earlier try did, so the whole can be asked again after any failure.
   */
  async function createProject(draft: ProjectDraft, item?: FiledItem): Promise<{ project: EntitySummary; filed?: { outcomes: FilingOutcome[]; tagged: boolean } }> {
    const owner = draft.owner === 'me' ? await self() : draft.owner;
    const made = await filing.createProject({
      name: draft.name.trim(),
      projectKind: draft.projectKind,
      status: draft.status,
      startDate: draft.startDate,
      endDate: draft.endDate,
      ownerId: owner.ref.id,
    });
    const project = summaryOf(made.entity);
    for (const p of draft.participants) await store.involve(project, p.entity, p.role);
    if (draft.participants.length) roles = null;
    refreshIndex();
    if (!item) return { project };
    return { project, filed: await filing.fileTo(item, [project]) };
  }

  /** Changes a project's fields as read; a colleague's change to the same field is a conflict, never overwritten. */
  const updateProject = (project: Project, changes: Partial<Pick<Project, 'name' | 'projectKind' | 'status' | 'startDate' | 'endDate' | 'ownerId'>>) =>
    store.update(project, changes).then((p) => (changes.name !== undefined && refreshIndex(), p));

  /**
   * Who owns a project: the person its Owner field names; for a project recorded before that field,
   * its participant with role "owner". Null when neither says (or the person is gone).
   */
  async function owner(project: Project, participants: readonly Participation[]): Promise<EntitySummary | null> {
    if (!project.ownerId) return participants.find((p) => p.role === OWNER_ROLE && p.entity.ref.kind === 'person')?.entity ?? null;
    const ref: EntityRef = { kind: 'person', id: project.ownerId };
    return store.get(ref).then(
      (person) => summaryOf(person),
      () => null,
    );
  }

  const project = (ref: EntityRef) => store.get(ref) as Promise<Project>;
  const participants = (ref: EntityRef) => store.participants(ref);
  /** The roles the record's projects already use, most used first: read once, and again after a role is given. */
  const usedRoles = () =>
    (roles ??= store.participantRoles().catch(() => {
      roles = null; // suggestions are a help: none this time, and asked again next time
      return [];
    }));
  /** Adds someone with a role, or changes their role: one row per project and participant. */
  const involve = (project: EntitySummary, entity: EntitySummary, role: string) => store.involve(project, entity, role).finally(() => (roles = null));
  const uninvolve = (participation: Participation) => store.uninvolve(participation);

  /** An organisation by name with zero or more mail domains (never a public one: the store refuses those). */
  async function createOrganisation(name: string, domains: readonly string[]): Promise<EntitySummary & { existing: boolean }> {
    const made = await filing.createOrganisation({ name: name.trim(), domains: [...domains] });
    refreshIndex();
    return { ...summaryOf(made.entity), existing: made.status === 'existing' };
  }

  const organisation = (ref: EntityRef) => store.get(ref) as Promise<Organisation>;
  /** Renames it; its name's key rows follow, so search finds the new name. */
  const renameOrganisation = (org: Organisation, name: string) => store.update(org, { name: name.trim() }).then((o) => (refreshIndex(), o));
  /** Its domains as given; the key rows of removed domains go, new ones are written (one domain, one owner). */
  const setDomains = (org: Organisation, domains: readonly string[]) => store.update(org, { domains: [...domains] }).then((o) => (refreshIndex(), o));

  return { createProject, updateProject, owner, project, participants, usedRoles, involve, uninvolve, createOrganisation, organisation, renameOrganisation, setDomains };
}

export type ProjectKeeping = ReturnType<typeof createProjectKeeping>;

const kept = new WeakMap<object, ProjectKeeping>();
/** One project-keeping service per filing runtime. */
export function projectKeepingOf(runtime: FilingRuntime, me: { name: string }): ProjectKeeping {
  let service = kept.get(runtime);
  if (!service) kept.set(runtime, (service = createProjectKeeping(runtime, me)));
  return service;
}

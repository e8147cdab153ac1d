/**
 * The shared record with what the pane asks on every item change answered from a local replica
 * (recordReplica.ts) instead of SharePoint, whose budget is shared by every user of the app in the
 * tenant (issue 18: sp-dev-docs "Avoid getting throttled or blocked in SharePoint Online", application
 * throttling). Where the item is filed, its conversation's entities, an entity's history (first and later
 * pages), an entity's projects and a project's people come from the replica when it is warm and no older
 * than `maxAgeMs`; an older one is brought up to date first (one delta round, 1 RU a page), never more
 * than once per `maxAgeMs` however many items the user opens. A cold, loading, failed or too-large replica
 * leaves every question to the Graph store, as before.
 *
 * Writes go to the Graph store; what it answers is kept in the replica at once (so reading back the
 * user's own filing asks nothing). A write whose outcome is not known (failed, refused as already there,
 * merged, erased) makes the next read poll first.
 */
import { entityKey, type EntityRef, type EntitySummary, type Participation } from '../domain/entities';
import { itemKey, type FiledItem } from '../domain/itemKeys';
import { pageOf, newestFirst, readCursor } from './lookups';
import type { Page } from './listItems';
import {
  conversationKeyOf,
  entityKeyOf,
  entityOfRow,
  filingOfRow,
  itemKeyOf,
  participationOfRow,
  projectKeyOf,
  rowOfFiling,
  rowOfParticipation,
  type RecordReplica,
} from './recordReplica';
import { ENTITY_MAX_AGE_MS, type EntityIndex } from './entityIndex';
import type { ListReplica } from './listReplica';
import type { Filing, FilingOutcome, HistoryPage, TrailStore } from './trailStore';

/**
 * How old the replica may be when it answers: 10 minutes. A colleague's filing (or unfiling) shows in
 * this user's pane within that time, as mail arriving in Outlook does within minutes; the user's own
 * show at once. A busy hour then costs at most six delta rounds a list instead of a query per item.
 */
export const REPLICA_MAX_AGE_MS = 10 * 60_000;

export interface ReplicatedTrailStoreOptions {
  maxAgeMs?: number;
  /**
   * The pane's entity index: an entity it holds, caught up within ENTITY_MAX_AGE_MS, is filed to without
   * its row being read first (1 RU each); without one every entity is read, as the Graph store does.
   */
  index?: Pick<EntityIndex, 'state' | 'entity' | 'freshen' | 'isFresh'>;
  /** How old the copies of people, organisations and projects may be when read (default ENTITY_MAX_AGE_MS). */
  entityMaxAgeMs?: number;
}

const uniqueEntities = (filings: readonly Filing[]): EntitySummary[] => {
  const seen = new Map<string, EntitySummary>();
  for (const f of filings) if (!seen.has(entityKey(f.entity))) seen.set(entityKey(f.entity), { ref: f.entity, name: f.entityName, detail: '' });
  return [...seen.values()];
};

export function createReplicatedTrailStore(inner: TrailStore, replica: RecordReplica, options: ReplicatedTrailStoreOptions = {}): TrailStore {
  const maxAge = options.maxAgeMs ?? REPLICA_MAX_AGE_MS;
  const entityMaxAge = options.entityMaxAgeMs ?? ENTITY_MAX_AGE_MS;
  const { filings, participants, entities } = replica;
  /** A write to an entity's row (or one that may have been): its kind is polled before it is read again. */
  const entityChanged = <T>(kinds: ReadonlyArray<keyof typeof entities>, work: Promise<T>): Promise<T> =>
    work.finally(() => {
      for (const kind of kinds) entities[kind].invalidate();
    });

  /** The replica's answer when it can give one this fresh, else the Graph store's. */
  const local = async <T>(list: ListReplica, answer: () => T, otherwise: () => Promise<T>): Promise<T> => ((await list.fresh(maxAge)) ? answer() : otherwise());
  const filingsBy = (key: string): Filing[] => filings.find(key).map(filingOfRow);
  const entityFilings = (ref: EntityRef): Filing[] => filingsBy(entityKeyOf(entityKey(ref))).sort(newestFirst);

  /** Keeps what a filing write answered; anything not known for sure makes the next read poll. */
  const keepOutcomes = (outcomes: readonly FilingOutcome[]): FilingOutcome[] => {
    for (const o of outcomes) {
      if (o.status === 'filed') filings.put(rowOfFiling(o.filing));
      else filings.invalidate(); // failed (may have applied, its answer lost) or already filed by someone not yet seen
    }
    return [...outcomes];
  };
  /**
   * The entities the index holds, caught up within its freshness bound: taken as still in the record, so
   * the filing's `$batch` does not read them first (filings.ts). One it does not hold (made since, or
   * gone), or any when it is not warm, is read there as before, and the server says which. A filing that
   * races a colleague's erasure or merge is found by that action's late sweep (lateSweeps.ts).
   */
  const present = async (targets: readonly EntitySummary[]): Promise<Set<string>> => {
    const index = options.index;
    // A cold or loading index is not waited for (its first load may take seconds): the entities are read.
    if (index?.state !== 'warm') return new Set();
    await index.freshen(entityMaxAge);
    // A catch-up that failed (offline, throttled) leaves the index warm but old: then every entity is read.
    if (!index.isFresh(entityMaxAge)) return new Set();
    return new Set(targets.filter((t) => index.entity(t.ref)).map((t) => entityKey(t.ref)));
  };
  const invalidating = <T>(list: ListReplica | ListReplica[], work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      for (const l of Array.isArray(list) ? list : [list]) l.invalidate();
      throw error;
    });

  return {
    ...inner,
    // An entity the replica does not hold (made since, or gone) is asked on the server, which says which.
    async get(ref) {
      const list = entities[ref.kind];
      const row = (await list.fresh(entityMaxAge)) ? list.row(ref.id) : undefined;
      return row ? entityOfRow(ref.kind, row) : inner.get(ref);
    },
    createPerson: (input) => entityChanged(['person'], inner.createPerson(input)),
    createOrganisation: (input) => entityChanged(['organisation'], inner.createOrganisation(input)),
    createProject: (input) => entityChanged(['project'], inner.createProject(input)),
    // A conflict's latest version is read next: the kind is polled first, so it is the record's.
    update: (entity, changes) => entityChanged([entity.ref.kind], inner.update(entity, changes)),
    filingsOfItem: (item: FiledItem) => local(filings, () => filingsBy(itemKeyOf(itemKey(item))), () => inner.filingsOfItem(item)),
    conversationEntities: (conversationId: string) =>
      conversationId ? local(filings, () => uniqueEntities(filingsBy(conversationKeyOf(conversationId))), () => inner.conversationEntities(conversationId)) : Promise.resolve([]),
    async itemContext(items, conversationId, alongside = []) {
      if (!(await filings.fresh(maxAge))) return inner.itemContext(items, conversationId, alongside);
      const keys = [...new Set(items.map(itemKey))];
      const filed = keys.flatMap((key) => filingsBy(itemKeyOf(key)));
      const conversation = conversationId ? uniqueEntities(filingsBy(conversationKeyOf(conversationId))) : [];
      // The caller's own requests (an id translation: Exchange, not SharePoint) still go, alone in their $batch.
      const extra = alongside.length ? (await inner.itemContext([], null, alongside)).alongside : [];
      return { filed, conversation, alongside: extra };
    },
    filingsOfEntity: (ref: EntityRef, page: { pageSize?: number; next?: string } = {}) =>
      local<Page<Filing>>(
        filings,
        () => {
          const cursor = page.next ? readCursor(page.next) : { offset: 0, size: 25 };
          return pageOf(entityFilings(ref), cursor.offset, page.pageSize ?? cursor.size);
        },
        () => inner.filingsOfEntity(ref, page),
      ),
    history: (refs, pageSize = 25) =>
      local<HistoryPage>(
        filings,
        () => {
          const all: Filing[] = [];
          const next: Record<string, string> = {};
          for (const ref of refs) {
            const page = pageOf(entityFilings(ref), 0, pageSize);
            all.push(...page.items);
            if (page.nextLink) next[entityKey(ref)] = page.nextLink;
          }
          return { filings: all.sort(newestFirst), next };
        },
        () => inner.history(refs, pageSize),
      ),
    projectsOf: (entity) => local<Participation[]>(participants, () => participants.find(entityKeyOf(entityKey(entity))).map(participationOfRow), () => inner.projectsOf(entity)),
    participants: (project) => local<Participation[]>(participants, () => participants.find(projectKeyOf(project.id)).map(participationOfRow), () => inner.participants(project)),

    file: async (item, targets, note) => keepOutcomes(await invalidating(filings, inner.file(item, targets, note, await present(targets)))),
    addNote: async (note, targets) => keepOutcomes(await invalidating(filings, inner.addNote(note, targets, await present(targets)))),
    async unfile(filing) {
      await invalidating(filings, inner.unfile(filing));
      filings.remove(filing.id);
    },
    async involve(project, entity, role, creationId) {
      const made = await invalidating(participants, inner.involve(project, entity, role, creationId));
      participants.put(rowOfParticipation(made));
      return made;
    },
    async uninvolve(participation) {
      await invalidating(participants, inner.uninvolve(participation));
      participants.remove(participation.id);
    },
    // Writes that move or remove others' rows (filings, participations, names on them): the next read polls.
    async merge(from, into) {
      try {
        return await entityChanged([from.kind, into.kind], inner.merge(from, into));
      } finally {
        filings.invalidate();
        participants.invalidate();
      }
    },
    async sweep(late) {
      try {
        return await entityChanged(late.kind === 'erased' ? ['person', 'project'] : [late.from.kind, 'person', 'project'], inner.sweep(late));
      } finally {
        filings.invalidate();
        participants.invalidate();
      }
    },
    async erasePerson(ref) {
      try {
        return await entityChanged(['person'], inner.erasePerson(ref));
      } finally {
        filings.invalidate();
        participants.invalidate();
      }
    },
  };
}

/**
 * Keeping the shared record from the pane: editing people, notes of calls and encounters, merging
 * duplicates, and a person's data (export, erase). One bundle the UI receives with the filing runtime;
 * the UI never names the store. After a merge or an erasure the local index catches up at once, so
 * the duplicate or the erased person is gone from search.
 */
import type { EntityRef, EntitySummary, Person } from '../../domain/entities';
import { keepersNamed, mayKeepRecord, recordKeeperStanding, type KeeperStanding } from '../../domain/recordKeepers';
import { stakeholderRolesOf, type TenantSettings } from '../../domain/tenantSettings';
import type { EntityIndex } from '../../record/entityIndex';
import type { LateSweep, TrailStore } from '../../record/trailStore';
import { candidateReader, previewMerge, mergeEntities, suggestDuplicates } from './merging';
import { newNoteDraft, saveNote, type NoteDraft } from './notes';
import { savePerson, type PersonDraft } from './personEdits';
import { peopleNamed } from './sameName';
import { onceAnswered } from './siteOwnership';
import { erasePerson, exportPersonFile, previewErase } from './personData';
import type { LateSweeps } from './lateSweeps';
import type { RecordChanges } from './recordChanges';

export interface RecordKeepingOptions {
  store: TrailStore;
  index: Pick<EntityIndex, 'entity' | 'refresh'>;
  search: (text: string, limit?: number) => Promise<{ results: EntitySummary[] }>;
  organisation: () => Pick<TenantSettings, 'stakeholderRoles' | 'recordKeepers' | 'publicDomains'>;
  self: string;
  /**
   * Whether the user owns the record's site (siteOwnership.ts), asked only when Trail Settings names no
   * record keepers, at most once per session; a failure counts as "no".
   */
  ownsSite: () => Promise<boolean>;
  /** Forgets an entity no longer in the record wherever the pane remembers it (the recent filings). */
  forgetEntity?: (ref: EntityRef) => void;
  /** Told of each of the user's own changes to entities, once the index has caught up (recordChanges.ts). */
  changes?: RecordChanges;
  /** Sweeps an erased or merged entity again once colleagues' panes have caught up (lateSweeps.ts). */
  lateSweeps?: Pick<LateSweeps, 'schedule'>;
}

export function createRecordKeeping(options: RecordKeepingOptions) {
  const { store, index, search } = options;
  const ownsSite = onceAnswered(options.ownsSite);
  const keeperStanding = async (): Promise<KeeperStanding> => {
    const keepers = options.organisation().recordKeepers ?? [];
    return recordKeeperStanding(keepers, options.self, keepersNamed(keepers) ? false : await ownsSite());
  };
  const sweptLater = (late: LateSweep): Promise<void> => {
    options.lateSweeps?.schedule(late);
    return Promise.resolve();
  };
  const gone = (ref: EntityRef) => <T>(result: T): T => {
    options.forgetEntity?.(ref);
    return result;
  };
  /**
   * Search for the same-name check: the record itself as well as the local index, since a colleague's
   * person made a minute ago is in the record before the index catches up. Fails only when both fail.
   */
  const searchRecord = async (text: string, limit = 10): Promise<{ results: EntitySummary[] }> => {
    const [local, record] = await Promise.allSettled([search(text, limit), store.search(text, limit)]);
    if (local.status === 'rejected' && record.status === 'rejected') throw record.reason;
    return { results: [...(local.status === 'fulfilled' ? local.value.results : []), ...(record.status === 'fulfilled' ? record.value : [])] };
  };
  /** The index catches up in the background; then views of these entities (and of the open item) read again. */
  const caughtUp =
    (...refs: EntityRef[]) =>
    <T>(result: T): T => {
      void index
        .refresh()
        .catch(() => undefined)
        .then(() => options.changes?.changed(refs));
      return result;
    };
  return {
    /** The stakeholder roles the organisation uses (Trail Settings), in its order. */
    roles: (): string[] => stakeholderRolesOf(options.organisation()),
    /**
     * Whether the user may export and erase a person, and on what grounds: the named record keepers
     * alone, or with none named the site's owners. Ask only when those actions are about to be shown.
     */
    keeperStanding,
    mayKeepRecord: async (): Promise<boolean> => mayKeepRecord(await keeperStanding()),
    person: (ref: EntityRef) => store.get(ref) as Promise<Person>,
    /** An entity's name as the local index has it (undefined while it is not warm). */
    nameOf: (ref: EntityRef): string | undefined => index.entity(ref)?.name,
    /**
     * Saves a person's edits; a new name another person already has is not saved but answered with who
     * has it (`sameName`), unless the user chose to save `anyway`.
     */
    savePerson: (person: Person, draft: PersonDraft, { anyway = false }: { anyway?: boolean } = {}) =>
      savePerson(store, person, draft, anyway ? undefined : (name) => peopleNamed(name, searchRecord, candidateReader(store, index), person.ref)).then(caughtUp(person.ref)),
    /** The people Trail can see who have this name, with their addresses (before one more is made under it). */
    peopleNamed: (name: string, except?: EntityRef) => peopleNamed(name, searchRecord, candidateReader(store, index), except),
    newNote: (entities: readonly EntitySummary[]): NoteDraft => newNoteDraft(entities),
    saveNote: (draft: NoteDraft) => saveNote(store, draft),
    search,
    previewMerge: (from: EntityRef, into: EntityRef) => previewMerge(store, from, into),
    // The late sweep is scheduled first: a merge or erasure that fails after its entity is deleted still
    // gets one, and one that never deleted it finds the entity there and sweeps nothing.
    merge: (from: EntityRef, into: EntityRef) =>
      sweptLater({ kind: 'merged', from, into })
        .then(() => mergeEntities(store, from, into))
        .then(gone(from))
        .then(caughtUp(from, into)),
    suggestDuplicates: async (ref: EntityRef) => suggestDuplicates(await store.get(ref), search, candidateReader(store, index), options.organisation().publicDomains),
    previewErase: (ref: EntityRef) => previewErase(store, ref),
    exportPerson: (ref: EntityRef) => exportPersonFile(store, ref),
    erasePerson: (ref: EntityRef) =>
      sweptLater({ kind: 'erased', ref })
        .then(() => erasePerson(store, ref))
        .then(gone(ref))
        .then(caughtUp(ref)),
  };
}

export type RecordKeeping = ReturnType<typeof createRecordKeeping>;
export type { PersonDraft, PersonSave, DraftField, DraftProblem } from './personEdits';
export { draftOf, draftProblems, isPhoneNumber, NAME_MAX as PERSON_NAME_MAX } from './personEdits';
export type { NoteDraft, NoteSave } from './notes';
export { HEADLINE_MAX } from './notes';
export type { MergePreview } from './merging';
export type { ErasePreview, ExportFile } from './personData';
export type { LikelyDuplicate, DuplicateCandidate } from '../../domain/duplicates';

import type { EntityRef, EntitySummary } from '../domain/entities';
import type { FiledItem } from '../domain/itemKeys';
import { runBatch, type BatchOptions } from '../graph/batch';
import type { GraphClient } from '../graph/client';
import type { StoreContext } from './context';
import { erasePerson, exportPerson, sweepErased } from './dataRights';
import { createOrganisation, createPerson, createProject, getEntity, updateEntity } from './entityWrites';
import { addNote, discardUnfiledNote, file, unfile } from './filings';
import { SiteLists } from './listItems';
import type { StoreLocation } from './location';
import * as lookups from './lookups';
import type { Filer } from './mapping';
import { merge, sweepMerged } from './merge';
import { involve, participantRoles, participants, projectsOf, uninvolve } from './participants';
import type { NoteInput, TrailStore } from './trailStore';

export interface GraphTrailStoreOptions {
  graph: GraphClient;
  location: StoreLocation;
  /** The signed-in user, recorded on filings, notes and audit rows. */
  filer: Filer;
  extraPublicDomains?: readonly string[];
  now?: () => Date;
  /** SharePoint is not mailbox-throttled: a few batches may run at once. */
  batch?: BatchOptions;
}

/** The shared record over Microsoft Graph and SharePoint lists. */
export function createGraphTrailStore(options: GraphTrailStoreOptions): TrailStore {
  const ctx: StoreContext = {
    lists: new SiteLists(options.graph, options.location),
    filer: options.filer,
    now: options.now ?? (() => new Date()),
    extraPublicDomains: options.extraPublicDomains ?? [],
    // Two full parallel calls side by side, as before: SharePoint has no per-mailbox limit of 4.
    batch: (steps, call) => runBatch(options.graph, steps, { maxInFlight: 8, ...options.batch, ...call }),
    pastThreshold: new Set(),
  };
  return {
    resolve: (addresses, domains) => lookups.resolve(ctx, addresses, domains),
    search: (prefix, limit) => lookups.search(ctx, prefix, limit),
    get: (ref) => getEntity(ctx, ref),
    filingsOfItem: (item: FiledItem) => lookups.filingsOfItem(ctx, item),
    filingsOfEntity: (ref, page) => lookups.filingsOfEntity(ctx, ref, page),
    history: (refs, pageSize) => lookups.history(ctx, refs, pageSize),
    conversationEntities: (conversationId) => lookups.conversationEntities(ctx, conversationId),
    itemContext: (items, conversationId, alongside) => lookups.itemContext(ctx, items, conversationId, alongside),
    members: (organisation) => lookups.members(ctx, organisation),
    createPerson: (input) => createPerson(ctx, input),
    createOrganisation: (input) => createOrganisation(ctx, input),
    createProject: (input) => createProject(ctx, input),
    update: (entity, changes) => updateEntity(ctx, entity, changes),
    merge: (from: EntityRef, into: EntityRef) => merge(ctx, from, into),
    participants: (project) => participants(ctx, project),
    projectsOf: (entity) => projectsOf(ctx, entity),
    participantRoles: () => participantRoles(ctx),
    involve: (project, entity, role, creationId) => involve(ctx, project, entity, role, creationId),
    uninvolve: (participation) => uninvolve(ctx, participation),
    file: (item, entities: readonly EntitySummary[], note, present) => file(ctx, item, entities, note, present),
    unfile: (filing) => unfile(ctx, filing),
    addNote: (note: NoteInput, entities, present) => addNote(ctx, note, entities, present),
    discardUnfiledNote: (creationId: string) => discardUnfiledNote(ctx, creationId),
    exportPerson: (ref) => exportPerson(ctx, ref),
    erasePerson: (ref) => erasePerson(ctx, ref),
    sweep: (late) => (late.kind === 'erased' ? sweepErased(ctx, late.ref) : sweepMerged(ctx, late.from, late.into)),
  };
}

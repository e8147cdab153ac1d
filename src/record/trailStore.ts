import type { Entity, EntityRef, EntitySummary, Organisation, Participation, Person, Project } from '../domain/entities';
import type { FiledItem } from '../domain/itemKeys';
import type { BatchResult, BatchStep } from '../graph/batch';
import type { Page } from './listItems';
import type { Filing, OrganisationInput, PersonInput, ProjectInput } from './mapping';

export type { Filing } from './mapping';

/** A create either made a new entity or found the one that already has that address/domain/name. */
export type CreateOutcome<T> = { status: 'created'; entity: T } | { status: 'existing'; entity: EntitySummary };

export type FilingOutcome =
  | { entity: EntitySummary; status: 'filed'; filing: Filing }
  | { entity: EntitySummary; status: 'alreadyFiled' }
  | { entity: EntitySummary; status: 'failed'; error: unknown };

export interface Matches {
  /** Normalised address → the person who has it. */
  people: Map<string, EntitySummary>;
  /** Domain → the organisation that has it (public mail domains are never looked up). */
  organisations: Map<string, EntitySummary>;
}

export interface HistoryPage {
  /** Newest first, across every entity asked for. */
  filings: Filing[];
  /** Per entity key, where its next page starts; absent when it has no more. */
  next: Record<string, string>;
}

export interface NoteInput {
  headline: string;
  body?: string;
  /** When the call or encounter happened (ISO 8601); now by default. */
  date?: string;
  /** Made by the client once per note and kept across retries of its save: a retry finds the first note. */
  creationId?: string;
}

export interface PersonExport {
  exportedAt: string;
  exportedBy: string;
  /** The person, with their organisation's current name beside its id. */
  person: Person & { organisationName: string | null };
  keys: string[];
  filings: Filing[];
  notes: Array<{ id: string; headline: string; body: string; date: string; author: string }>;
  /** Each project by its id and its current name, so the data subject can read which project it is. */
  participations: Array<{ projectId: string; projectName: string; role: string }>;
}

/**
 * The shared record. One implementation over Graph and SharePoint lists (GraphTrailStore); code
 * above it is tested against the sandbox through that implementation, never a mock of this.
 */
export interface TrailStore {
  // Lookups
  resolve(addresses: readonly string[], domains?: readonly string[]): Promise<Matches>;
  search(prefix: string, limit?: number): Promise<EntitySummary[]>;
  get(ref: EntityRef): Promise<Entity>;
  filingsOfItem(item: FiledItem): Promise<Filing[]>;
  filingsOfEntity(ref: EntityRef, options?: { pageSize?: number; next?: string }): Promise<Page<Filing>>;
  /** The first page of several entities' timelines (a person and their organisation) in one round trip. */
  history(refs: readonly EntityRef[], pageSize?: number): Promise<HistoryPage>;
  /** Entities the conversation's items are already filed to (a reply in a filed thread). */
  conversationEntities(conversationId: string): Promise<EntitySummary[]>;
  /**
   * Filings of the open item (and of its series) with its conversation's entities: one round trip.
   * Independent Graph requests of the caller's (`alongside`) may ride in the same `$batch`; their results
   * come back as they are, in the order given, with the caller's ids.
   */
  itemContext(
    items: readonly FiledItem[],
    conversationId?: string | null,
    alongside?: readonly BatchStep[],
  ): Promise<{ filed: Filing[]; conversation: EntitySummary[]; alongside: BatchResult[] }>;
  /** The people of an organisation. */
  members(organisation: EntityRef): Promise<Person[]>;

  // Entities
  createPerson(input: PersonInput): Promise<CreateOutcome<Person>>;
  createOrganisation(input: OrganisationInput): Promise<CreateOutcome<Organisation>>;
  createProject(input: ProjectInput): Promise<CreateOutcome<Project>>;
  /** Changes some fields of an entity as read (its ETag); re-applied over others' changes when they do not conflict. */
  update<T extends Entity>(entity: T, changes: Partial<PersonInput & OrganisationInput & ProjectInput>): Promise<T>;
  /** Moves filings, addresses and participations from one entity to another of the same kind, then removes it. */
  merge(from: EntityRef, into: EntityRef): Promise<{ filingsMoved: number; keysMoved: number }>;

  // Projects' people and organisations
  participants(project: EntityRef): Promise<Participation[]>;
  projectsOf(entity: EntityRef): Promise<Participation[]>;
  /** The roles participants have in the record's projects, most used first (to suggest; not every row is read). */
  participantRoles(): Promise<string[]>;
  /**
   * Adds someone to a project with a role, or changes the role: one row per pair. `creationId` (made
   * once per action and kept across its retries; a fresh one by default) finds a row whose answer was lost.
   */
  involve(project: EntitySummary, entity: EntitySummary, role: string, creationId?: string): Promise<Participation>;
  uninvolve(participation: Participation): Promise<void>;

  // Filings
  /**
   * Files an item to entities. `present`: keys of entities a copy of the record polled within its freshness
   * bound holds, whose row is not read again first (filings.ts); the others are read in the same `$batch`.
   */
  file(item: FiledItem, entities: readonly EntitySummary[], note?: string, present?: ReadonlySet<string>): Promise<FilingOutcome[]>;
  unfile(filing: Filing): Promise<void>;
  addNote(note: NoteInput, entities: readonly EntitySummary[], present?: ReadonlySet<string>): Promise<FilingOutcome[]>;
  /** Removes the note this creation id made if it is filed nowhere (a save given up on); one filed somewhere stays. */
  discardUnfiledNote(creationId: string): Promise<void>;

  // Data rights
  exportPerson(ref: EntityRef): Promise<PersonExport>;
  erasePerson(ref: EntityRef): Promise<{ filings: number; keys: number; notes: number }>;
  /**
   * Sweeps again after an erasure or a merge, once every pane that still knew the gone entity has caught
   * up (lateSweeps.ts): removes, or moves onto the kept entity, what was written to it meanwhile. How many rows it found.
   */
  sweep(late: LateSweep): Promise<number>;
}

/** An erasure or a merge whose gone entity is swept again later. */
export type LateSweep = { kind: 'erased'; ref: EntityRef } | { kind: 'merged'; from: EntityRef; into: EntityRef };

/**
 * The shared record's vocabulary: people, organisations and projects, and the filings that link an
 * Outlook item to them. Plain data; the store maps it to and from SharePoint list items.
 */

export type EntityKind = 'person' | 'organisation' | 'project';
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organisation', 'project'];

/** Which entity: its kind and its list item id. */
export interface EntityRef {
  kind: EntityKind;
  id: string;
}

/** `person:12`: one string naming an entity, stored in filings, keys and participants. */
export type EntityKey = string;

export function entityKey(ref: EntityRef): EntityKey {
  return `${ref.kind}:${ref.id}`;
}

export function parseEntityKey(key: EntityKey): EntityRef | undefined {
  const match = /^(person|organisation|project):(\d+)$/.exec(key);
  return match ? { kind: match[1] as EntityKind, id: match[2]! } : undefined;
}

export const sameEntity = (a: EntityRef, b: EntityRef): boolean => a.kind === b.kind && a.id === b.id;

/** Stakeholder roles an organisation may configure; these are the defaults. */
export const DEFAULT_STAKEHOLDER_ROLES = [
  'student',
  'employer',
  'assessor',
  'trainer',
  'funder',
  'partnerSchool',
  'university',
  'supplier',
  'media',
  'municipality',
  'association',
  'expert',
  'alumni',
  'other',
] as const;

interface EntityBase {
  ref: EntityRef;
  name: string;
  roles: string[];
  notes: string;
  /** SharePoint's item ETag, sent back as If-Match on update. */
  etag: string;
  createdAt: string;
  modifiedAt: string;
}

export interface Person extends EntityBase {
  ref: EntityRef & { kind: 'person' };
  /** Normalised addresses; the first is the primary one. */
  emails: string[];
  phone: string;
  organisationId: string | null;
  jobTitle: string;
}

export interface Organisation extends EntityBase {
  ref: EntityRef & { kind: 'organisation' };
  /** Normalised mail domains, never public mail services. */
  domains: string[];
}

export type ProjectKind = 'project' | 'fundedProject' | 'matter';
export type ProjectStatus = 'planned' | 'active' | 'closed';

export interface Project extends EntityBase {
  ref: EntityRef & { kind: 'project' };
  projectKind: ProjectKind;
  status: ProjectStatus;
  startDate: string | null;
  endDate: string | null;
  /** The owner's person id; null on a project recorded before owners were a field (then a participant with role "owner"). */
  ownerId: string | null;
}

export type Entity = Person | Organisation | Project;

/** An entity as lists and suggestions show it. */
export interface EntitySummary {
  ref: EntityRef;
  name: string;
  /** A second line: an address, a domain, a project kind. */
  detail: string;
  /** A person's or organisation's stakeholder roles, where the source knows them (the entity index does). */
  roles?: readonly string[];
  /** A project whose status is closed, where the source knows it (the entity index does; server search does not). */
  closed?: true;
}

/** An organisation's or person's part in a project. */
export interface Participation {
  id: string;
  project: EntitySummary;
  entity: EntitySummary;
  /** Their part in it: "funder", "partner school", "workplace instructor"… free text. */
  role: string;
  etag: string;
}

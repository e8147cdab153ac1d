/**
 * Which lists the entity index reads, which of their fields, and how a list item becomes a compact
 * record. Parsing goes through the store's own mapping, so a field means the same thing everywhere.
 */
import { normaliseAddress, normaliseDomain } from '../domain/addresses';
import type { EntityKind } from '../domain/entities';
import type { EntityRecord } from '../domain/localSearch';
import type { ListItem } from './listItems';
import { toOrganisation, toPerson, toProject } from './mapping';
import type { ListName } from './schema';

export const INDEXED_LISTS = ['people', 'organisations', 'projects'] as const satisfies readonly ListName[];
export type IndexedList = (typeof INDEXED_LISTS)[number];

export const KIND_OF_LIST: Record<IndexedList, EntityKind> = { people: 'person', organisations: 'organisation', projects: 'project' };

/** Only what names, addresses, domains and role chips need: Notes may be long and are never shown from the index. */
export const INDEX_FIELDS: Record<IndexedList, readonly string[]> = {
  people: ['Title', 'Emails', 'OrganisationId', 'Roles'],
  organisations: ['Title', 'Domains', 'Roles'],
  projects: ['Title', 'ProjectKind', 'Status'],
};

const NONE: readonly string[] = Object.freeze([]);
const unique = (values: Array<string | undefined>): readonly string[] => {
  const kept = [...new Set(values.filter((v): v is string => !!v))];
  return kept.length ? kept : NONE;
};

/** Roles as the record keeps them; none shared, so a record without roles costs nothing. */
const withRoles = (record: EntityRecord, roles: readonly string[] | undefined): EntityRecord => (roles?.length ? { ...record, roles } : record);

export function personRecord(id: string, name: string, emails: readonly string[], organisationId: string | null, roles?: readonly string[]): EntityRecord {
  const addresses = unique(emails.map((raw) => {
    const normal = normaliseAddress(raw);
    return normal.ok ? normal.address : undefined;
  }));
  return normalPersonRecord(id, name, addresses, organisationId, roles);
}

/** From addresses already normalised (a snapshot this code wrote): restoring skips the work. */
export function normalPersonRecord(id: string, name: string, addresses: readonly string[], organisationId: string | null, roles?: readonly string[]): EntityRecord {
  return withRoles({ kind: 'person', id, name, detail: addresses[0] ?? '', addresses: addresses.length ? addresses : NONE, organisationId: organisationId || null }, roles);
}

export function organisationRecord(id: string, name: string, domains: readonly string[], roles?: readonly string[]): EntityRecord {
  return normalOrganisationRecord(id, name, unique(domains.map((raw) => normaliseDomain(raw))), roles);
}

export function normalOrganisationRecord(id: string, name: string, domains: readonly string[], roles?: readonly string[]): EntityRecord {
  return withRoles({ kind: 'organisation', id, name, detail: domains[0] ?? '', addresses: domains.length ? domains : NONE, organisationId: null }, roles);
}

export function projectRecord(id: string, name: string, projectKind: string, closed = false): EntityRecord {
  const record: EntityRecord = { kind: 'project', id, name, detail: projectKind, addresses: NONE, organisationId: null };
  return closed ? { ...record, closed: true } : record;
}

export function recordOf(list: IndexedList, item: ListItem): EntityRecord {
  switch (list) {
    case 'people': {
      const person = toPerson(item);
      return personRecord(person.ref.id, person.name, person.emails, person.organisationId, person.roles);
    }
    case 'organisations': {
      const organisation = toOrganisation(item);
      return organisationRecord(organisation.ref.id, organisation.name, organisation.domains, organisation.roles);
    }
    case 'projects': {
      const project = toProject(item);
      return projectRecord(project.ref.id, project.name, project.projectKind, project.status === 'closed');
    }
  }
}

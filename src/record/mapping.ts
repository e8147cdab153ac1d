import { entityKey, type EntityRef, type EntitySummary, type Organisation, type Person, type Project, type ProjectKind, type ProjectStatus } from '../domain/entities';
import { boundedKey, filingKey, itemKey, type FiledItem, type FiledItemKind } from '../domain/itemKeys';
import { nameWords } from '../domain/nameWords';
import { cutAt } from '../domain/text';
import { entityMonth } from './entityWindows';
import type { ListItem } from './listItems';
import type { KeyKind } from './schema';

/** What a filing row holds, read back. */
export interface Filing {
  id: string;
  etag: string;
  itemKey: string;
  entity: EntityRef;
  entityName: string;
  item: FiledItem;
  filedBy: { name: string; upn: string };
  filedAt: string;
  note: string;
}

export interface Filer {
  name: string;
  upn: string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));
const lines = (value: unknown): string[] => str(value).split('\n').map((line) => line.trim()).filter(Boolean);
const list = (value: unknown): string[] => str(value).split(';').map((part) => part.trim()).filter(Boolean);
const orNull = (value: unknown): string | null => (str(value) ? str(value) : null);

/** SharePoint's Title is a single line of 255 characters; a 10,000-character subject is cut, never refused. */
export const TITLE_MAX = 255;
export const title = (text: string): string => (text.length > TITLE_MAX ? `${cutAt(text, TITLE_MAX - 1)}…` : text);

function base(item: ListItem) {
  return {
    name: str(item.fields.Title),
    roles: list(item.fields.Roles),
    notes: str(item.fields.Notes),
    etag: item.etag,
    createdAt: item.createdAt,
    modifiedAt: item.modifiedAt,
  };
}

export function toPerson(item: ListItem): Person {
  return {
    ...base(item),
    ref: { kind: 'person', id: item.id },
    emails: lines(item.fields.Emails),
    phone: str(item.fields.Phone),
    organisationId: orNull(item.fields.OrganisationId),
    jobTitle: str(item.fields.JobTitle),
  };
}

export function toOrganisation(item: ListItem): Organisation {
  return { ...base(item), ref: { kind: 'organisation', id: item.id }, domains: lines(item.fields.Domains) };
}

export function toProject(item: ListItem): Project {
  return {
    ...base(item),
    ref: { kind: 'project', id: item.id },
    projectKind: (str(item.fields.ProjectKind) || 'project') as ProjectKind,
    status: (str(item.fields.Status) || 'active') as ProjectStatus,
    startDate: orNull(item.fields.StartDate),
    endDate: orNull(item.fields.EndDate),
    ownerId: str(item.fields.OwnerId) || null,
  };
}

export interface PersonInput {
  name: string;
  /** Made by the client once per user intent and kept across its retries: a retry after a lost answer finds the first row. */
  creationId?: string;
  emails: string[];
  phone?: string;
  organisationId?: string | null;
  jobTitle?: string;
  roles?: string[];
  notes?: string;
}

export interface OrganisationInput {
  name: string;
  /** Made by the client once per user intent and kept across its retries: a retry after a lost answer finds the first row. */
  creationId?: string;
  domains: string[];
  roles?: string[];
  notes?: string;
}

export interface ProjectInput {
  name: string;
  /** Made by the client once per user intent and kept across its retries: a retry after a lost answer finds the first row. */
  creationId?: string;
  projectKind?: ProjectKind;
  status?: ProjectStatus;
  startDate?: string | null;
  endDate?: string | null;
  /** The owner's person id. */
  ownerId?: string | null;
  roles?: string[];
  notes?: string;
}

export function personFields(input: PersonInput): Record<string, unknown> {
  return {
    Title: title(input.name),
    Emails: input.emails.join('\n'),
    Phone: input.phone ?? '',
    OrganisationId: input.organisationId ?? '',
    JobTitle: input.jobTitle ?? '',
    Roles: (input.roles ?? []).join(';'),
    Notes: input.notes ?? '',
  };
}

export function organisationFields(input: OrganisationInput): Record<string, unknown> {
  return { Title: title(input.name), Domains: input.domains.join('\n'), Roles: (input.roles ?? []).join(';'), Notes: input.notes ?? '' };
}

export function projectFields(input: ProjectInput): Record<string, unknown> {
  return {
    Title: title(input.name),
    ProjectKind: input.projectKind ?? 'project',
    Status: input.status ?? 'active',
    ...(input.startDate ? { StartDate: input.startDate } : {}),
    ...(input.endDate ? { EndDate: input.endDate } : {}),
    OwnerId: input.ownerId ?? '',
    Roles: (input.roles ?? []).join(';'),
    Notes: input.notes ?? '',
  };
}

export interface KeyRow {
  Title: string;
  Key: string;
  UniqueKey: string;
  EntityKey: string;
  KeyKind: KeyKind;
  /** The entity's stakeholder roles, `;`-separated, as on the entity's own row. */
  Roles: string;
}

/**
 * The key rows that find an entity: its normalised addresses and domains (unique across the record)
 * and the words of its name (one row per word and entity).
 */
/** The key a name's row is found by, exactly as keyRows writes it: the whole name, normalised and cut. */
export function nameKey(name: string): string {
  return boundedKey(`name:${nameWords(name)[0] ?? ''}`);
}

export function keyRows(ref: EntityRef, name: string, addresses: readonly string[], domains: readonly string[], roles: readonly string[] = []): KeyRow[] {
  const owner = entityKey(ref);
  const row = (kind: KeyKind, value: string, unique: boolean): KeyRow => {
    const key = `${kind}:${value}`;
    return { Title: title(name), Key: key, UniqueKey: unique ? key : `${key}|${owner}`, EntityKey: owner, KeyKind: kind, Roles: roles.join(';') };
  };
  return [
    ...addresses.map((address) => row('email', address, true)),
    ...domains.map((domain) => row('domain', domain, true)),
    ...nameWords(name).map((word) => row('name', word, false)),
  ].map((keyRow) => ({ ...keyRow, Key: boundedKey(keyRow.Key), UniqueKey: boundedKey(keyRow.UniqueKey) }));
}

export function summaryFromKey(item: ListItem): EntitySummary | undefined {
  const match = /^(person|organisation|project):(\d+)$/.exec(str(item.fields.EntityKey));
  if (!match) return undefined;
  const key = str(item.fields.Key);
  const roles = list(item.fields.Roles);
  return {
    ref: { kind: match[1] as EntityRef['kind'], id: match[2]! },
    name: str(item.fields.Title),
    detail: key.startsWith('name:') ? '' : key.slice(key.indexOf(':') + 1),
    ...(roles.length ? { roles } : {}),
  };
}

export function filingFields(item: FiledItem, entity: EntitySummary, filer: Filer, note: string): Record<string, unknown> {
  const key = itemKey(item);
  return {
    Title: title(item.subject),
    FilingKey: filingKey(key, entityKey(entity.ref)),
    ItemKey: key,
    EntityKey: entityKey(entity.ref),
    EntityMonth: entityMonth(entityKey(entity.ref), item.date),
    EntityName: title(entity.name),
    ConversationId: item.conversationId ?? '',
    ItemDate: item.date,
    ItemKind: item.kind,
    ImmutableId: item.immutableId.slice(0, 255),
    InternetMessageId: (item.internetMessageId ?? '').slice(0, 255),
    ICalUId: (item.iCalUId ?? '').slice(0, 255),
    SeriesMasterId: (item.seriesMasterId ?? '').slice(0, 255),
    FromName: title(item.from?.name ?? ''),
    FromAddress: (item.from?.address ?? '').slice(0, 255),
    WebLink: item.webLink ?? '',
    FiledByUpn: filer.upn,
    FiledByName: title(filer.name),
    Note: title(note),
    Mailbox: item.mailbox ?? '',
  };
}

export function toFiling(row: ListItem): Filing {
  const f = row.fields;
  const match = /^(person|organisation|project):(\d+)$/.exec(str(f.EntityKey));
  const from = str(f.FromAddress) || str(f.FromName) ? { name: str(f.FromName), address: str(f.FromAddress) } : null;
  return {
    id: row.id,
    etag: row.etag,
    itemKey: str(f.ItemKey),
    entity: match ? { kind: match[1] as EntityRef['kind'], id: match[2]! } : { kind: 'person', id: '0' },
    entityName: str(f.EntityName),
    item: {
      kind: (str(f.ItemKind) || 'message') as FiledItemKind,
      immutableId: str(f.ImmutableId),
      internetMessageId: orNull(f.InternetMessageId),
      iCalUId: orNull(f.ICalUId),
      seriesMasterId: orNull(f.SeriesMasterId),
      conversationId: orNull(f.ConversationId),
      subject: str(f.Title),
      from,
      date: str(f.ItemDate),
      webLink: orNull(f.WebLink),
      mailbox: orNull(f.Mailbox),
    },
    filedBy: { name: str(f.FiledByName), upn: str(f.FiledByUpn) },
    filedAt: row.createdAt,
    note: str(f.Note),
  };
}

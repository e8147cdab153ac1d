/**
 * What the pane asks the record on every item change, held locally (issue 18, the shared app budget):
 * the Filings list (which items are filed where, each entity's history, a conversation's entities) and
 * the Participants list (an entity's projects, a project's people), each a ListReplica kept by delta.
 * Only the columns a Filing or a Participation is read from are kept.
 */
import { entityKey, type Entity, type EntityKind, type Participation } from '../domain/entities';
import { toEntity } from './entityWrites';
import { LIST_OF } from './keyChecks';
import { selectFields } from './schema';
import type { SnapshotStore } from './indexSnapshot';
import { ListReplica, type ReplicaRow } from './listReplica';
import type { ListItem, SiteLists } from './listItems';
import { toFiling, type Filing } from './mapping';
import { toParticipation } from './participants';
import type { Pause } from './slices';

/** Columns toFiling reads (FilingKey and EntityMonth serve the server's queries only). */
export const FILING_FIELDS = [
  'Title', 'ItemKey', 'EntityKey', 'EntityName', 'ConversationId', 'ItemDate', 'ItemKind', 'ImmutableId', 'InternetMessageId',
  'ICalUId', 'SeriesMasterId', 'FromName', 'FromAddress', 'WebLink', 'FiledByUpn', 'FiledByName', 'Note', 'Mailbox',
] as const;
export const PARTICIPANT_FIELDS = ['Title', 'ProjectId', 'EntityKey', 'ProjectName', 'EntityName'] as const;

/**
 * Past this many filings the record is not replicated and the server is asked, as before: a kept
 * filing is about 1 KB of heap, so 50,000 of them is about 50 MB. Decided by the list's numbering
 * before anything is downloaded (entityIndexSize.ts).
 */
export const DEFAULT_MAX_FILINGS = 50_000;
export const DEFAULT_MAX_PARTICIPANTS = 50_000;

const str = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));
const keys = (pairs: Array<[string, unknown]>): string[] => pairs.flatMap(([prefix, value]) => (str(value) ? [`${prefix}:${str(value)}`] : []));

export const itemKeyOf = (key: string) => `item:${key}`;
export const conversationKeyOf = (id: string) => `conversation:${id}`;
export const entityKeyOf = (key: string) => `entity:${key}`;
export const projectKeyOf = (id: string) => `project:${id}`;

export interface RecordReplica {
  filings: ListReplica;
  participants: ListReplica;
  /**
   * People, organisations and projects as `get` reads them (every column, with the item's eTag), for the
   * card and the entity view; each polled only when one of its kind is asked for.
   */
  entities: Record<EntityKind, ListReplica>;
}

/**
 * Past this many items in a list of entities, `get` asks the server as before: a person kept whole
 * (notes included) is a few hundred bytes to a few kilobytes.
 */
export const DEFAULT_MAX_ENTITY_ROWS = 30_000;

export interface RecordReplicaOptions {
  /** Where snapshots persist between sessions (IndexedDB in the pane), under `${key}:filings` and `${key}:participants`. */
  snapshot?: { store: SnapshotStore; key: string };
  maxFilings?: number;
  maxParticipants?: number;
  maxEntityRows?: number;
  pause?: () => Pause;
  now?: () => number;
  pageSize?: number;
}

export function createRecordReplica(lists: SiteLists, options: RecordReplicaOptions = {}): RecordReplica {
  const common = { ...(options.pause ? { pause: options.pause } : {}), ...(options.now ? { now: options.now } : {}), ...(options.pageSize ? { pageSize: options.pageSize } : {}) };
  const place = (name: string) => (options.snapshot ? { snapshot: { store: options.snapshot.store, key: `${options.snapshot.key}:${name}` } } : {});
  return {
    filings: new ListReplica(
      lists,
      { list: 'filings', fields: FILING_FIELDS, keysOf: (f) => keys([['item', f.ItemKey], ['conversation', f.ConversationId], ['entity', f.EntityKey]]) },
      { maxRows: options.maxFilings ?? DEFAULT_MAX_FILINGS, ...common, ...place('filings') },
    ),
    participants: new ListReplica(
      lists,
      { list: 'participants', fields: PARTICIPANT_FIELDS, keysOf: (f) => keys([['entity', f.EntityKey], ['project', f.ProjectId]]) },
      { maxRows: options.maxParticipants ?? DEFAULT_MAX_PARTICIPANTS, ...common, ...place('participants') },
    ),
    entities: {
      person: entityReplica('person'),
      organisation: entityReplica('organisation'),
      project: entityReplica('project'),
    },
  };

  function entityReplica(kind: EntityKind): ListReplica {
    const list = LIST_OF[kind];
    return new ListReplica(lists, { list, fields: selectFields(list), keysOf: () => [], withVersion: true }, { maxRows: options.maxEntityRows ?? DEFAULT_MAX_ENTITY_ROWS, ...common, ...place(list) });
  }
}

/** An entity as `get` reads it from SharePoint, from its kept row. */
export const entityOfRow = (kind: EntityKind, row: ReplicaRow): Entity =>
  toEntity(kind, { id: row.id, etag: row.etag ?? '', fields: row.fields, createdAt: row.createdAt, modifiedAt: row.modifiedAt ?? '', createdBy: null });

const listItemOf = (row: ReplicaRow): ListItem => ({ id: row.id, etag: '', fields: row.fields, createdAt: row.createdAt, modifiedAt: '', createdBy: null });

export const filingOfRow = (row: ReplicaRow): Filing => toFiling(listItemOf(row));
export const participationOfRow = (row: ReplicaRow): Participation => toParticipation(listItemOf(row));

/** A filing as its row holds it (the inverse of toFiling), to keep the client's own write. */
export function rowOfFiling(f: Filing): ListItem {
  const fields: Record<string, unknown> = {
    Title: f.item.subject,
    ItemKey: f.itemKey,
    EntityKey: entityKey(f.entity),
    EntityName: f.entityName,
    ConversationId: f.item.conversationId ?? '',
    ItemDate: f.item.date,
    ItemKind: f.item.kind,
    ImmutableId: f.item.immutableId,
    InternetMessageId: f.item.internetMessageId ?? '',
    ICalUId: f.item.iCalUId ?? '',
    SeriesMasterId: f.item.seriesMasterId ?? '',
    FromName: f.item.from?.name ?? '',
    FromAddress: f.item.from?.address ?? '',
    WebLink: f.item.webLink ?? '',
    FiledByUpn: f.filedBy.upn,
    FiledByName: f.filedBy.name,
    Note: f.note,
    Mailbox: f.item.mailbox ?? '',
  };
  return { id: f.id, etag: '', fields, createdAt: f.filedAt, modifiedAt: '', createdBy: null };
}

export function rowOfParticipation(p: Participation): ListItem {
  const fields = { Title: p.role, ProjectId: p.project.ref.id, EntityKey: entityKey(p.entity.ref), ProjectName: p.project.name, EntityName: p.entity.name };
  return { id: p.id, etag: '', fields, createdAt: '', modifiedAt: '', createdBy: null };
}

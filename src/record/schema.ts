/**
 * Every list and column of the shared record, in one place. Provisioning creates exactly this;
 * the repository reads and writes only these names; `$select` lists are derived from it.
 *
 * Every query Trail makes filters or orders on an indexed column, so lists keep working past
 * SharePoint's 5,000-item list-view threshold. An indexed text column is single-line (255 chars).
 */

import { TENANT_SETTING_COLUMNS } from '../domain/tenantSettings';

export type ColumnType = 'text' | 'note' | 'number' | 'dateTime' | 'boolean' | 'choice';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  indexed?: boolean;
  /** SharePoint enforces it (and requires the column to be indexed). */
  unique?: boolean;
  choices?: readonly string[];
}

export interface ListSpec {
  displayName: string;
  description: string;
  columns: readonly ColumnSpec[];
}

/** What a single line of text column holds (SharePoint's own limit): the filing's Note is one. */
export const SINGLE_LINE_MAX = 255;

const text = (name: string, more: Partial<ColumnSpec> = {}): ColumnSpec => ({ name, type: 'text', ...more });
const indexedText = (name: string, more: Partial<ColumnSpec> = {}): ColumnSpec => ({ name, type: 'text', indexed: true, ...more });
const note = (name: string): ColumnSpec => ({ name, type: 'note' });
/**
 * The id the client made for the user's intent to create this row, kept across retries of that intent.
 * SharePoint refuses a second row with it, and a retry after a lost answer finds the first row by it.
 * Rows made before the column existed leave it empty (empty values never clash).
 */
const creationId = (): ColumnSpec => indexedText('CreationId', { unique: true });
const date = (name: string, more: Partial<ColumnSpec> = {}): ColumnSpec => ({ name, type: 'dateTime', ...more });
const choice = (name: string, choices: readonly string[]): ColumnSpec => ({ name, type: 'choice', choices });

export const KEY_KINDS = ['email', 'domain', 'name'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

export const LISTS = {
  /** `Title` is the person's name. */
  people: {
    displayName: 'Trail People',
    description: 'People the organisation works with (Trail).',
    columns: [note('Emails'), text('Phone'), indexedText('OrganisationId'), text('JobTitle'), text('Roles'), note('Notes'), creationId()],
  },
  /** `Title` is the organisation's name. */
  organisations: {
    displayName: 'Trail Organisations',
    description: 'Organisations the organisation works with (Trail).',
    columns: [note('Domains'), text('Roles'), note('Notes'), creationId()],
  },
  /** `Title` is the project's name. */
  projects: {
    displayName: 'Trail Projects',
    description: 'Projects, funded projects (hanke) and matters (asiakokonaisuus) (Trail).',
    columns: [
      choice('ProjectKind', ['project', 'fundedProject', 'matter']),
      choice('Status', ['planned', 'active', 'closed']),
      date('StartDate'),
      date('EndDate'),
      // The owner's person id (People list), indexed so a merge finds a duplicate's projects. Projects recorded
      // before it kept the owner as a participant with role "owner".
      indexedText('OwnerId'),
      text('Roles'),
      note('Notes'),
      creationId(),
    ],
  },
  /** Who takes part in a project and as what. `Title` is the role. */
  participants: {
    displayName: 'Trail Participants',
    description: 'People and organisations involved in projects, with their role (Trail).',
    columns: [indexedText('ProjectId'), indexedText('EntityKey'), text('ProjectName'), text('EntityName'), creationId()],
  },
  /**
   * Lookup keys: every address (`email:a@b.fi`), domain (`domain:b.fi`) and name word
   * (`name:heikkinen`) of every entity, so lookups and prefix search are one indexed query across
   * all kinds. `Title` is the entity's display name, so results need no second read.
   * `Roles` copies the entity's stakeholder roles for the same reason.
   * `UniqueKey` equals `Key` for addresses and domains: SharePoint itself refuses a second person
   * with the same address, even when two colleagues create them at the same moment.
   */
  keys: {
    displayName: 'Trail Keys',
    description: 'Addresses, domains and names that find people, organisations and projects (Trail).',
    columns: [
      indexedText('Key'),
      indexedText('UniqueKey', { unique: true }),
      indexedText('EntityKey'),
      choice('KeyKind', KEY_KINDS),
      // The entity's stakeholder roles (`;`-separated), as `Title` is its name: server search shows role chips
      // without a second read. Rows written before the column leave it empty until the entity is next changed.
      text('Roles'),
    ],
  },
  /** One row per link between an Outlook item and one entity. `Title` is the item's subject. */
  filings: {
    displayName: 'Trail Filings',
    description: 'Mail, meetings and notes filed to people, organisations and projects (Trail).',
    columns: [
      indexedText('FilingKey', { unique: true }),
      indexedText('ItemKey'),
      indexedText('EntityKey'),
      // The entity's name when filed: "Filed to …" and conversation suggestions read no second list.
      text('EntityName'),
      indexedText('ConversationId'),
      date('ItemDate', { indexed: true }),
      // `entity|YYYY-MM` (entityWindows.ts): one entity's filings read month by month, past 5,000 of them.
      indexedText('EntityMonth'),
      choice('ItemKind', ['message', 'event', 'series', 'note']),
      text('ImmutableId'),
      text('InternetMessageId'),
      text('ICalUId'),
      text('SeriesMasterId'),
      text('FromName'),
      text('FromAddress'),
      note('WebLink'),
      text('FiledByUpn'),
      text('FiledByName'),
      text('Note'),
      text('Mailbox'),
    ],
  },
  /** Quick records of calls and encounters; filed to entities through Filings. `Title` is the headline. */
  notes: {
    displayName: 'Trail Notes',
    description: 'Notes of calls, meetings and encounters: what was agreed (Trail).',
    columns: [note('Body'), date('NoteDate'), text('AuthorUpn'), text('AuthorName'), creationId()],
  },
  /** Who exported or erased what, and when. `Title` is the action. */
  audit: {
    displayName: 'Trail Audit',
    description: 'Data-rights actions on the shared record: exports and erasures (Trail).',
    columns: [indexedText('SubjectKey'), text('ActorUpn'), text('ActorName'), note('Details')],
  },
} as const satisfies Record<string, ListSpec>;

export type ListName = keyof typeof LISTS;
export const LIST_NAMES = Object.keys(LISTS) as ListName[];

/**
 * The organisation's settings (docs/tenant-settings.md): one item, edited by an administrator in
 * SharePoint, read by every client. Not part of the record's location: a site set up before it
 * existed, or without it, still works with the defaults. `Title` only labels the item.
 */
export const SETTINGS_LIST = {
  displayName: 'Trail Settings',
  description: 'Settings for everyone in the organisation: default folder names, public mail domains, domains never filed, stakeholder roles (one a line), record keepers (addresses) (Trail). Keep one item.',
  columns: [
    text(TENANT_SETTING_COLUMNS.asapFolderName),
    text(TENANT_SETTING_COLUMNS.readLaterFolderName),
    note(TENANT_SETTING_COLUMNS.publicDomains),
    note(TENANT_SETTING_COLUMNS.neverFileDomains),
    note(TENANT_SETTING_COLUMNS.stakeholderRoles),
    note(TENANT_SETTING_COLUMNS.recordKeepers),
  ],
} as const satisfies ListSpec;

/** Everything provisioning creates: the record's lists and the settings list. */
export const PROVISIONED_LISTS = { ...LISTS, settings: SETTINGS_LIST } as const satisfies Record<string, ListSpec>;
export type ProvisionedListName = keyof typeof PROVISIONED_LISTS;
export const PROVISIONED_LIST_NAMES = Object.keys(PROVISIONED_LISTS) as ProvisionedListName[];

/** The fields Trail reads from each list: its own columns plus Title; never SharePoint's whole item. */
export function selectFields(list: ListName): string[] {
  return ['Title', ...LISTS[list].columns.map((column) => column.name)];
}

/** Graph's columnDefinition for a column spec (the body of POST .../columns). */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const base = { name: column.name, indexed: column.indexed ?? false, enforceUniqueValues: column.unique ?? false };
  switch (column.type) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: 255 } };
    case 'note':
      return { ...base, text: { allowMultipleLines: true } };
    case 'number':
      return { ...base, number: {} };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime' } };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'choice':
      return { ...base, choice: { choices: [...(column.choices ?? [])], allowTextEntry: false } };
  }
}

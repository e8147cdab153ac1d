/**
 * The mail module's slice of sandbox state (`ctx.state.mail`): one mailbox per known user with its
 * folders, messages, events and categories. Plain JSON only, because the core persists it.
 */
import { notFound } from '../core/errors';
import type { SandboxContext } from '../core/types';
import type { SeedUser } from '../seed/types';

export interface FolderRecord {
  id: string;
  displayName: string;
  /** null only for msgfolderroot. */
  parentId: string | null;
  /** `inbox`, `archive`, ... for distinguished folders. */
  wellKnownName?: string;
  isHidden: boolean;
}

export interface MessageRecord {
  /** Stays the same for the item's life in this mailbox (`Prefer: IdType="ImmutableId"`). */
  immutableId: string;
  /** Graph's default id; Exchange gives the item a new one whenever it moves folder. */
  restId: string;
  folderId: string;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** The Graph message JSON without the id-like properties above. */
  data: Record<string, unknown>;
}

export interface EventRecord {
  id: string;
  iCalUId: string;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** The Graph event JSON without ids; start/end kept as sent (any time zone). */
  data: Record<string, unknown>;
  /** Series only: deleted occurrences, by original start (UTC ms). */
  cancelledOccurrences?: number[];
  /** Series only: changed occurrences, by original start (UTC ms as a string key). */
  exceptions?: Record<string, Record<string, unknown>>;
}

export interface CategoryRecord {
  id: string;
  displayName: string;
  color: string;
}

/** What a delta client has seen: immutable id → the rest id and change key it saw. */
export type Snapshot = Record<string, { restId: string; changeKey: string }>;

/** One delta round being paged through. */
export interface SyncRound {
  folderId: string;
  /** Immutable ids to report as changed, then the removed ones (with the rest id the client knew). */
  changed: string[];
  removed: Array<{ immutableId: string; restId: string }>;
  /** The state the client will have seen once this round is done. */
  snapshot: Snapshot;
}

export interface DeltaStore {
  rounds: Record<string, SyncRound>;
  /** Delta tokens: the snapshot a finished round left behind. */
  tokens: Record<string, { folderId: string; snapshot: Snapshot }>;
  /** Oldest first, to bound how many are kept. */
  order: string[];
}

export interface MailboxState {
  user: SeedUser;
  folders: FolderRecord[];
  messages: MessageRecord[];
  events: EventRecord[];
  categories: CategoryRecord[];
  /** Users other than the owner who may open this mailbox (Full Access); absent means nobody. */
  fullAccess?: string[];
  /** Message delta sync states (created on first use). */
  delta?: DeltaStore;
}

export interface MailState {
  /** 2: shared mailboxes and Full Access (a state of version 1 is seeded again). */
  version: 2;
  /** Everyone the tenant knows (the signed-in user first). */
  users: SeedUser[];
  mailboxes: Record<string, MailboxState>;
}

export const MAIL_SLICE = 'mail';

export function mailState(ctx: SandboxContext): MailState {
  return ctx.state[MAIL_SLICE] as MailState;
}

/** The mailbox a routed request addresses (`params.mailbox`, resolved by the core). */
export function mailboxFor(ctx: SandboxContext, mailboxId: string | undefined): MailboxState {
  const box = mailboxId !== undefined ? mailState(ctx).mailboxes[mailboxId] : undefined;
  if (!box) throw notFound();
  return box;
}

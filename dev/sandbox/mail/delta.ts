/**
 * `GET /me/mailFolders/{id}/messages/delta` ("message: delta"): the first round returns every message in
 * the folder, page by page (`@odata.nextLink` with `$skiptoken`), ending with an `@odata.deltaLink`
 * (`$deltatoken`); calling that link later returns what changed since — new or updated messages, and
 * `@removed` entries for messages deleted or moved out. Page size follows `Prefer: odata.maxpagesize`.
 * Sync states live in the mailbox slice (persisted), a bounded number per mailbox.
 */
import { badRequest, GraphError } from '../core/errors';
import type { Router, SandboxContext, SandboxRequest } from '../core/types';
import { findFolder } from './lookup';
import { selectProperties, parseSelectOption } from './listing';
import { EXTRA_MESSAGE_PROPERTIES, renderMessage } from './messageView';
import { mailboxFor, type DeltaStore, type MailboxState, type Snapshot, type SyncRound } from './state';
import { guidFrom } from '../core/prng';

const DEFAULT_PAGE_SIZE = 10;
const MAX_SYNC_STATES = 100;

function storeOf(box: MailboxState): DeltaStore {
  box.delta ??= { rounds: {}, tokens: {}, order: [] };
  return box.delta;
}

function remember(store: DeltaStore, key: string): void {
  store.order.push(key);
  while (store.order.length > MAX_SYNC_STATES) {
    const old = store.order.shift()!;
    delete store.rounds[old];
    delete store.tokens[old];
  }
}

/** `Prefer: odata.maxpagesize=n`, if sent. */
function requestedPageSize(prefer: string[]): number | undefined {
  for (const token of prefer) {
    const match = /^odata\.maxpagesize\s*=\s*(\d+)$/i.exec(token);
    if (match?.[1]) return Math.max(1, Math.min(1000, Number(match[1])));
  }
  return undefined;
}

function snapshotOf(box: MailboxState, folderId: string): Snapshot {
  const snapshot: Snapshot = {};
  for (const m of box.messages) if (m.folderId === folderId) snapshot[m.immutableId] = { restId: m.restId, changeKey: m.changeKey };
  return snapshot;
}

function startRound(box: MailboxState, folderId: string, seen: Snapshot): SyncRound {
  const now = snapshotOf(box, folderId);
  const changed = Object.keys(now).filter((id) => seen[id]?.changeKey !== now[id]!.changeKey);
  const removed = Object.keys(seen)
    .filter((id) => !now[id])
    .map((id) => ({ immutableId: id, restId: seen[id]!.restId }));
  return { folderId, changed, removed, snapshot: now };
}

const syncStateNotFound = (): GraphError =>
  new GraphError(410, 'SyncStateNotFound', 'The sync state generation was not found. Start a new synchronization without a delta token.');

function deltaPage(ctx: SandboxContext, req: SandboxRequest) {
  const box = mailboxFor(ctx, req.params.mailbox);
  const folder = findFolder(box, req.params.folderId!);
  const store = storeOf(box);
  const skipToken = req.query['$skiptoken'];
  const deltaToken = req.query['$deltatoken'];

  let roundKey: string;
  let offset = 0;
  if (skipToken !== undefined) {
    const [key, at] = skipToken.split('.');
    if (!key || !store.rounds[key] || !/^\d+$/.test(at ?? '')) throw syncStateNotFound();
    roundKey = key;
    offset = Number(at);
  } else {
    let seen: Snapshot = {};
    if (deltaToken !== undefined) {
      const known = store.tokens[deltaToken];
      if (!known) throw syncStateNotFound();
      if (known.folderId !== folder.id) throw badRequest('The delta token belongs to another folder.', 'ErrorInvalidSyncStateData');
      seen = known.snapshot;
    }
    roundKey = guidFrom(ctx.random).replace(/-/g, '');
    store.rounds[roundKey] = startRound(box, folder.id, seen);
    remember(store, roundKey);
  }
  const round = store.rounds[roundKey]!;
  const entries: Array<{ kind: 'changed'; id: string } | { kind: 'removed'; immutableId: string; restId: string }> = [
    ...round.changed.map((id) => ({ kind: 'changed' as const, id })),
    ...round.removed.map((r) => ({ kind: 'removed' as const, ...r })),
  ];
  const requested = requestedPageSize(req.prefer);
  const size = requested ?? DEFAULT_PAGE_SIZE;
  const slice = entries.slice(offset, offset + size);
  const sample = box.messages[0] ? renderMessage(box.messages[0], req.immutableIds) : undefined;
  const select = parseSelectOption(req, sample, 'microsoft.graph.message', EXTRA_MESSAGE_PROPERTIES);

  const value = slice.map((entry) => {
    const record = entry.kind === 'changed' ? box.messages.find((m) => m.immutableId === entry.id) : undefined;
    if (record && record.folderId === round.folderId) return selectProperties(renderMessage(record, req.immutableIds), select);
    const knownRestId = entry.kind === 'removed' ? entry.restId : round.snapshot[entry.id]?.restId ?? entry.id;
    const id = req.immutableIds ? (entry.kind === 'removed' ? entry.immutableId : entry.id) : knownRestId;
    return { '@odata.type': '#microsoft.graph.message', id, '@removed': { reason: 'deleted' } };
  });

  const base = `${req.baseUrl}${req.path}`;
  const selectPart = select ? `$select=${select.join(',')}&` : '';
  const body: Record<string, unknown> = { '@odata.context': `${req.baseUrl}/$metadata#Collection(message)`, value };
  if (offset + size < entries.length) {
    body['@odata.nextLink'] = `${base}?${selectPart}$skiptoken=${roundKey}.${offset + size}`;
  } else {
    const token = guidFrom(ctx.random).replace(/-/g, '');
    store.tokens[token] = { folderId: round.folderId, snapshot: round.snapshot };
    remember(store, token);
    delete store.rounds[roundKey];
    body['@odata.deltaLink'] = `${base}?${selectPart}$deltatoken=${token}`;
  }
  const headers: Record<string, string> = requested ? { 'Preference-Applied': `odata.maxpagesize=${requested}` } : {};
  return { status: 200, headers, body };
}

export function registerDeltaRoute(router: Router, ctx: SandboxContext): void {
  router.add('GET', '/me/mailFolders/{folderId}/messages/delta()', (req) => deltaPage(ctx, req));
}

/**
 * The mailbox facts one triage service reads once and keeps: the time zone, the Archive folder, and
 * the ASAP and Read later folders, found or created on first use.
 *
 * A folder is found by the id we remember (so a renamed one is still ours), unless it has been deleted
 * (it then sits in Deleted Items); else by name among the top-level folders; else it is created. When
 * two clicks create it at the same moment, Graph refuses the second with 409 ErrorFolderExists and that
 * click takes the folder the first one made, so there is never a duplicate. Within one service, calls
 * made at the same time share one lookup.
 *
 * What a first click learns is remembered in roaming settings (per mailbox, by the caller): the folder ids
 * with the settings, the context (time zone, Archive and Deleted Items ids) on its own. A click in a freshly
 * loaded function file then reads nothing first: it trusts the remembered ids, and its action `$batch`
 * carries the checks (the destination folder, and `contextChecks` for the remembered context), so a stale
 * id costs a second round trip that moves the messages on, never mail left in the wrong place.
 */
import type { GraphClient } from '../../graph/client';
import type { BatchOptions, BatchResult, BatchStep } from '../../graph/batch';
import { GraphRequestError, isConflict, toGraphRequestError } from '../../graph/errors';
import type { TriageSettings } from '../../domain/triage/settings';
import { createTopFolder, topFoldersNamed } from '../../graph/mailFolders';
import type { MailboxPaths } from '../../graph/mailboxPaths';
import { probeMailbox, type FolderJson, type FolderKind, type FolderProbe, type MailboxContext } from './mailboxProbe';

export interface MailboxSetupOptions {
  graph: GraphClient;
  paths: MailboxPaths;
  settings: () => TriageSettings;
  saveSettings: (settings: TriageSettings) => Promise<void>;
  batch?: BatchOptions;
  /** The context as last read, kept where a freshly loaded function file finds it (roaming settings). */
  rememberedContext?: RememberedContext;
}

/** A context whose every part was read: what is worth remembering. */
export interface KnownContext {
  timeZone: string;
  archiveFolderId: string;
  deletedItemsFolderId?: string;
}

export interface RememberedContext {
  load(): KnownContext | undefined;
  save(context: KnownContext): Promise<void>;
}

/** The parts of the context an action relies on, each checked by its own request. */
export type ContextPart = 'timeZone' | 'archive' | 'deleted';

export interface MailboxSetup {
  context(): Promise<MailboxContext>;
  /**
   * Ids of our folders; with `create`, a missing one is created, otherwise it is left out. With `trust`, a
   * remembered id is taken as it is, unread (the caller checks it in its own `$batch`), unless forgotten since.
   */
  folders(kinds: readonly FolderKind[], create: boolean, trust?: boolean): Promise<Partial<Record<FolderKind, string>>>;
  /** Requests that check the remembered parts of the context, to ride in an action's `$batch`; none once read. */
  contextChecks(parts: readonly ContextPart[]): BatchStep[];
  /** Takes what the checks answered: the context is corrected (and remembered); the parts that were wrong. */
  checkedContext(results: ReadonlyMap<string, BatchResult>): Set<ContextPart>;
  /** Drops what is known about a folder (it was deleted meanwhile): the next use looks it up again. */
  forget(kind: FolderKind): void;
  /**
   * The name our folder has in the mailbox, as last seen (found, made, or read with the counts), or
   * undefined before it is known: a folder remembered by id keeps its name whatever the settings say now
   * (made in English, used in Finnish; renamed in Outlook).
   */
  nameOf(kind: FolderKind): string | undefined;
  /** What a later read of the folders said their names are. */
  learnNames(names: Partial<Record<FolderKind, string>>): void;
}

const folderName = (settings: TriageSettings, kind: FolderKind): string => (kind === 'asap' ? settings.asapFolderName : settings.readLaterFolderName);

/** The folder a probe found, or undefined when there is none and it may be created. */
function chooseFolder(probe: FolderProbe, deletedItemsId: string | undefined): FolderJson | undefined {
  if (probe.byId && probe.byId.parentFolderId !== deletedItemsId) return probe.byId;
  const byName = probe.byName?.[0];
  if (byName) return byName;
  // Made by the create that rode along: Exchange would have refused it had there been one by the name.
  if (probe.created) return probe.created;
  // Without a reliable answer to "is there one by that name?", creating could make a duplicate.
  if (probe.nameError) throw probe.nameError;
  return undefined;
}

const CONTEXT_CHECK_PREFIX = 'context-';

const isKnown = (context: MailboxContext): context is KnownContext => typeof context.timeZone === 'string' && typeof context.archiveFolderId === 'string';

const sameContext = (a: KnownContext, b: KnownContext): boolean =>
  a.timeZone === b.timeZone && a.archiveFolderId === b.archiveFolderId && a.deletedItemsFolderId === b.deletedItemsFolderId;

export function createMailboxSetup(options: MailboxSetupOptions): MailboxSetup {
  const { graph, paths } = options;
  let contextPromise: Promise<MailboxContext> | undefined;
  /** Parts of the context taken from roaming settings and not yet confirmed by Graph. */
  let unchecked = new Set<ContextPart>();
  /** The context taken from roaming settings, as corrected by the checks so far. */
  let adopted: KnownContext | undefined;
  const folderPromises = new Map<FolderKind, Promise<string | undefined>>();
  const names = new Map<FolderKind, string>();
  /** Kinds whose remembered id proved wrong in this session: looked up again, never trusted. */
  const distrusted = new Set<FolderKind>();

  function remembered(): KnownContext | undefined {
    try {
      return options.rememberedContext?.load();
    } catch {
      return undefined;
    }
  }

  function rememberContext(context: KnownContext): void {
    const before = remembered();
    if (before && sameContext(before, context)) return;
    // Remembering only spares the next fresh click a round trip.
    options.rememberedContext?.save(context).catch(() => undefined);
  }

  /** A context with a part that could not be read is not kept: the next call reads it again. */
  function keepContext(promise: Promise<MailboxContext>): Promise<MailboxContext> {
    contextPromise = promise;
    unchecked = new Set();
    adopted = undefined;
    const drop = () => {
      if (contextPromise === promise) contextPromise = undefined;
    };
    promise.then((context) => {
      if (isKnown(context)) rememberContext(context);
      else drop();
    }, drop);
    return promise;
  }

  /** The remembered context, taken unread when nothing fresher is known. */
  function adoptRemembered(): void {
    if (contextPromise) return;
    const known = remembered();
    if (!known) return;
    adopted = known;
    contextPromise = Promise.resolve(known);
    unchecked = new Set<ContextPart>(['timeZone', 'archive', 'deleted']);
  }

  function context(): Promise<MailboxContext> {
    adoptRemembered();
    return contextPromise ?? keepContext(probeMailbox(graph, paths, { context: true, folders: [] }, options.batch).then((p) => p.context!));
  }

  const checkUrl = (part: ContextPart): string =>
    part === 'timeZone' ? paths.mailboxSettings() : paths.folder(part === 'archive' ? 'archive' : 'deleteditems', ['id']);

  function contextChecks(parts: readonly ContextPart[]): BatchStep[] {
    return parts.filter((part) => unchecked.has(part)).map((part) => ({ id: `${CONTEXT_CHECK_PREFIX}${part}`, method: 'GET', url: checkUrl(part) }));
  }

  function checkedContext(results: ReadonlyMap<string, BatchResult>): Set<ContextPart> {
    const wrong = new Set<ContextPart>();
    const base = adopted;
    if (!base || unchecked.size === 0) return wrong;
    const answered = new Map<ContextPart, string>();
    for (const part of [...unchecked]) {
      const result = results.get(`${CONTEXT_CHECK_PREFIX}${part}`);
      const value = result?.ok ? (result.body as { timeZone?: unknown; id?: unknown } | undefined)?.[part === 'timeZone' ? 'timeZone' : 'id'] : undefined;
      // Unanswered, or not readable: still unchecked, so the next action checks it again.
      if (typeof value === 'string' && value !== '') answered.set(part, value);
    }
    if (answered.size === 0) return wrong;
    const update = (known: KnownContext): KnownContext => {
      const next = { ...known };
      for (const [part, value] of answered) {
        unchecked.delete(part);
        if (part === 'timeZone') next.timeZone = value;
        else if (part === 'archive') next.archiveFolderId = value;
        else next.deletedItemsFolderId = value;
      }
      return next;
    };
    const next = update(base);
    if (next.timeZone !== base.timeZone) wrong.add('timeZone');
    if (next.archiveFolderId !== base.archiveFolderId) wrong.add('archive');
    if (next.deletedItemsFolderId !== base.deletedItemsFolderId) wrong.add('deleted');
    adopted = next;
    contextPromise = Promise.resolve(next);
    if (wrong.size > 0) rememberContext(next);
    return wrong;
  }

  async function findByName(name: string): Promise<FolderJson | undefined> {
    return (await topFoldersNamed(graph, paths, name))[0] as FolderJson | undefined;
  }

  /** `refused`: a create already sent (in the probe) and refused: the folder is looked for, not created again. */
  async function create(name: string, refused?: GraphRequestError): Promise<string> {
    let created: Partial<FolderJson> | undefined;
    try {
      if (refused) throw refused;
      created = await createTopFolder(graph, paths, name);
    } catch (thrown) {
      const error = toGraphRequestError(thrown);
      // 409: another click made it first. Anything else may also have come after the folder was made.
      const existing = await findByName(name).catch(() => undefined);
      if (existing) return existing.id;
      if (isConflict(error)) throw new GraphRequestError(error.status, error.code, `The folder "${name}" exists but cannot be found.`, error.requestId);
      throw error;
    }
    if (typeof created?.id !== 'string' || created.id === '') throw new GraphRequestError(0, 'unknown', `Graph created "${name}" but did not say its id.`);
    return created.id;
  }

  async function remember(ids: Partial<Record<FolderKind, string>>): Promise<void> {
    const current = options.settings();
    const changed = (Object.entries(ids) as Array<[FolderKind, string]>).filter(([kind, id]) => current.folderIds?.[kind] !== id);
    if (changed.length === 0) return;
    try {
      await options.saveSettings({ ...current, folderIds: { ...current.folderIds, ...Object.fromEntries(changed) } });
    } catch {
      // Remembering only spares a lookup next time (and finds a renamed folder); the triage itself went fine.
    }
  }

  async function resolve(kinds: readonly FolderKind[], shouldCreate: boolean): Promise<Partial<Record<FolderKind, string>>> {
    const settings = options.settings();
    adoptRemembered();
    const needContext = !contextPromise;
    const probing = probeMailbox(
      graph,
      paths,
      {
        context: needContext,
        folders: kinds.map((kind) => {
          const rememberedId = settings.folderIds?.[kind];
          // No id to find it by (the first click ever): its create rides along, so making it costs no round trip.
          return { kind, rememberedId, name: folderName(settings, kind), ...(shouldCreate && !rememberedId ? { create: true } : {}) };
        }),
      },
      options.batch,
    );
    if (needContext) keepContext(probing.then((p) => p.context!));
    const [probe, ctx] = await Promise.all([probing, context()]);
    const ids: Partial<Record<FolderKind, string>> = {};
    for (const folder of probe.folders) {
      const found = chooseFolder(folder, ctx.deletedItemsFolderId);
      const name = found?.displayName || folderName(settings, folder.kind);
      // A create refused as a duplicate is not sent again; one that failed otherwise (it may not have run) is.
      const refused = folder.createError && (isConflict(folder.createError) || folder.createError.code === 'ErrorFolderExists') ? folder.createError : undefined;
      const id = found?.id ?? (shouldCreate ? await create(name, refused) : undefined);
      if (!id) continue;
      ids[folder.kind] = id;
      names.set(folder.kind, name);
    }
    await remember(ids);
    return ids;
  }

  async function folders(kinds: readonly FolderKind[], shouldCreate: boolean, trust = false): Promise<Partial<Record<FolderKind, string>>> {
    if (trust) {
      const settings = options.settings();
      for (const kind of kinds) {
        const id = settings.folderIds?.[kind];
        if (id && !folderPromises.has(kind) && !distrusted.has(kind)) folderPromises.set(kind, Promise.resolve(id));
      }
    }
    const missing = kinds.filter((kind) => !folderPromises.has(kind));
    if (missing.length > 0) {
      const run = resolve(missing, shouldCreate);
      for (const kind of missing) {
        const promise = run.then((ids) => ids[kind]);
        folderPromises.set(kind, promise);
        // A folder not found, or a failed lookup, is not kept: the next call looks again.
        const drop = () => {
          if (folderPromises.get(kind) === promise) folderPromises.delete(kind);
        };
        promise.then((id) => id === undefined && drop(), drop);
      }
    }
    const found = await Promise.all(kinds.map(async (kind) => [kind, await folderPromises.get(kind)] as const));
    const ids: Partial<Record<FolderKind, string>> = {};
    for (const [kind, id] of found) if (id) ids[kind] = id;
    // A lookup that was only finding (for counts) may have been under way: now create what is still missing.
    const stillMissing = kinds.filter((kind) => !ids[kind]);
    if (shouldCreate && stillMissing.length > 0) return { ...ids, ...(await folders(stillMissing, true)) };
    return ids;
  }

  return {
    context,
    folders,
    contextChecks,
    checkedContext,
    forget: (kind) => {
      distrusted.add(kind);
      folderPromises.delete(kind);
      names.delete(kind);
    },
    nameOf: (kind) => names.get(kind),
    learnNames: (learnt) => {
      for (const [kind, name] of Object.entries(learnt) as Array<[FolderKind, string]>) if (folderPromises.has(kind)) names.set(kind, name);
    },
  };
}

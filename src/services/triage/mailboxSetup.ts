/**
 * The mailbox facts one triage service reads once and keeps: the time zone, the Archive folder, and
 * the ASAP and Read later folders, found or created on first use.
 *
 * A folder is found by the id we remember (so a renamed one is still ours), unless it has been deleted
 * (it then sits in Deleted Items); else by name among the top-level folders; else it is created. When
 * two clicks create it at the same moment, Graph refuses the second with 409 ErrorFolderExists and that
 * click takes the folder the first one made, so there is never a duplicate. Within one service, calls
 * made at the same time share one lookup.
 */
import type { GraphClient } from '../../graph/client';
import type { BatchOptions } from '../../graph/batch';
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
}

export interface MailboxSetup {
  context(): Promise<MailboxContext>;
  /** Ids of our folders; with `create`, a missing one is created, otherwise it is left out. */
  folders(kinds: readonly FolderKind[], create: boolean): Promise<Partial<Record<FolderKind, string>>>;
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
  // Without a reliable answer to "is there one by that name?", creating could make a duplicate.
  if (probe.nameError) throw probe.nameError;
  return undefined;
}

export function createMailboxSetup(options: MailboxSetupOptions): MailboxSetup {
  const { graph, paths } = options;
  let contextPromise: Promise<MailboxContext> | undefined;
  const folderPromises = new Map<FolderKind, Promise<string | undefined>>();
  const names = new Map<FolderKind, string>();

  /** A context with a part that could not be read is not kept: the next call reads it again. */
  function keepContext(promise: Promise<MailboxContext>): Promise<MailboxContext> {
    contextPromise = promise;
    const drop = () => {
      if (contextPromise === promise) contextPromise = undefined;
    };
    promise.then((context) => {
      if (typeof context.timeZone !== 'string' || typeof context.archiveFolderId !== 'string') drop();
    }, drop);
    return promise;
  }

  function context(): Promise<MailboxContext> {
    return contextPromise ?? keepContext(probeMailbox(graph, paths, { context: true, folders: [] }, options.batch).then((p) => p.context!));
  }

  async function findByName(name: string): Promise<FolderJson | undefined> {
    return (await topFoldersNamed(graph, paths, name))[0] as FolderJson | undefined;
  }

  async function create(name: string): Promise<string> {
    let created: Partial<FolderJson> | undefined;
    try {
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
    const needContext = !contextPromise;
    const probing = probeMailbox(
      graph,
      paths,
      { context: needContext, folders: kinds.map((kind) => ({ kind, rememberedId: settings.folderIds?.[kind], name: folderName(settings, kind) })) },
      options.batch,
    );
    if (needContext) keepContext(probing.then((p) => p.context!));
    const [probe, ctx] = await Promise.all([probing, context()]);
    const ids: Partial<Record<FolderKind, string>> = {};
    for (const folder of probe.folders) {
      const found = chooseFolder(folder, ctx.deletedItemsFolderId);
      const name = found?.displayName || folderName(settings, folder.kind);
      const id = found?.id ?? (shouldCreate ? await create(name) : undefined);
      if (!id) continue;
      ids[folder.kind] = id;
      names.set(folder.kind, name);
    }
    await remember(ids);
    return ids;
  }

  async function folders(kinds: readonly FolderKind[], shouldCreate: boolean): Promise<Partial<Record<FolderKind, string>>> {
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
    forget: (kind) => {
      folderPromises.delete(kind);
      names.delete(kind);
    },
    nameOf: (kind) => names.get(kind),
    learnNames: (learnt) => {
      for (const [kind, name] of Object.entries(learnt) as Array<[FolderKind, string]>) if (folderPromises.has(kind)) names.set(kind, name);
    },
  };
}

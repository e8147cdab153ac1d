/**
 * One `$batch` that reads everything triage needs to know about a mailbox before it can act: the
 * mailbox's time zone (for the ASAP due date), the Archive and Deleted Items folders, and for each of
 * our folders both the one we remember by id and any top-level folder with its name. Reading all of it
 * at once keeps the first click of a session at two round trips, also when a folder must be made (its
 * create rides in the same `$batch`); a click with the context and folder ids remembered in roaming settings
 * sends none of this (mailboxSetup.ts).
 */
import type { GraphClient } from '../../graph/client';
import { batchError, runBatch, type BatchOptions, type BatchResult, type BatchStep } from '../../graph/batch';
import type { GraphRequestError } from '../../graph/errors';
import type { MailFolder } from '../../graph/mailFolders';
import type { MailboxPaths } from '../../graph/mailboxPaths';

export type FolderKind = 'asap' | 'readLater';
export const FOLDER_KINDS: readonly FolderKind[] = ['asap', 'readLater'];

export type FolderJson = MailFolder;

/** Each part on its own: Archive can work while the time zone cannot be read, and the other way round. */
export interface MailboxContext {
  timeZone: string | GraphRequestError;
  archiveFolderId: string | GraphRequestError;
  /** Unknown when it could not be read; a deleted folder then cannot be told from a moved one. */
  deletedItemsFolderId?: string;
}

export interface FolderProbe {
  kind: FolderKind;
  /** The remembered folder, if it still exists. */
  byId?: FolderJson;
  /** Top-level folders with the name, as Exchange compares names (case-insensitively). */
  byName?: FolderJson[];
  /** Why the name lookup failed, if it did: the folder cannot then be created safely. */
  nameError?: GraphRequestError;
  /**
   * The folder a create sent beside the name lookup made. Exchange refuses a second folder of one name under
   * one parent (409 ErrorFolderExists, api/mailfolder-post-childfolders.md), so the create is safe to send
   * blind: it either makes the only one, or is refused and the name lookup finds the one there is.
   */
  created?: FolderJson;
  /** Why that create was refused (409 ErrorFolderExists when the folder is there already). */
  createError?: GraphRequestError;
}

export interface ProbeRequest {
  context: boolean;
  /** `create`: also send a create of the folder (only where no id is remembered: the first click ever). */
  folders: ReadonlyArray<{ kind: FolderKind; rememberedId?: string; name: string; create?: boolean }>;
}

export const FOLDER_FIELDS = ['id', 'displayName', 'parentFolderId'] as const;

function folderJson(body: unknown): FolderJson | undefined {
  const value = body as Partial<FolderJson> | undefined;
  return typeof value?.id === 'string' && value.id !== '' ? { id: value.id, displayName: value.displayName, parentFolderId: value.parentFolderId } : undefined;
}

function idOr(result: BatchResult | undefined, pick: (body: Record<string, unknown>) => unknown): string | GraphRequestError | undefined {
  if (!result) return undefined;
  if (!result.ok) return batchError(result);
  const value = pick((result.body ?? {}) as Record<string, unknown>);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export async function probeMailbox(graph: GraphClient, paths: MailboxPaths, request: ProbeRequest, batch?: BatchOptions): Promise<{ context?: MailboxContext; folders: FolderProbe[] }> {
  const steps: BatchStep[] = [];
  if (request.context) {
    steps.push({ id: 'timeZone', method: 'GET', url: paths.mailboxSettings() });
    steps.push({ id: 'archive', method: 'GET', url: paths.folder('archive', ['id']) });
    steps.push({ id: 'deleted', method: 'GET', url: paths.folder('deleteditems', ['id']) });
  }
  for (const folder of request.folders) {
    if (folder.rememberedId) steps.push({ id: `${folder.kind}-id`, method: 'GET', url: paths.folder(folder.rememberedId, FOLDER_FIELDS) });
    steps.push({ id: `${folder.kind}-name`, method: 'GET', url: paths.topFoldersNamed(folder.name) });
    if (folder.create) steps.push({ id: `${folder.kind}-create`, method: 'POST', url: paths.topFolders(), body: { displayName: folder.name } });
  }
  // Reads, and creates a second of which is refused: runBatch may retry each on its own (a create only on a 429).
  const results = new Map((await runBatch(graph, steps, batch)).map((r) => [r.id, r]));

  let context: MailboxContext | undefined;
  if (request.context) {
    const deleted = idOr(results.get('deleted'), (body) => body.id);
    context = {
      timeZone: idOr(results.get('timeZone'), (body) => body.timeZone) ?? 'UTC',
      archiveFolderId: idOr(results.get('archive'), (body) => body.id) ?? 'archive',
      ...(typeof deleted === 'string' ? { deletedItemsFolderId: deleted } : {}),
    };
  }
  const folders = request.folders.map((folder): FolderProbe => {
    const byId = results.get(`${folder.kind}-id`);
    const byName = results.get(`${folder.kind}-name`);
    const found = byId?.ok ? folderJson(byId.body) : undefined;
    const createdResult = results.get(`${folder.kind}-create`);
    const created = createdResult?.ok ? folderJson(createdResult.body) : undefined;
    const probe: FolderProbe = {
      kind: folder.kind,
      ...(found ? { byId: found } : {}),
      ...(created ? { created } : {}),
      ...(createdResult && !createdResult.ok ? { createError: batchError(createdResult) } : {}),
    };
    if (byName?.ok) {
      const list = ((byName.body as { value?: unknown[] } | undefined)?.value ?? []).map(folderJson).filter((f): f is FolderJson => !!f);
      probe.byName = list;
    } else if (byName) {
      probe.nameError = batchError(byName);
    }
    return probe;
  });
  return { ...(context ? { context } : {}), folders };
}

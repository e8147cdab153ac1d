/**
 * Mail folders: list (top level = children of msgfolderroot), get by id or well-known name, create,
 * rename, delete (to Deleted Items), and child folders. A second folder with the same display name under
 * one parent is refused with ErrorFolderExists; reports differ on the status (409 in most, 400 in some
 * tenants — both seen in the wild); we answer 409 Conflict, which is what Graph documents for conflicts.
 */
import { badRequest, emptyPayload, GraphError, unknownProperty } from '../core/errors';
import type { Router, SandboxContext, SandboxRequest } from '../core/types';
import { mailboxOf, userContext } from './context';
import { newRestId } from './ids';
import { entityBody, listPage } from './listing';
import { findFolder, subtreeIds, wellKnownFolder } from './lookup';
import { mailboxFor, type FolderRecord, type MailboxState } from './state';

const FOLDER_TYPE = 'microsoft.graph.mailFolder';
const WRITABLE = ['displayName', 'isHidden'];

export function renderFolder(box: MailboxState, folder: FolderRecord): Record<string, unknown> {
  const inFolder = box.messages.filter((m) => m.folderId === folder.id);
  return {
    id: folder.id,
    displayName: folder.displayName,
    parentFolderId: folder.parentId ?? folder.id,
    childFolderCount: box.folders.filter((f) => f.parentId === folder.id).length,
    unreadItemCount: inFolder.filter((m) => m.data.isRead !== true).length,
    totalItemCount: inFolder.length,
    isHidden: folder.isHidden,
  };
}

const folderExists = (): GraphError => new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');

function assertNameFree(box: MailboxState, parentId: string, name: string, except?: string): void {
  const clash = box.folders.some((f) => f.parentId === parentId && f.id !== except && f.displayName.toLowerCase() === name.toLowerCase());
  if (clash) throw folderExists();
}

function folderBody(req: SandboxRequest): { displayName?: string; isHidden?: boolean } {
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw emptyPayload();
  for (const key of Object.keys(body)) {
    if (!key.startsWith('@odata.') && !WRITABLE.includes(key)) throw unknownProperty(key, FOLDER_TYPE);
  }
  const { displayName, isHidden } = body as Record<string, unknown>;
  if (displayName !== undefined && (typeof displayName !== 'string' || displayName.trim() === '')) {
    throw badRequest('The folder name cannot be empty.', 'ErrorInvalidFolderName');
  }
  if (isHidden !== undefined && typeof isHidden !== 'boolean') throw badRequest("Cannot convert the literal to 'Edm.Boolean'.", 'RequestBodyRead');
  return { ...(displayName !== undefined ? { displayName: displayName as string } : {}), ...(isHidden !== undefined ? { isHidden: isHidden as boolean } : {}) };
}

function createFolder(ctx: SandboxContext, req: SandboxRequest, box: MailboxState, parent: FolderRecord) {
  const { displayName, isHidden } = folderBody(req);
  if (displayName === undefined) throw badRequest('The folder name cannot be empty.', 'ErrorInvalidFolderName');
  assertNameFree(box, parent.id, displayName);
  const folder: FolderRecord = { id: newRestId(ctx.random), displayName, parentId: parent.id, isHidden: isHidden ?? false };
  box.folders.push(folder);
  return { status: 201, body: entityBody(renderFolder(box, folder), req, userContext(req, mailboxOf(req), 'mailFolders'), FOLDER_TYPE) };
}

function listChildren(req: SandboxRequest, box: MailboxState, parent: FolderRecord, tail: string) {
  const includeHidden = req.query['includehiddenfolders']?.toLowerCase() === 'true';
  const children = box.folders.filter((f) => f.parentId === parent.id && (includeHidden || !f.isHidden));
  return {
    status: 200,
    body: listPage({
      items: children.map((f) => renderFolder(box, f)),
      req,
      contextUrl: userContext(req, mailboxOf(req), tail),
      typeName: FOLDER_TYPE,
      defaultTop: 10,
      maxTop: 1000,
    }),
  };
}

export function registerFolderRoutes(router: Router, ctx: SandboxContext): void {
  const box = (req: SandboxRequest): MailboxState => mailboxFor(ctx, req.params.mailbox);

  router.add('GET', '/me/mailFolders', (req) => listChildren(req, box(req), wellKnownFolder(box(req), 'msgfolderroot'), 'mailFolders'));
  router.add('POST', '/me/mailFolders', (req) => createFolder(ctx, req, box(req), wellKnownFolder(box(req), 'msgfolderroot')));

  router.add('GET', '/me/mailFolders/{folderId}', (req) => {
    const b = box(req);
    return { status: 200, body: entityBody(renderFolder(b, findFolder(b, req.params.folderId!)), req, userContext(req, mailboxOf(req), 'mailFolders'), FOLDER_TYPE) };
  });

  router.add('PATCH', '/me/mailFolders/{folderId}', (req) => {
    const b = box(req);
    const folder = findFolder(b, req.params.folderId!);
    const { displayName } = folderBody(req);
    if (displayName !== undefined && displayName !== folder.displayName) {
      if (folder.parentId !== null) assertNameFree(b, folder.parentId, displayName, folder.id);
      folder.displayName = displayName;
    }
    return { status: 200, body: entityBody(renderFolder(b, folder), req, userContext(req, mailboxOf(req), 'mailFolders'), FOLDER_TYPE) };
  });

  router.add('DELETE', '/me/mailFolders/{folderId}', (req) => {
    const b = box(req);
    const folder = findFolder(b, req.params.folderId!);
    if (folder.wellKnownName) throw badRequest('Distinguished folders cannot be deleted.', 'ErrorDeleteDistinguishedFolder');
    const deleted = wellKnownFolder(b, 'deleteditems');
    if (subtreeIds(b, deleted.id).has(folder.id)) {
      // Already in Deleted Items: gone for good, with everything in it.
      const gone = subtreeIds(b, folder.id);
      b.folders = b.folders.filter((f) => !gone.has(f.id));
      b.messages = b.messages.filter((m) => !gone.has(m.folderId));
    } else {
      assertNameFree(b, deleted.id, folder.displayName);
      folder.parentId = deleted.id;
    }
    return { status: 204 };
  });

  router.add('GET', '/me/mailFolders/{folderId}/childFolders', (req) => {
    const b = box(req);
    const parent = findFolder(b, req.params.folderId!);
    return listChildren(req, b, parent, `mailFolders('${parent.id}')/childFolders`);
  });

  router.add('POST', '/me/mailFolders/{folderId}/childFolders', (req) => createFolder(ctx, req, box(req), findFolder(box(req), req.params.folderId!)));

  router.add('GET', '/me/mailFolders/{folderId}/childFolders/{childId}', (req) => {
    const b = box(req);
    const parent = findFolder(b, req.params.folderId!);
    const child = findFolder(b, req.params.childId!);
    if (child.parentId !== parent.id) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return { status: 200, body: entityBody(renderFolder(b, child), req, userContext(req, mailboxOf(req), `mailFolders('${parent.id}')/childFolders`), FOLDER_TYPE) };
  });
}

/**
 * Finding folders and items by the ids clients send: well-known folder names, rest ids and immutable
 * ids are all accepted; something that cannot be an id is "malformed" (400), a well-formed id that
 * matches nothing is "not found" (404), as Exchange answers.
 */
import { malformedId, notFound } from '../core/errors';
import { isWellFormedId } from './ids';
import type { FolderRecord, MailboxState, MessageRecord } from './state';
import { isWellKnownName } from './wellKnown';

export function findFolder(box: MailboxState, idOrName: string): FolderRecord {
  if (isWellKnownName(idOrName)) {
    const folder = box.folders.find((f) => f.wellKnownName === idOrName.toLowerCase());
    if (folder) return folder;
    throw notFound();
  }
  if (!isWellFormedId(idOrName)) throw malformedId();
  const folder = box.folders.find((f) => f.id === idOrName);
  if (!folder) throw notFound();
  return folder;
}

export function findMessage(box: MailboxState, id: string): MessageRecord {
  if (!isWellFormedId(id)) throw malformedId();
  const message = box.messages.find((m) => m.restId === id || m.immutableId === id);
  if (!message) throw notFound();
  return message;
}

export const wellKnownFolder = (box: MailboxState, name: string): FolderRecord => findFolder(box, name);

/** The folder and every folder below it. */
export function subtreeIds(box: MailboxState, rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of box.folders) {
      if (f.parentId !== null && ids.has(f.parentId) && !ids.has(f.id)) {
        ids.add(f.id);
        grew = true;
      }
    }
  }
  return ids;
}

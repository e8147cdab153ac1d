/**
 * Messages: list (mailbox-wide or per folder), get, update, delete, move and copy.
 * Id semantics follow Exchange: an item keeps its immutable id for life, but its rest id changes when
 * it moves folder ("Obtain immutable identifiers for Outlook resources"), so the old rest id then 404s.
 * DELETE moves the item to Deleted Items; deleting from Deleted Items removes it.
 */
import { badRequest, emptyPayload, notFound } from '../core/errors';
import type { Router, SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { mailboxOf, userContext } from './context';
import { newChangeKey, newImmutableId, newRestId } from './ids';
import { entityBody, listPage } from './listing';
import { findFolder, findMessage, subtreeIds, wellKnownFolder } from './lookup';
import { patchedMessageData } from './messageUpdate';
import { bodyTypeHeaders, EXTRA_MESSAGE_PROPERTIES, preferredBodyType, renderMessage, withBodyType, withUniqueBody } from './messageView';
import { assertIfMatch } from './ifMatch';
import { assertEfficientFilter } from './inefficientFilter';
import { searchMessages } from './search';
import { mailboxFor, type FolderRecord, type MailboxState, type MessageRecord } from './state';

const MESSAGE_TYPE = 'microsoft.graph.message';

function messageResponse(req: SandboxRequest, record: MessageRecord, status = 200): SandboxResponse {
  const bodyType = preferredBodyType(req.prefer);
  return {
    status,
    headers: bodyTypeHeaders(bodyType),
    body: entityBody(withBodyType(withUniqueBody(renderMessage(record, req.immutableIds), req.query['$select']), bodyType), req, userContext(req, mailboxOf(req), 'messages'), MESSAGE_TYPE, EXTRA_MESSAGE_PROPERTIES),
  };
}

function listMessages(req: SandboxRequest, box: MailboxState, folder: FolderRecord | undefined): SandboxResponse {
  let records = folder ? box.messages.filter((m) => m.folderId === folder.id) : box.messages;
  const search = req.query['$search'];
  if (search !== undefined) {
    if (req.query['$orderby'] !== undefined) throw badRequest('The query parameter \'$orderBy\' is not supported with \'$search\'.', 'ErrorInvalidParameter');
    records = searchMessages(records, search);
  }
  assertEfficientFilter(req.query['$filter'], req.query['$orderby']);
  const tail = folder ? `mailFolders('${folder.id}')/messages` : 'messages';
  const bodyType = preferredBodyType(req.prefer);
  return {
    status: 200,
    headers: bodyTypeHeaders(bodyType),
    body: listPage({
      items: records.map((m) => withBodyType(withUniqueBody(renderMessage(m, req.immutableIds), req.query['$select']), bodyType)),
      req,
      contextUrl: userContext(req, mailboxOf(req), tail),
      typeName: MESSAGE_TYPE,
      knownProperties: EXTRA_MESSAGE_PROPERTIES,
      defaultTop: 10,
      maxTop: 1000,
      defaultOrder: 'receivedDateTime desc',
    }),
  };
}

/** The message a path names; under `/mailFolders/{id}/messages/{id}` it must be in that folder. */
function messageAt(req: SandboxRequest, box: MailboxState): MessageRecord {
  const record = findMessage(box, req.params.messageId!);
  if (req.params.folderId !== undefined && findFolder(box, req.params.folderId).id !== record.folderId) throw notFound();
  return record;
}

function destination(req: SandboxRequest, box: MailboxState): FolderRecord {
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw emptyPayload();
  for (const key of Object.keys(body)) {
    if (key !== 'destinationId') {
      throw badRequest(`The parameter '${key}' in the request payload is not a valid parameter for the operation.`, 'RequestBodyRead');
    }
  }
  const { destinationId } = body as { destinationId?: unknown };
  if (typeof destinationId !== 'string' || destinationId === '') throw badRequest("The value of the parameter 'DestinationId' is empty.", 'ErrorInvalidParameter');
  return findFolder(box, destinationId);
}

function moveTo(ctx: SandboxContext, record: MessageRecord, folder: FolderRecord): void {
  if (record.folderId === folder.id) return;
  record.folderId = folder.id;
  record.restId = newRestId(ctx.random);
  record.changeKey = newChangeKey(ctx.random);
  record.lastModifiedDateTime = ctx.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function registerMessageRoutes(router: Router, ctx: SandboxContext): void {
  const box = (req: SandboxRequest): MailboxState => mailboxFor(ctx, req.params.mailbox);
  const stamp = (): string => ctx.now().toISOString().replace(/\.\d{3}Z$/, 'Z');

  router.add('GET', '/me/messages', (req) => listMessages(req, box(req), undefined));
  router.add('GET', '/me/mailFolders/{folderId}/messages', (req) => listMessages(req, box(req), findFolder(box(req), req.params.folderId!)));

  for (const base of ['/me/messages/{messageId}', '/me/mailFolders/{folderId}/messages/{messageId}']) {
    router.add('GET', base, (req) => messageResponse(req, messageAt(req, box(req))));

    router.add('PATCH', base, (req) => {
      const record = messageAt(req, box(req));
      assertIfMatch(req, record.changeKey);
      record.data = patchedMessageData(record, req.body, ctx.now());
      record.changeKey = newChangeKey(ctx.random);
      record.lastModifiedDateTime = stamp();
      return messageResponse(req, record);
    });

    router.add('DELETE', base, (req) => {
      const b = box(req);
      const record = messageAt(req, b);
      assertIfMatch(req, record.changeKey);
      const deleted = wellKnownFolder(b, 'deleteditems');
      if (subtreeIds(b, deleted.id).has(record.folderId)) b.messages = b.messages.filter((m) => m !== record);
      else moveTo(ctx, record, deleted);
      return { status: 204 };
    });

    router.add('POST', `${base}/move`, (req) => {
      const b = box(req);
      const record = messageAt(req, b);
      moveTo(ctx, record, destination(req, b));
      return messageResponse(req, record, 201);
    });

    router.add('POST', `${base}/copy`, (req) => {
      const b = box(req);
      const source = messageAt(req, b);
      const target = destination(req, b);
      const copy: MessageRecord = {
        immutableId: newImmutableId(ctx.random),
        restId: newRestId(ctx.random),
        folderId: target.id,
        changeKey: newChangeKey(ctx.random),
        createdDateTime: stamp(),
        lastModifiedDateTime: stamp(),
        data: structuredClone(source.data),
      };
      b.messages.push(copy);
      return messageResponse(req, copy, 201);
    });
  }
}

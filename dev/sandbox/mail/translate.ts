/**
 * `POST /me/translateExchangeIds`, and `/users/{id|userPrincipalName}/translateExchangeIds` for another
 * mailbox (the router adds the `/users` form of every `/me` route) ("user: translateExchangeIds"): converts ids between restId,
 * restImmutableEntryId, ewsId, entryId and immutableEntryId. The answer is a convertIdResult collection;
 * an id that cannot be converted gets `errorDetails` instead of `targetId` ("convertIdResult resource type").
 */
import { badRequest, emptyPayload, unknownProperty } from '../core/errors';
import type { Router, SandboxContext } from '../core/types';
import { locateEvent } from './events';
import { ewsToRest, fromBinaryIdFormat, restToEws, toBinaryIdFormat } from './ids';
import { mailboxFor, type MailboxState } from './state';

const FORMATS = ['entryId', 'ewsId', 'immutableEntryId', 'restId', 'restImmutableEntryId'] as const;
type IdFormat = (typeof FORMATS)[number];
const MAX_INPUT_IDS = 1000;

interface ItemIds {
  restId: string;
  immutableId: string;
}

function parseFormat(name: string, value: unknown): IdFormat {
  const match = FORMATS.find((f) => typeof value === 'string' && f.toLowerCase() === value.toLowerCase());
  // OData's enum binding failure; the message names the bad value.
  if (!match) throw badRequest(`The value '${String(value)}' is not valid for the parameter '${name}' of enum type 'microsoft.graph.exchangeIdFormat'.`, 'RequestBodyRead');
  return match;
}

function allItems(box: MailboxState): ItemIds[] {
  return [
    ...box.messages.map((m) => ({ restId: m.restId, immutableId: m.immutableId })),
    ...box.events.map((e) => ({ restId: e.id, immutableId: e.id })),
    ...box.folders.map((f) => ({ restId: f.id, immutableId: f.id })),
  ];
}

/**
 * An occurrence of a series is an item of its own to Exchange, with its own id (Graph lists it under
 * calendarView and instances); ours are the master's id plus the original start, the same in both forms.
 */
function occurrence(box: MailboxState, id: string): ItemIds | undefined {
  try {
    return locateEvent(box, id).originalStart !== undefined ? { restId: id, immutableId: id } : undefined;
  } catch {
    return undefined;
  }
}

function decode(box: MailboxState, items: ItemIds[], format: IdFormat, id: string): ItemIds | undefined {
  const found = decodeStored(items, format, id);
  if (found) return found;
  if (format === 'restId' || format === 'restImmutableEntryId') return occurrence(box, id);
  if (format === 'ewsId') return occurrence(box, ewsToRest(id));
  return undefined;
}

function decodeStored(items: ItemIds[], format: IdFormat, id: string): ItemIds | undefined {
  switch (format) {
    case 'restId':
      return items.find((i) => i.restId === id);
    case 'ewsId':
      return items.find((i) => i.restId === ewsToRest(id));
    case 'restImmutableEntryId':
      return items.find((i) => i.immutableId === id);
    case 'entryId':
    case 'immutableEntryId': {
      const immutable = fromBinaryIdFormat(format, id);
      return immutable === undefined ? undefined : items.find((i) => i.immutableId === immutable);
    }
  }
}

function encode(item: ItemIds, format: IdFormat): string {
  switch (format) {
    case 'restId':
      return item.restId;
    case 'ewsId':
      return restToEws(item.restId);
    case 'restImmutableEntryId':
      return item.immutableId;
    case 'entryId':
    case 'immutableEntryId':
      return toBinaryIdFormat(format, item.immutableId);
  }
}

export function registerTranslateRoute(router: Router, ctx: SandboxContext): void {
  router.add('POST', '/me/translateExchangeIds', (req) => {
    const body = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw emptyPayload();
    for (const key of Object.keys(body)) {
      if (!['inputIds', 'sourceIdType', 'targetIdType'].includes(key)) throw unknownProperty(key, 'microsoft.graph.translateExchangeIds');
    }
    const { inputIds, sourceIdType, targetIdType } = body as Record<string, unknown>;
    if (!Array.isArray(inputIds) || !inputIds.every((i) => typeof i === 'string')) {
      throw badRequest("The parameter 'inputIds' must be a collection of strings.", 'ErrorInvalidParameter');
    }
    if (inputIds.length > MAX_INPUT_IDS) throw badRequest(`The inputIds collection may contain at most ${MAX_INPUT_IDS} ids.`, 'ErrorInvalidParameter');
    const source = parseFormat('sourceIdType', sourceIdType);
    const target = parseFormat('targetIdType', targetIdType);
    const box = mailboxFor(ctx, req.params.mailbox);
    const items = allItems(box);
    const value = (inputIds as string[]).map((sourceId) => {
      const item = decode(box, items, source, sourceId);
      return item
        ? { sourceId, targetId: encode(item, target) }
        : { sourceId, errorDetails: { code: 'ErrorInvalidIdMalformed', message: 'Id is malformed.' } };
    });
    return { status: 200, body: { '@odata.context': `${req.baseUrl}/$metadata#Collection(microsoft.graph.convertIdResult)`, value } };
  });
}

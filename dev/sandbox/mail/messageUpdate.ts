/**
 * PATCH on a message: the properties "Update message" lists as updatable, with its rules —
 * `from`, `sender`, `replyTo` and `internetMessageId` only on drafts (400 ErrorInvalidPropertySet
 * "Message is not draft.", microsoft-graph-docs issue #17008); subject and body are accepted on
 * received mail too (as Graph does in practice, microsoft-graph-docs issue #11012); unknown property
 * names are OData's 400 RequestBodyRead; read-only ones are ignored.
 */
import { badRequest, emptyPayload, unknownProperty } from '../core/errors';
import { applyFlag, type FollowupFlag } from './flag';
import type { MessageRecord } from './state';

const MESSAGE_TYPE = 'microsoft.graph.message';
const DRAFT_ONLY = ['from', 'sender', 'replyTo', 'internetMessageId'];
const RECIPIENT_LISTS = ['toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo'];
const BOOLEANS = ['isRead', 'isDeliveryReceiptRequested', 'isReadReceiptRequested'];
const PASS_THROUGH = ['subject', 'body', 'from', 'sender', 'internetMessageId', 'singleValueExtendedProperties', 'multiValueExtendedProperties'];
const READ_ONLY = [
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'receivedDateTime', 'sentDateTime', 'hasAttachments',
  'bodyPreview', 'parentFolderId', 'conversationId', 'conversationIndex', 'isDraft', 'webLink', 'uniqueBody',
];
const ENUMS: Record<string, readonly string[]> = {
  importance: ['low', 'normal', 'high'],
  inferenceClassification: ['focused', 'other'],
};

function enumValue(name: string, value: unknown): string {
  const allowed = ENUMS[name]!;
  const match = allowed.find((v) => typeof value === 'string' && v === value.toLowerCase());
  if (!match) throw badRequest(`Requested value '${String(value)}' was not found.`, 'RequestBodyRead');
  return match;
}

/** Validates the whole patch first, then returns the new data (the record is not touched). */
export function patchedMessageData(record: MessageRecord, body: unknown, now: Date): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw emptyPayload();
  const patch = body as Record<string, unknown>;
  const data = { ...record.data };
  const isDraft = record.data.isDraft === true;
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('@odata.') || READ_ONLY.includes(key)) continue;
    if (DRAFT_ONLY.includes(key) && !isDraft) throw badRequest('Message is not draft.', 'ErrorInvalidPropertySet');
    if (BOOLEANS.includes(key)) {
      if (typeof value !== 'boolean') throw badRequest(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.Boolean'.`, 'RequestBodyRead');
      data[key] = value;
    } else if (Object.hasOwn(ENUMS, key)) {
      data[key] = enumValue(key, value);
    } else if (key === 'categories') {
      if (!Array.isArray(value) || !value.every((c) => typeof c === 'string')) throw badRequest('Invalid value for categories.', 'RequestBodyRead');
      data[key] = [...value];
    } else if (RECIPIENT_LISTS.includes(key)) {
      if (!Array.isArray(value)) throw badRequest(`Invalid value for ${key}.`, 'RequestBodyRead');
      data[key] = value;
    } else if (key === 'flag') {
      data[key] = applyFlag(record.data.flag as FollowupFlag | undefined, value, now);
    } else if (PASS_THROUGH.includes(key)) {
      data[key] = value;
    } else {
      throw unknownProperty(key, MESSAGE_TYPE);
    }
  }
  return data;
}

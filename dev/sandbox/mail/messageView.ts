/**
 * A stored message as Graph returns it: ids in the form the request asked for (`Prefer: IdType="ImmutableId"`
 * gives immutable ids, otherwise rest ids), properties in Graph's order.
 */
import { messageWebLink } from './ids';
import type { MessageRecord } from './state';

/**
 * Every property a client may $select on a message: those rendered below plus those the rendered JSON
 * does not carry. Graph checks $select against the type, so an empty folder still accepts `subject`.
 */
export const EXTRA_MESSAGE_PROPERTIES = [
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'receivedDateTime', 'sentDateTime',
  'hasAttachments', 'internetMessageId', 'subject', 'bodyPreview', 'importance', 'parentFolderId', 'conversationId',
  'conversationIndex', 'isDeliveryReceiptRequested', 'isReadReceiptRequested', 'isRead', 'isDraft', 'webLink',
  'inferenceClassification', 'body', 'sender', 'from', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'flag',
  'uniqueBody', 'internetMessageHeaders', 'attachments', 'extensions', 'singleValueExtendedProperties', 'multiValueExtendedProperties',
];

export const messageId = (record: MessageRecord, immutable: boolean): string => (immutable ? record.immutableId : record.restId);

export function renderMessage(record: MessageRecord, immutable: boolean): Record<string, unknown> {
  const d = record.data;
  return {
    '@odata.etag': `W/"${record.changeKey}"`,
    id: messageId(record, immutable),
    createdDateTime: record.createdDateTime,
    lastModifiedDateTime: record.lastModifiedDateTime,
    changeKey: record.changeKey,
    categories: d.categories ?? [],
    receivedDateTime: d.receivedDateTime ?? null,
    sentDateTime: d.sentDateTime ?? null,
    hasAttachments: d.hasAttachments ?? false,
    internetMessageId: d.internetMessageId ?? null,
    subject: d.subject ?? null,
    bodyPreview: d.bodyPreview ?? '',
    importance: d.importance ?? 'normal',
    parentFolderId: record.folderId,
    conversationId: d.conversationId ?? null,
    conversationIndex: d.conversationIndex ?? null,
    isDeliveryReceiptRequested: d.isDeliveryReceiptRequested ?? false,
    isReadReceiptRequested: d.isReadReceiptRequested ?? false,
    isRead: d.isRead ?? false,
    isDraft: d.isDraft ?? false,
    webLink: messageWebLink(record.restId),
    inferenceClassification: d.inferenceClassification ?? 'focused',
    body: d.body ?? { contentType: 'text', content: '' },
    sender: d.sender ?? null,
    from: d.from ?? null,
    toRecipients: d.toRecipients ?? [],
    ccRecipients: d.ccRecipients ?? [],
    bccRecipients: d.bccRecipients ?? [],
    replyTo: d.replyTo ?? [],
    flag: d.flag ?? { flagStatus: 'notFlagged' },
  };
}

/** `Prefer: outlook.body-content-type="text"` asks for plain-text bodies ("List messages", request headers). */
export function preferredBodyType(prefer: string[]): 'text' | 'html' | undefined {
  for (const token of prefer) {
    const match = /^outlook\.body-content-type\s*=\s*"?(text|html)"?$/i.exec(token);
    if (match?.[1]) return match[1].toLowerCase() as 'text' | 'html';
  }
  return undefined;
}

export function bodyTypeHeaders(type: 'text' | 'html' | undefined): Record<string, string> {
  return type ? { 'Preference-Applied': `outlook.body-content-type="${type}"` } : {};
}

function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li)\s*\/?>/gi, '\r\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

export function withBodyType(message: Record<string, unknown>, type: 'text' | 'html' | undefined): Record<string, unknown> {
  if (type !== 'text') return message;
  const out = { ...message };
  for (const name of ['body', 'uniqueBody']) {
    const body = message[name] as { contentType?: string; content?: string } | undefined;
    if (body?.contentType === 'html' && typeof body.content === 'string') out[name] = { contentType: 'text', content: htmlToText(body.content) };
  }
  return out;
}

/**
 * `uniqueBody` comes back only when `$select` names it ("Get message", example get_message_in_text).
 * Seeded messages quote no earlier message, so the part unique to each is its whole body.
 */
export function withUniqueBody(message: Record<string, unknown>, select: string | undefined): Record<string, unknown> {
  const wanted = select?.split(',').some((name) => name.trim() === 'uniqueBody') === true;
  return wanted ? { ...message, uniqueBody: message.body } : message;
}

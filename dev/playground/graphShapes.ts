import type { AppointmentSnapshot, EmailAddress, MessageSnapshot } from '../../src/office/host';

/** The subset of Graph's JSON the playground reads. */
export interface GraphRecipient {
  emailAddress?: { name?: string; address?: string };
}
export interface GraphFolder {
  id: string;
  displayName: string;
  parentFolderId: string;
  childFolderCount: number;
  unreadItemCount: number;
  totalItemCount: number;
}
export interface GraphMessage {
  id: string;
  subject?: string;
  from?: GraphRecipient;
  toRecipients?: GraphRecipient[];
  ccRecipients?: GraphRecipient[];
  receivedDateTime?: string;
  isRead?: boolean;
  bodyPreview?: string;
  body?: { contentType: 'html' | 'text'; content: string };
  conversationId?: string;
  internetMessageId?: string;
  flag?: { flagStatus: string; dueDateTime?: { dateTime: string; timeZone: string } };
  categories?: string[];
  parentFolderId?: string;
}
export interface GraphEvent {
  id: string;
  subject?: string;
  start?: { dateTime: string; timeZone: string };
  end?: { dateTime: string; timeZone: string };
  organizer?: GraphRecipient;
  attendees?: Array<GraphRecipient & { type?: string }>;
  location?: { displayName?: string };
  type?: string;
  seriesMasterId?: string | null;
  bodyPreview?: string;
  isAllDay?: boolean;
}

export function toAddress(recipient: GraphRecipient | undefined): EmailAddress | null {
  if (!recipient?.emailAddress) return null;
  return { name: recipient.emailAddress.name ?? '', address: recipient.emailAddress.address ?? '' };
}

const toAddresses = (list: GraphRecipient[] | undefined): EmailAddress[] =>
  (list ?? []).map(toAddress).filter((a): a is EmailAddress => a !== null);

/** `mailbox`: the shared mailbox the message was read from, as Office's targetMailbox names it; null for the own one. */
export function messageSnapshot(message: GraphMessage, mailbox: string | null = null): MessageSnapshot {
  return {
    kind: 'message',
    id: message.id,
    officeItemId: message.id,
    mailbox,
    subject: message.subject ?? '',
    from: toAddress(message.from),
    to: toAddresses(message.toRecipients),
    cc: toAddresses(message.ccRecipients),
    conversationId: message.conversationId ?? null,
    internetMessageId: message.internetMessageId ?? null,
    receivedAt: message.receivedDateTime ?? null,
  };
}

/** Graph returns UTC wall-clock times without a zone suffix when asked for UTC. */
export const utcIso = (value: { dateTime: string } | undefined): string | null =>
  value ? new Date(value.dateTime.endsWith('Z') ? value.dateTime : `${value.dateTime}Z`).toISOString() : null;

export function appointmentSnapshot(event: GraphEvent): AppointmentSnapshot {
  return {
    kind: 'appointment',
    id: event.id,
    officeItemId: event.id,
    mailbox: null,
    subject: event.subject ?? '',
    organizer: toAddress(event.organizer),
    requiredAttendees: toAddresses((event.attendees ?? []).filter((a) => a.type !== 'optional')),
    optionalAttendees: toAddresses((event.attendees ?? []).filter((a) => a.type === 'optional')),
    start: utcIso(event.start),
    end: utcIso(event.end),
    seriesId: event.seriesMasterId ?? null,
    seriesMaster: event.type === 'seriesMaster',
  };
}

import type { GraphEvent, GraphMessage, GraphRecipient } from '../graphShapes';
import { utcIso } from '../graphShapes';
import { restToEws } from './ids';
import type { ClientProfile } from './profiles';

/** Office.MailboxEnums.ItemType. */
export const ITEM_TYPE = { Message: 'message', Appointment: 'appointment' } as const;

/** The read-mode properties Trail uses, typed as office-js declares them. */
export type EmulatedMessage = Pick<
  Office.MessageRead,
  'itemId' | 'itemType' | 'subject' | 'from' | 'to' | 'cc' | 'conversationId' | 'internetMessageId' | 'dateTimeCreated' | 'notificationMessages'
> &
  Partial<Pick<Office.MessageRead, 'getSharedPropertiesAsync'>> & { body?: Pick<Office.MessageRead['body'], 'getAsync'> };

export type EmulatedAppointment = Pick<
  Office.AppointmentRead,
  'itemId' | 'itemType' | 'subject' | 'organizer' | 'requiredAttendees' | 'optionalAttendees' | 'start' | 'end' | 'seriesId' | 'recurrence' | 'notificationMessages'
> &
  Partial<Pick<Office.AppointmentRead, 'getSharedPropertiesAsync'>>;

type ItemExtras = Pick<Office.MessageRead, 'notificationMessages'> & Partial<Pick<Office.MessageRead, 'getSharedPropertiesAsync'>>;
type MessageExtras = ItemExtras & { body?: Pick<Office.MessageRead['body'], 'getAsync'> };

/**
 * The id Outlook hands out for an item whose Graph REST id is `restId`: its EWS id on the web, Windows and Mac
 * (office.messageread.yml itemId: "Gets the Exchange Web Services (EWS) item identifier"), the REST id itself on
 * mobile (office-js-docs-pr docs/outlook/use-rest-api.md: "In Outlook on mobile devices, the value returned by
 * Office.context.mailbox.item.itemId is a REST-formatted ID").
 */
export const officeIdOf = (profile: ClientProfile, restId: string): string => (profile.itemIdFormat === 'rest' ? restId : restToEws(restId));

const details = (recipient: GraphRecipient | undefined): Office.EmailAddressDetails => ({
  displayName: recipient?.emailAddress?.name ?? '',
  emailAddress: recipient?.emailAddress?.address ?? '',
  recipientType: 'externalUser' as Office.MailboxEnums.RecipientType,
  appointmentResponse: 'none' as Office.MailboxEnums.ResponseType,
});

export function messageItem(profile: ClientProfile, message: GraphMessage, extras: MessageExtras): EmulatedMessage {
  return {
    itemId: officeIdOf(profile, message.id),
    itemType: ITEM_TYPE.Message as Office.MailboxEnums.ItemType,
    subject: message.subject ?? '',
    from: details(message.from),
    to: (message.toRecipients ?? []).map(details),
    cc: (message.ccRecipients ?? []).map(details),
    // convertToRestId accepts "a conversation ID retrieved from item.conversationId": Office gives it in EWS form too.
    conversationId: message.conversationId ? officeIdOf(profile, message.conversationId) : '',
    internetMessageId: message.internetMessageId ?? '',
    // Read from the list the playground loaded: a received message is created in the mailbox when it arrives.
    dateTimeCreated: new Date(message.receivedDateTime ?? 0),
    ...extras,
  };
}

/**
 * seriesId: "the EWS ID of the parent (series) item that this appointment belongs to", null for single
 * appointments and series masters (office.appointmentread.yml, seriesId, Mailbox 1.7); a master has a
 * recurrence (office.appointmentread.yml, recurrence).
 */
export function appointmentItem(profile: ClientProfile, event: GraphEvent, extras: ItemExtras): EmulatedAppointment {
  const attendees = event.attendees ?? [];
  return {
    itemId: officeIdOf(profile, event.id),
    itemType: ITEM_TYPE.Appointment as Office.MailboxEnums.ItemType,
    subject: event.subject ?? '',
    organizer: details(event.organizer),
    requiredAttendees: attendees.filter((a) => a.type !== 'optional').map(details),
    optionalAttendees: attendees.filter((a) => a.type === 'optional').map(details),
    start: new Date(utcIso(event.start) ?? 0),
    end: new Date(utcIso(event.end) ?? 0),
    seriesId: event.seriesMasterId ? officeIdOf(profile, event.seriesMasterId) : (null as unknown as string),
    recurrence: (event.type === 'seriesMaster' ? { recurrenceType: 'weekly' } : null) as unknown as Office.Recurrence,
    ...extras,
  };
}

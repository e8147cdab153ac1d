/**
 * A small, fully known mailbox for the sandbox's own tests, so assertions can be exact (counts, paging,
 * occurrence times) whatever the realistic seed dataset contains.
 */
import type { SeedEvent, SeedMailbox, SeedMessage, SeedUser } from '../../../dev/sandbox/seed/types';

export const FIXTURE_ANCHOR = new Date('2025-03-12T10:00:00Z'); // a Wednesday, 12:00 in Helsinki
export const FIXTURE_INBOX_COUNT = 25;
export const FIXTURE_ARCHIVE_COUNT = 3;

const user = (id: string, given: string, surname: string, upn: string): SeedUser => ({
  id,
  displayName: `${given} ${surname}`,
  mail: upn,
  userPrincipalName: upn,
  givenName: given,
  surname,
  jobTitle: 'Koulutussuunnittelija',
  officeLocation: 'Päätalo 2.14',
  preferredLanguage: 'fi-FI',
  mailboxSettings: { timeZone: 'FLE Standard Time', language: { locale: 'fi-FI' } },
});

export const FIXTURE_USER = user('5f1c2d3e-0000-4000-8000-000000000001', 'Aino', 'Virtanen', 'aino.virtanen@seutuopisto.fi');
export const FIXTURE_COLLEAGUE = user('5f1c2d3e-0000-4000-8000-000000000002', 'Mikko', 'Korhonen', 'mikko.korhonen@seutuopisto.fi');
/** A team's shared mailbox that Aino (and nobody else) has Full Access to. */
export const FIXTURE_SHARED = { ...user('5f1c2d3e-0000-4000-8000-0000000000a1', 'Koulutuspalvelut', '', 'koulutuspalvelut@seutuopisto.fi'), displayName: 'Koulutuspalvelut' };
export const FIXTURE_SHARED_INBOX_COUNT = 4;

const person = (name: string, address: string) => ({ emailAddress: { name, address } });
const senders = [
  person('Liisa Mäkinen', 'liisa.makinen@example.fi'),
  person('Jussi Nieminen', 'jussi@yritys.fi'),
  person('Mikko Korhonen', FIXTURE_COLLEAGUE.mail),
];

function message(n: number, folder: string, hoursBefore: number): SeedMessage {
  const received = new Date(FIXTURE_ANCHOR.getTime() - hoursBefore * 3_600_000).toISOString().replace('.000Z', 'Z');
  const from = senders[n % senders.length]!;
  return {
    folder,
    subject: `Viesti ${String(n).padStart(2, '0')}${n % 5 === 0 ? ' hanke' : ''}`,
    bodyPreview: `Sisältö ${n}`,
    body: { contentType: 'html', content: `<p>Sisältö ${n}</p>` },
    from,
    sender: from,
    toRecipients: [person(FIXTURE_USER.displayName, FIXTURE_USER.mail)],
    ccRecipients: [],
    replyTo: [],
    receivedDateTime: received,
    sentDateTime: received,
    isRead: n % 3 === 0,
    isDraft: false,
    importance: n % 7 === 0 ? 'high' : 'normal',
    hasAttachments: false,
    conversationId: `AAQkAD-conv-${n}`,
    internetMessageId: `<msg-${n}@example.fi>`,
    categories: n % 4 === 0 ? ['Hanke'] : [],
    flag: { flagStatus: 'notFlagged' },
    inferenceClassification: 'focused',
  };
}

const event = (subject: string, start: string, end: string, extra: Partial<SeedEvent> = {}): SeedEvent => ({
  subject,
  body: { contentType: 'html', content: `<p>${subject}</p>` },
  bodyPreview: subject,
  start: { dateTime: start, timeZone: 'UTC' },
  end: { dateTime: end, timeZone: 'UTC' },
  location: { displayName: 'Neuvotteluhuone' },
  isAllDay: false,
  isOnlineMeeting: false,
  showAs: 'busy',
  organizer: { emailAddress: { name: FIXTURE_USER.displayName, address: FIXTURE_USER.mail } },
  attendees: [],
  isOrganizer: true,
  responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
  type: 'singleInstance',
  recurrence: null,
  categories: [],
  importance: 'normal',
  sensitivity: 'normal',
  ...extra,
});

export const FIXTURE_EVENTS = {
  single: 'Ohjausryhmä',
  weekly: 'Viikkopalaveri',
  daily: 'Aamukahvi',
};

export function fixtureMailbox(): SeedMailbox {
  const messages: SeedMessage[] = [];
  for (let n = 1; n <= FIXTURE_INBOX_COUNT; n++) messages.push(message(n, 'inbox', n * 5));
  for (let n = 1; n <= FIXTURE_ARCHIVE_COUNT; n++) messages.push(message(100 + n, 'archive', 200 + n));
  messages.push(message(200, 'Projektit', 300));
  return {
    user: FIXTURE_USER,
    folders: [
      { displayName: 'Projektit', parent: 'inbox' },
      { displayName: 'Uutiskirjeet', parent: 'msgfolderroot' },
    ],
    messages,
    events: [
      event(FIXTURE_EVENTS.single, '2025-03-13T08:00:00.0000000', '2025-03-13T09:00:00.0000000'),
      // Mondays and Wednesdays 09:00 Helsinki time (07:00 UTC in winter, 06:00 UTC from 30 March).
      event(FIXTURE_EVENTS.weekly, '2025-03-03T07:00:00.0000000', '2025-03-03T07:30:00.0000000', {
        type: 'seriesMaster',
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'monday' },
          range: { type: 'noEnd', startDate: '2025-03-03', recurrenceTimeZone: 'FLE Standard Time' },
        },
      }),
      event(FIXTURE_EVENTS.daily, '2025-03-10T06:30:00.0000000', '2025-03-10T06:45:00.0000000', {
        type: 'seriesMaster',
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', startDate: '2025-03-10', numberOfOccurrences: 5, recurrenceTimeZone: 'FLE Standard Time' },
        },
      }),
    ],
    colleagues: [FIXTURE_COLLEAGUE],
    sharedMailboxes: [
      {
        user: FIXTURE_SHARED,
        fullAccess: [FIXTURE_USER.id],
        folders: [],
        messages: Array.from({ length: FIXTURE_SHARED_INBOX_COUNT }, (_, i) => ({
          ...message(300 + i, 'inbox', 2 + i),
          subject: `Koulutuskysely ${i + 1}`,
          toRecipients: [person(FIXTURE_SHARED.displayName, FIXTURE_SHARED.mail)],
          internetMessageId: `<shared-${i + 1}@example.fi>`,
          conversationId: `AAQkAD-shared-${i + 1}`,
        })),
      },
    ],
  };
}

/**
 * Shapes of the seeded dataset. They are Microsoft Graph v1.0 JSON resource shapes without the ids
 * (id, parentFolderId, changeKey, iCalUId, webLink), which the mail module assigns when it loads them.
 * Optional extra fields (e.g. `onlineMeeting`) are real Graph fields, added where Graph would send them.
 */

export interface SeedOptions {
  seed: number;
  /** "Now" for the dataset: mail lies in the six months before it, meetings around it. */
  anchor: Date;
}

/** Graph's dateTimeTimeZone: local wall time without offset plus a zone name. */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export interface EmailAddress {
  name: string;
  address: string;
}

export interface Recipient {
  emailAddress: EmailAddress;
}

export interface SeedUser {
  id: string;
  displayName: string;
  mail: string;
  userPrincipalName: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  officeLocation: string;
  preferredLanguage: 'fi-FI';
  mailboxSettings: {
    /** Windows zone id for Europe/Helsinki, as Graph returns it. */
    timeZone: 'FLE Standard Time';
    language: { locale: 'fi-FI' };
  };
}

export type WellKnownFolder = 'inbox' | 'sentitems' | 'archive' | 'deleteditems';

export interface SeedFlag {
  flagStatus: 'notFlagged' | 'flagged' | 'complete';
  startDateTime?: DateTimeTimeZone;
  dueDateTime?: DateTimeTimeZone;
  completedDateTime?: DateTimeTimeZone;
}

export interface SeedMessage {
  /** A well-known folder name, or the (unique) displayName of a folder listed in `folders`. */
  folder: WellKnownFolder | (string & {});
  subject: string;
  bodyPreview: string;
  body: { contentType: 'html' | 'text'; content: string };
  from: Recipient;
  sender: Recipient;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  replyTo: Recipient[];
  /** ISO 8601 UTC, second precision, trailing Z. */
  receivedDateTime: string;
  sentDateTime: string;
  isRead: boolean;
  isDraft: false;
  importance: 'low' | 'normal' | 'high';
  hasAttachments: boolean;
  conversationId: string;
  conversationIndex?: string;
  internetMessageId: string;
  categories: string[];
  flag: SeedFlag;
  inferenceClassification: 'focused' | 'other';
}

export type ResponseType =
  | 'none'
  | 'organizer'
  | 'tentativelyAccepted'
  | 'accepted'
  | 'declined'
  | 'notResponded';

export interface ResponseStatus {
  response: ResponseType;
  time: string;
}

export interface SeedAttendee {
  type: 'required' | 'optional';
  status: ResponseStatus;
  emailAddress: EmailAddress;
}

export type DayOfWeek = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

export interface RecurrencePattern {
  type: 'daily' | 'weekly' | 'absoluteMonthly' | 'relativeMonthly' | 'absoluteYearly' | 'relativeYearly';
  interval: number;
  /** Graph always sends these; 0 / 'first' when they do not apply. */
  month?: number;
  dayOfMonth?: number;
  daysOfWeek?: DayOfWeek[];
  firstDayOfWeek?: DayOfWeek;
  index?: 'first' | 'second' | 'third' | 'fourth' | 'last';
}

export interface RecurrenceRange {
  type: 'endDate' | 'noEnd' | 'numbered';
  /** Local date (YYYY-MM-DD) in recurrenceTimeZone. */
  startDate: string;
  /** '0001-01-01' unless type is endDate, as Graph sends it. */
  endDate?: string;
  numberOfOccurrences?: number;
  recurrenceTimeZone?: string;
}

export interface PatternedRecurrence {
  pattern: RecurrencePattern;
  range: RecurrenceRange;
}

export interface SeedEvent {
  subject: string;
  body: { contentType: 'html' | 'text'; content: string };
  bodyPreview: string;
  /** UTC wall time, 7 fraction digits, as Graph returns without a Prefer: outlook.timezone header. */
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  location: { displayName: string };
  isAllDay: boolean;
  isOnlineMeeting: boolean;
  onlineMeetingProvider?: 'teamsForBusiness' | 'unknown';
  onlineMeeting?: { joinUrl: string } | null;
  showAs: 'busy' | 'tentative' | 'free' | 'oof' | 'workingElsewhere';
  organizer: { emailAddress: EmailAddress };
  attendees: SeedAttendee[];
  isOrganizer: boolean;
  responseStatus: ResponseStatus;
  type: 'singleInstance' | 'seriesMaster';
  recurrence: PatternedRecurrence | null;
  categories: string[];
  importance: 'normal' | 'high' | 'low';
  sensitivity: 'normal';
}

export interface SeedFolder {
  displayName: string;
  parent: 'msgfolderroot' | 'inbox' | (string & {});
}

export interface SeedMailbox {
  user: SeedUser;
  folders: SeedFolder[];
  messages: SeedMessage[];
  events: SeedEvent[];
  /** Other users in the tenant, for /users lookups. */
  colleagues: SeedUser[];
  /** Shared mailboxes (a team's address) and who has Full Access to each. */
  sharedMailboxes?: SeedSharedMailbox[];
}

/**
 * A shared mailbox: a user object without a person behind it, whose mailbox the users in
 * `fullAccess` open (Exchange's Add-MailboxPermission -AccessRights FullAccess).
 */
export interface SeedSharedMailbox {
  user: SeedUser;
  /** Ids of the users who have Full Access. */
  fullAccess: string[];
  folders: SeedFolder[];
  messages: SeedMessage[];
}

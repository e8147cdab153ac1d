/**
 * A mailbox's settings: its time zone and working hours. The one place their URL is made, whether
 * read on their own (book time) or as a step of a `$batch` (triage's mailbox probe).
 */
import { graphCall } from './call';
import type { GraphClient } from './client';
import { mailboxPath } from './mailboxPaths';
import { queryString } from './odata';

/** The settings as far as Trail reads them. */
export interface MailboxSettings {
  /** Usually a Windows zone id ("FLE Standard Time"), sometimes an IANA id. */
  timeZone?: string;
  workingHours?: {
    daysOfWeek?: string[];
    startTime?: string;
    endTime?: string;
    timeZone?: { name?: string };
  };
}

/**
 * The settings' URL relative to the version, for a mailbox path ('/me' or '/users/{id}'). Without `select`
 * it is the documented read of all settings: small, and what every Graph version answers the same way.
 */
export function mailboxSettingsUrl(path: string, select?: ReadonlyArray<keyof MailboxSettings>): string {
  return `${path.replace(/\/+$/, '')}/mailboxSettings${select ? queryString({ select }) : ''}`;
}

/** The settings of a mailbox (a shared one's address or id; null: the user's own). */
export function readMailboxSettings(graph: GraphClient, mailbox: string | null, select?: ReadonlyArray<keyof MailboxSettings>): Promise<MailboxSettings> {
  return graphCall(() => graph.api(mailboxSettingsUrl(mailboxPath(mailbox), select)).get());
}

/**
 * `POST /me/calendar/getSchedule` ("calendar: getSchedule"): free/busy of mailboxes in a window, as
 * scheduleItems plus an availabilityView string (one digit per interval: 0 free, 1 tentative, 2 busy,
 * 3 out of office, 4 working elsewhere) and the mailbox's working hours. Used for "book time".
 * A scheduleItem carries what the page's example and microsoft.graph.scheduleItem have: isPrivate, status,
 * subject, location, start, end (Exchange's isMeeting/isRecurring/... are not part of Graph's type).
 */
import { badRequest, emptyPayload } from '../core/errors';
import type { Router, SandboxContext } from '../core/types';
import { instancesBetween } from './series';
import { mailState } from './state';
import { instantOf, preferredZone, toDateTimeTimeZone } from './timezone';

const VIEW_DIGIT: Record<string, number> = { free: 0, tentative: 1, busy: 2, oof: 3, workingElsewhere: 4 };

export function registerScheduleRoute(router: Router, ctx: SandboxContext): void {
  router.add('POST', '/me/calendar/getSchedule', (req) => {
    const body = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw emptyPayload();
    const { schedules, startTime, endTime, availabilityViewInterval } = body as Record<string, unknown>;
    if (!Array.isArray(schedules) || schedules.length === 0 || !schedules.every((s) => typeof s === 'string')) {
      throw badRequest('The schedules parameter must list at least one SMTP address.', 'ErrorInvalidParameter');
    }
    const from = instantOf(startTime);
    const to = instantOf(endTime);
    if (to <= from) throw badRequest('The end time must be after the start time.', 'ErrorInvalidParameter');
    const interval = availabilityViewInterval === undefined ? 30 : Number(availabilityViewInterval);
    if (!Number.isInteger(interval) || interval < 5 || interval > 1440) throw badRequest('availabilityViewInterval must be between 5 and 1440.', 'ErrorInvalidParameter');
    const zone = preferredZone(req.prefer);
    const state = mailState(ctx);

    const value = (schedules as string[]).map((address) => {
      const owner = state.users.find((u) => u.mail.toLowerCase() === address.toLowerCase() || u.userPrincipalName.toLowerCase() === address.toLowerCase());
      const box = owner ? state.mailboxes[owner.id] : undefined;
      if (!box) {
        return { scheduleId: address, availabilityView: '', scheduleItems: [], error: { message: `The specified user ${address} could not be found.`, responseCode: 'ErrorMailRecipientNotFound' } };
      }
      const instances = instancesBetween(box.events, from, to, box.user.mailboxSettings.timeZone).filter(
        (i) => (i.occurrence?.overrides?.showAs ?? i.record.data.showAs ?? 'busy') !== 'free' && i.record.data.isCancelled !== true,
      );
      const slots = Math.ceil((to - from) / (interval * 60_000));
      const view = Array.from({ length: slots }, (_, n) => {
        const slotStart = from + n * interval * 60_000;
        const slotEnd = slotStart + interval * 60_000;
        return instances
          .filter((i) => i.startUtc < slotEnd && i.endUtc > slotStart)
          .reduce((max, i) => Math.max(max, VIEW_DIGIT[String(i.occurrence?.overrides?.showAs ?? i.record.data.showAs ?? 'busy')] ?? 2), 0);
      }).join('');
      return {
        scheduleId: address,
        availabilityView: view,
        scheduleItems: instances.map((i) => ({
          isPrivate: i.record.data.sensitivity === 'private',
          status: String(i.occurrence?.overrides?.showAs ?? i.record.data.showAs ?? 'busy'),
          subject: String(i.occurrence?.overrides?.subject ?? i.record.data.subject ?? ''),
          location: String((i.record.data.location as { displayName?: string } | undefined)?.displayName ?? ''),
          start: toDateTimeTimeZone(i.startUtc, zone),
          end: toDateTimeTimeZone(i.endUtc, zone),
        })),
        workingHours: {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: '08:00:00.0000000',
          endTime: '16:00:00.0000000',
          timeZone: { name: box.user.mailboxSettings.timeZone },
        },
      };
    });
    const headers: Record<string, string> = zone ? { 'Preference-Applied': `outlook.timezone="${zone}"` } : {};
    return {
      status: 200,
      headers,
      body: { '@odata.context': `${req.baseUrl}/$metadata#Collection(microsoft.graph.scheduleInformation)`, value },
    };
  });
}

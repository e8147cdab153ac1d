/**
 * `GET /me/calendarView` and `GET /me/events/{id}/instances`: the calendar as it shows in a time window —
 * single instances plus each series expanded into occurrences, ordered by start, paged with $top/$skip.
 * Both query parameters are required; without them Graph answers 400 ErrorInvalidParameter
 * "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime."
 */
import { badRequest, GraphError } from '../core/errors';
import type { Router, SandboxContext, SandboxRequest } from '../core/types';
import { mailboxOf, userContext } from './context';
import { renderEvent } from './eventView';
import { locateEvent, zoneHeaders } from './events';
import { listPage } from './listing';
import { instancesBetween, isSeries, occurrencesOf, type Instance } from './series';
import { mailboxFor } from './state';
import { parseWall } from './timezone';

const EVENT_TYPE = 'microsoft.graph.event';

/** Reads startDateTime/endDateTime (an offset is honoured; none means UTC). */
export function timeWindow(req: SandboxRequest): { from: number; to: number } {
  const startText = req.query['startdatetime'];
  const endText = req.query['enddatetime'];
  if (!startText || !endText) {
    throw new GraphError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
  }
  const parse = (name: string, text: string): number => {
    const parsed = parseWall(text);
    if (!parsed) throw badRequest(`The value '${text}' of parameter '${name}' is invalid.`, 'ErrorInvalidParameter');
    return parsed.ms;
  };
  return { from: parse('StartDateTime', startText), to: parse('EndDateTime', endText) };
}

function render(instances: Instance[], zone: string | undefined): Record<string, unknown>[] {
  return instances.map((i) => renderEvent(i.record, zone, i.occurrence));
}

export function registerCalendarViewRoutes(router: Router, ctx: SandboxContext): void {
  for (const path of ['/me/calendarView', '/me/calendar/calendarView']) {
    router.add('GET', path, (req) => {
      const { from, to } = timeWindow(req);
      const box = mailboxFor(ctx, req.params.mailbox);
      const { zone, headers } = zoneHeaders(req);
      const instances = instancesBetween(box.events, from, to, box.user.mailboxSettings.timeZone);
      return {
        status: 200,
        headers,
        body: listPage({ items: render(instances, zone), req, contextUrl: userContext(req, mailboxOf(req), 'calendarView'), typeName: EVENT_TYPE, defaultTop: 10, maxTop: 1000 }),
      };
    });
  }

  for (const base of ['/me/events/{eventId}/instances', '/me/calendar/events/{eventId}/instances']) {
    router.add('GET', base, (req) => {
      const { from, to } = timeWindow(req);
      const box = mailboxFor(ctx, req.params.mailbox);
      const { record } = locateEvent(box, req.params.eventId!);
      const { zone, headers } = zoneHeaders(req);
      const instances = isSeries(record) ? occurrencesOf(record, from, to, box.user.mailboxSettings.timeZone) : instancesBetween([record], from, to, 'UTC');
      return {
        status: 200,
        headers,
        body: listPage({ items: render(instances, zone), req, contextUrl: userContext(req, mailboxOf(req), `events('${record.id}')/instances`), typeName: EVENT_TYPE, defaultTop: 10, maxTop: 1000 }),
      };
    });
  }
}

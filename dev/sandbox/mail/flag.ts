/**
 * Follow-up flags as Exchange keeps them. Rules encoded from Graph's docs and observed behaviour:
 * - a due date needs a start date in the same request, else 400 ErrorInvalidArgument "The request is invalid."
 *   ("followupFlag resource type": "To set the due date, you must also specify the startDateTime";
 *   microsoft-graph-docs-contrib issue #6473 "Followup flag - startDateTime and dueDateTime are required");
 * - `complete` stamps completedDateTime (now, unless given); `notFlagged` clears the dates;
 * - dates come back in UTC.
 */
import { badRequest, unknownProperty } from '../core/errors';
import { instantOf, toDateTimeTimeZone, type DateTimeTimeZone } from './timezone';

export interface FollowupFlag {
  flagStatus: 'notFlagged' | 'flagged' | 'complete';
  startDateTime?: DateTimeTimeZone;
  dueDateTime?: DateTimeTimeZone;
  completedDateTime?: DateTimeTimeZone;
}

const STATUSES = ['notFlagged', 'flagged', 'complete'] as const;
const FLAG_PROPERTIES = ['flagStatus', 'startDateTime', 'dueDateTime', 'completedDateTime'];

const invalidRequest = () => badRequest('The request is invalid.', 'ErrorInvalidArgument');

function utc(value: unknown): DateTimeTimeZone {
  return toDateTimeTimeZone(instantOf(value));
}

export function applyFlag(current: FollowupFlag | undefined, patch: unknown, now: Date): FollowupFlag {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw invalidRequest();
  const p = patch as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (!key.startsWith('@odata.') && !FLAG_PROPERTIES.includes(key)) throw unknownProperty(key, 'microsoft.graph.followupFlag');
  }
  let status = current?.flagStatus ?? 'notFlagged';
  if (p.flagStatus !== undefined) {
    const match = STATUSES.find((s) => typeof p.flagStatus === 'string' && s.toLowerCase() === p.flagStatus.toLowerCase());
    if (!match) throw badRequest(`Requested value '${String(p.flagStatus)}' was not found.`, 'RequestBodyRead');
    status = match;
  }
  const hasStart = p.startDateTime !== undefined && p.startDateTime !== null;
  const hasDue = p.dueDateTime !== undefined && p.dueDateTime !== null;
  if (hasDue && !hasStart) throw invalidRequest();

  if (status === 'notFlagged') return { flagStatus: 'notFlagged' };
  const start = hasStart ? utc(p.startDateTime) : current?.startDateTime;
  const due = hasDue ? utc(p.dueDateTime) : current?.dueDateTime;
  if (start && due && instantOf(due) < instantOf(start)) throw invalidRequest();
  const flag: FollowupFlag = { flagStatus: status, ...(start ? { startDateTime: start } : {}), ...(due ? { dueDateTime: due } : {}) };
  if (status === 'complete') {
    flag.completedDateTime =
      p.completedDateTime !== undefined && p.completedDateTime !== null ? utc(p.completedDateTime) : current?.completedDateTime ?? toDateTimeTimeZone(now.getTime());
  }
  return flag;
}

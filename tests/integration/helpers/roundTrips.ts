/**
 * Round trips and requests in flight, counted from the sandbox's request log rather than timed: every
 * logged request has its places in one count of arrivals and answers, so which calls overlapped is known.
 */
import type { LoggedRequest } from '../../../dev/sandbox';

/**
 * Sequential round trips: the longest run of calls each sent only after the one before was answered.
 * Calls sent side by side share a round trip; with latency L per call, the wait is about this times L.
 */
export function sequentialRoundTrips(calls: readonly LoggedRequest[]): number {
  const byArrival = [...calls].sort((a, b) => a.arrived - b.arrived);
  const depth: number[] = [];
  for (const [j, call] of byArrival.entries()) {
    let longestBefore = 0;
    for (let i = 0; i < j; i++) if (byArrival[i]!.answered < call.arrived) longestBefore = Math.max(longestBefore, depth[i]!);
    depth[j] = longestBefore + 1;
  }
  return Math.max(0, ...depth);
}

/** The mailbox a Graph path addresses ('me' for the signed-in user's own), or undefined for anything else (SharePoint, the directory). */
export function mailboxOf(url: string): string | undefined {
  const path = url.replace(/^\/v1\.0/, '').replace(/^\/?/, '/');
  if (/^\/me\/(messages|mailFolders|mailboxSettings|events|calendar)/i.test(path)) return 'me';
  const user = /^\/users\/([^/?]+)\/(messages|mailFolders|mailboxSettings|events|calendar)/i.exec(path);
  return user ? decodeURIComponent(user[1]!).toLowerCase() : undefined;
}

/**
 * The most requests in flight against each mailbox at any moment. A `$batch` counts, for every mailbox
 * it touches, as many as it ran at once (a parallel batch up to 4, a serial one 1) for as long as it was
 * open: what Exchange would see if every inner request took time, whatever the sandbox's speed.
 */
export function peakInFlightByMailbox(calls: readonly LoggedRequest[]): Map<string, number> {
  const events: Array<{ at: number; mailbox: string; change: number }> = [];
  for (const call of calls) {
    const mailboxes = call.inner ? new Set(call.inner.map((inner) => mailboxOf(inner.url))) : new Set([mailboxOf(call.url)]);
    const load = call.inner ? (call.mostInFlight ?? call.inner.length) : 1;
    for (const mailbox of mailboxes) {
      if (mailbox === undefined) continue;
      events.push({ at: call.arrived, mailbox, change: load }, { at: call.answered, mailbox, change: -load });
    }
  }
  const now = new Map<string, number>();
  const peak = new Map<string, number>();
  for (const event of events.sort((a, b) => a.at - b.at)) {
    const level = (now.get(event.mailbox) ?? 0) + event.change;
    now.set(event.mailbox, level);
    peak.set(event.mailbox, Math.max(peak.get(event.mailbox) ?? 0, level));
  }
  return peak;
}

/**
 * The sandbox's seeded dataset: the mailbox and calendar of Aino Laine, training planner at the
 * fictional adult-education institute Seutuopisto. `generateMailbox` is pure and deterministic: the same
 * (seed, anchor) always gives a deep-equal result; a different seed changes who writes what and when.
 * Shapes are Graph v1.0 resources without ids — the mail module assigns those when it loads them.
 */
import type { Composed, ThreadSpec } from './compose';
import { composeThread } from './compose';
import { COLLEAGUES, type Person, USER } from './directory';
import { generateCalendar } from './events';
import { fixtureSpecs, scenarioSpecs } from './fixtures';
import { sharedMailboxes } from './shared';
import { Rng } from './random';
import { isEveningWriter, scheduledNewsletters, SINGLE_TEMPLATES } from './singles';
import { THREAD_TEMPLATES } from './threads';
import {
  civilMinuteOfDay,
  civilToUtc,
  DAY,
  graphDateTime,
  HOUR,
  isWorkday,
  MINUTE,
  onOrAfterWorkday,
  onOrBeforeWorkday,
  startOfCivilDay,
  utcToCivil,
} from './time';
import type { SeedFlag, SeedFolder, SeedMailbox, SeedMessage, SeedOptions } from './types';

export type * from './types';
export { HOSTILE_FIXTURES, SCENARIO_FIXTURES, type HostileFixture, type HostileFixtureKey } from './fixtures';
export { ORGANISATIONS, PEOPLE, PUBLIC_DOMAINS, INSTITUTE_DOMAIN, orgOfAddress, type Organisation, type Person } from './directory';
export { stripPrefixes, PREFIX_RE } from './compose';
export { SHARED_MAILBOX_ADDRESS } from './shared';
export { helsinkiOffset, utcToCivil, civilToUtc } from './time';

export const DEFAULT_SEED = 20261122;

/** How many messages the mailbox holds (singles fill up to this). */
export const TARGET_MESSAGES = 300;
/** How many Inbox messages are left unread. */
export const UNREAD_TARGET = 30;
/** Months of mail before the anchor, in days. */
export const MAIL_WINDOW_DAYS = 182;

/** Root-level folder where Aino keeps the EU project's mail. */
export const PROJECT_FOLDER = 'Osaava Harjuseutu';
/** Child of the Inbox where she moves some student mail (a nested folder for the UI to show). */
export const STUDENTS_FOLDER = 'Opiskelijat';
/** User folders; display names are unique, so a message's `folder` names exactly one of them. */
export const USER_FOLDERS: readonly SeedFolder[] = [
  { displayName: PROJECT_FOLDER, parent: 'msgfolderroot' },
  { displayName: STUDENTS_FOLDER, parent: 'inbox' },
];
/** Outlook categories in use (the master list a mailbox would have). */
export const CATEGORIES = ['Hanke', 'Opiskelijat'] as const;

/**
 * A weekday working-hours time, or (for private individuals, sometimes for anyone) an evening one.
 * Only ever moves `t` forward, so a thread's order survives snapping.
 */
function snapForward(rng: Rng, t: number, author: Person): number {
  const individual = isEveningWriter(author);
  const nextMorning = (day: number): number => onOrAfterWorkday(day + DAY) + 8 * HOUR + rng.int(0, 120) * MINUTE;
  if (!isWorkday(t) && !(individual && rng.chance(0.3))) return nextMorning(startOfCivilDay(t) - DAY);
  const m = civilMinuteOfDay(t);
  if (m < 7 * 60 + 30) return startOfCivilDay(t) + 8 * HOUR + rng.int(0, 90) * MINUTE;
  if (m > 16 * 60 + 30) {
    const keepEvening = m < 21 * 60 + 30 && rng.chance(individual ? 0.6 : 0.12);
    return keepEvening ? t : nextMorning(startOfCivilDay(t));
  }
  return t;
}

/** A past send time, denser towards the anchor: days-ago ∝ r^1.7 puts about a third in the last month. */
function pastTime(rng: Rng, today: number, maxDaysAgo: number, author: Person): number {
  const daysAgo = Math.floor(maxDaysAgo * Math.pow(rng.next(), 1.7));
  let day = today - daysAgo * DAY;
  const individual = isEveningWriter(author);
  if (!isWorkday(day) && !(individual && rng.chance(0.5))) day = onOrBeforeWorkday(day);
  const r = rng.next();
  const eveningShare = individual ? 0.35 : 0.08;
  const minute =
    r < eveningShare
      ? rng.int(17 * 60 + 30, 22 * 60)
      : r < eveningShare + 0.04
        ? rng.int(7 * 60, 8 * 60)
        : rng.int(8 * 60, 16 * 60 + 30);
  return day + minute * MINUTE + rng.int(0, 59) * 1000;
}

/** Keeps a single send time strictly before "now" and inside the window. */
function clampPast(t: number, latest: number, windowStart: number): number {
  let x = t;
  while (x > latest) x = onOrBeforeWorkday(x - DAY);
  while (x < windowStart) x += 7 * DAY;
  return x;
}

/** Send times for each step of a thread, starting at `start`. */
function threadTimes(rng: Rng, start: number, steps: ThreadSpec['steps']): number[] {
  const times = [start];
  let t = start;
  for (let i = 1; i < steps.length; i++) {
    const step = steps[i];
    if (!step) break;
    const hint = step.delay ?? rng.pick(['minutes', 'hours', 'hours', 'days'] as const);
    const gap =
      hint === 'minutes' ? rng.int(4, 50) * MINUTE : hint === 'hours' ? rng.int(60, 300) * MINUTE : rng.int(20, 60) * HOUR;
    t = snapForward(rng, t + gap, step.from) + rng.int(0, 59) * 1000;
    times.push(t);
  }
  return times;
}

const flagDate = (civil: number) => ({ dateTime: graphDateTime(civilToUtc(startOfCivilDay(civil))), timeZone: 'UTC' });

export function generateMailbox(options: SeedOptions): SeedMailbox {
  const anchorUtc = options.anchor.getTime();
  if (!Number.isFinite(anchorUtc)) throw new RangeError('generateMailbox: anchor is not a valid date');
  const root = new Rng(options.seed);
  // Separate streams, so that e.g. a new event template does not reshuffle every message.
  const rngEvents = root.fork('events');
  const rngThreads = root.fork('threads');
  const rngSingles = root.fork('singles');
  const rngNews = root.fork('newsletters');
  const rngState = root.fork('state');
  const composeCtx = { rng: root.fork('ids'), usedIds: new Set<string>() };

  const anchorCivil = utcToCivil(anchorUtc);
  const today = startOfCivilDay(anchorCivil);
  const windowStart = today - MAIL_WINDOW_DAYS * DAY;
  // Nothing is sent in the last ten minutes before "now", so received times stay in the past too.
  const latest = anchorCivil - 10 * MINUTE;

  const composed: Composed[] = [];
  let convCount = 0;
  const add = (spec: ThreadSpec, civilTimes: number[]): void => {
    composed.push(...composeThread(spec, civilTimes, convCount++, composeCtx));
  };

  // Calendar first: Aino's invitations produce accept/decline replies in her mail.
  const calendar = generateCalendar(rngEvents, anchorCivil);
  for (const r of calendar.responses) {
    if (r.civil >= windowStart && r.civil <= latest) add(r.spec, [r.civil]);
  }

  for (const { fixture, spec } of fixtureSpecs()) {
    add(spec, [today - fixture.daysAgo * DAY + fixture.at[0] * HOUR + fixture.at[1] * MINUTE]);
  }

  for (const n of scheduledNewsletters(rngNews, windowStart, latest)) add(n.spec, [n.civil]);

  for (const template of THREAD_TEMPLATES) {
    for (let use = 0; use < template.uses; use++) {
      const pin = template.pin && (template.pin.use === undefined || template.pin.use === use) ? template.pin : undefined;
      const pinned = pin ? calendar.placed.get(pin.event) : undefined;
      const buildRng = rngThreads.fork(`${template.id}/${use}`);
      const replay = buildRng.clone();
      const probe = template.build({ rng: buildRng, start: 0, pinned }, use);
      const opener = probe.steps[0]?.from;
      if (!opener) continue;
      let start = pastTime(rngThreads, today, 150, opener);
      if (pin && pinned !== undefined) {
        // Mail about a meeting starts a set number of days before (or after) it — but always in the past.
        const day = Math.min(startOfCivilDay(pinned) + rngThreads.int(pin.days[0], pin.days[1]) * DAY, today - rngThreads.int(4, 8) * DAY);
        start = onOrBeforeWorkday(day) + rngThreads.int(8 * 60 + 5, 15 * 60) * MINUTE;
      }
      const firstTry = threadTimes(rngThreads, snapForward(rngThreads, Math.max(start, windowStart + 7 * DAY), opener), probe.steps);
      const last = firstTry[firstTry.length - 1] ?? 0;
      // Threads that would run past "now" are moved back by whole weeks, keeping weekdays and hours.
      const shift = last > latest ? Math.ceil((last - latest) / (7 * DAY)) * 7 * DAY : 0;
      const times = firstTry.map((t) => t - shift);
      // Rebuild with the real start so dates written in the text match; same rng replay, same picks.
      const spec = template.build({ rng: replay.clone(), start: times[0] ?? 0, pinned }, use);
      add(spec, times);
    }
  }

  // Singles fill the mailbox up to its target size.
  const used = new Map<string, number>();
  // Room is kept for the scenario fixtures added last, so the total stays on target.
  const scenarios = scenarioSpecs();
  while (composed.length < TARGET_MESSAGES - scenarios.length) {
    const open = SINGLE_TEMPLATES.filter((t) => (used.get(t.id) ?? 0) < t.max);
    if (open.length === 0) break;
    const template = rngSingles.weighted(open.map((t) => [t, t.weight] as const));
    used.set(template.id, (used.get(template.id) ?? 0) + 1);
    const probeRng = rngSingles.fork(template.id);
    const replay = probeRng.clone();
    const author = template.build({ rng: probeRng, start: today }).steps[0]?.from;
    if (!author) continue;
    const t = clampPast(pastTime(rngSingles, today, MAIL_WINDOW_DAYS - 1, author), latest, windowStart);
    add(template.build({ rng: replay, start: t }), [t]);
  }
  // After the singles, so the random picks above stay what they were for every (seed, anchor).
  for (const { daysAgo, at, spec } of scenarios) add(spec, [today - daysAgo * DAY + at[0] * HOUR + at[1] * MINUTE]);

  return {
    user: structuredClone(USER),
    folders: USER_FOLDERS.map((f) => ({ ...f })),
    messages: assignMailboxState(composed, rngState, anchorUtc),
    events: calendar.events.sort((a, b) => a.start.dateTime.localeCompare(b.start.dateTime) || a.subject.localeCompare(b.subject)),
    colleagues: COLLEAGUES.map((c) => structuredClone(c)),
    sharedMailboxes: sharedMailboxes(anchorUtc),
  };
}

/**
 * Decides where each message lives and how it looks in a lived-in mailbox that has not met
 * zero-inbox yet: most mail still in the Inbox, older threads archived or in the project folder,
 * a few deleted, about thirty unread, some flagged (a few overdue), some flags completed.
 */
function assignMailboxState(composed: Composed[], rng: Rng, anchorUtc: number): SeedMessage[] {
  const byConv = new Map<number, Composed[]>();
  for (const c of composed) {
    const list = byConv.get(c.conv) ?? [];
    list.push(c);
    byConv.set(c.conv, list);
  }

  // Where the received messages of each conversation live (Aino files whole conversations).
  const inboundOf = new Map<number, string>();
  const ageOfConv = (list: Composed[]): number => (anchorUtc - Math.max(...list.map((c) => c.sentUtc))) / DAY;
  for (const [conv, list] of byConv) {
    const first = list[0];
    if (!first) continue;
    const age = ageOfConv(list);
    let inbound = 'inbox';
    switch (first.topic) {
      case 'fixture':
        break;
      case 'bulk':
      case 'calendar':
        if (age > 40 && rng.chance(0.3)) inbound = 'archive';
        break;
      case 'hanke':
        if (age > 10 && rng.chance(0.65)) inbound = PROJECT_FOLDER;
        else if (age > 45 && rng.chance(0.3)) inbound = 'archive';
        break;
      case 'students':
        if (age > 10 && rng.chance(0.25)) inbound = STUDENTS_FOLDER;
        else if (age > 30 && rng.chance(0.2)) inbound = 'archive';
        break;
      default:
        if (age > 30 && rng.chance(0.25)) inbound = 'archive';
    }
    inboundOf.set(conv, inbound);
  }
  // Aino has used her folders for a while: at least four conversations in each, the oldest first.
  // (Conversations of Aino's own sends alone stay in Sent Items, so they do not count.)
  const received = (list: Composed[]): boolean => list.some((c) => c.author.key !== 'aino');
  for (const [topic, folder] of [['hanke', PROJECT_FOLDER], ['students', STUDENTS_FOLDER]] as const) {
    const candidates = [...byConv]
      .filter(([conv, list]) => list[0]?.topic === topic && received(list) && inboundOf.get(conv) !== folder && ageOfConv(list) > 7)
      .sort(([, a], [, b]) => ageOfConv(b) - ageOfConv(a));
    let filed = [...byConv].filter(([conv, list]) => received(list) && inboundOf.get(conv) === folder).length;
    for (const [conv] of candidates) {
      if (filed >= 4) break;
      inboundOf.set(conv, folder);
      filed++;
    }
  }
  // A few deleted newsletters and meeting replies: a fixed handful, so "a few" holds for every seed.
  const deletable = [...byConv].filter(([conv, list]) => {
    const topic = list[0]?.topic;
    return (topic === 'bulk' || topic === 'calendar') && inboundOf.get(conv) === 'inbox' && ageOfConv(list) > 14;
  });
  for (const [conv] of rng.sample(deletable, rng.int(3, 8))) inboundOf.set(conv, 'deleteditems');

  const folderOf = new Map<Composed, string>();
  const categoriesOf = new Map<Composed, string[]>();
  for (const [conv, list] of byConv) {
    const first = list[0];
    if (!first) continue;
    const inbound = inboundOf.get(conv) ?? 'inbox';
    const categorise = first.categories.length > 0 && rng.chance(0.85);
    for (const c of list) {
      folderOf.set(c, c.author.key === 'aino' ? 'sentitems' : inbound);
      // Categories go on every message she received in the conversation, or on none.
      categoriesOf.set(c, categorise && c.author.key !== 'aino' ? [...c.categories] : []);
    }
  }

  // A received message is "answered" when Aino wrote later in the same conversation: it was read.
  const answered = new Set<Composed>();
  for (const list of byConv.values()) {
    const lastAino = Math.max(-Infinity, ...list.filter((c) => c.author.key === 'aino').map((c) => c.sentUtc));
    for (const c of list) if (c.author.key !== 'aino' && c.sentUtc < lastAino) answered.add(c);
  }

  const inboxOpen = composed.filter((c) => folderOf.get(c) === 'inbox' && !answered.has(c) && c.author.key !== 'aino');
  const ageOf = (c: Composed): number => (anchorUtc - c.sentUtc) / DAY;

  // Unread: the most recent open mail, with some older stragglers (newsletters linger unread longest).
  const scored = inboxOpen.map((c) => ({ c, score: ageOf(c) * (c.topic === 'bulk' ? 0.5 : 1) * (0.4 + rng.next() * 1.2) }));
  scored.sort((a, b) => a.score - b.score);
  const unread = new Set(scored.slice(0, UNREAD_TARGET).map((s) => s.c));

  // Flags: read, open, human mail from the last six weeks; due dates run to the end of some week.
  const flags = new Map<Composed, SeedFlag>();
  const flaggable = inboxOpen.filter((c) => !unread.has(c) && c.topic !== 'bulk' && c.topic !== 'fixture' && c.topic !== 'calendar' && ageOf(c) < 42);
  for (const c of rng.sample(flaggable, 9)) {
    const received = utcToCivil(c.sentUtc);
    const due = onOrAfterWorkday(startOfCivilDay(received) + rng.int(2, 6) * DAY);
    flags.set(c, { flagStatus: 'flagged', startDateTime: flagDate(received), dueDateTime: flagDate(due) });
  }
  const archived = composed.filter((c) => folderOf.get(c) === 'archive' && c.topic !== 'bulk' && c.author.key !== 'aino');
  for (const c of rng.sample(archived, 5)) {
    const received = utcToCivil(c.sentUtc);
    const done = Math.min(received + rng.int(2, 72) * HOUR, utcToCivil(anchorUtc) - HOUR);
    flags.set(c, {
      flagStatus: 'complete',
      startDateTime: flagDate(received),
      dueDateTime: flagDate(onOrAfterWorkday(startOfCivilDay(received) + 3 * DAY)),
      completedDateTime: { dateTime: graphDateTime(civilToUtc(done)), timeZone: 'UTC' },
    });
  }

  const messages = composed.map((c): SeedMessage => {
    const m = c.msg;
    const folder = folderOf.get(c) ?? 'inbox';
    const msg: SeedMessage = {
      folder,
      subject: m.subject,
      bodyPreview: m.bodyPreview,
      body: m.body,
      from: m.from,
      sender: m.sender,
      toRecipients: m.toRecipients,
      ccRecipients: m.ccRecipients,
      replyTo: m.replyTo,
      receivedDateTime: m.receivedDateTime,
      sentDateTime: m.sentDateTime,
      isRead: !unread.has(c),
      isDraft: false,
      importance: m.importance,
      hasAttachments: m.hasAttachments,
      conversationId: m.conversationId,
      internetMessageId: m.internetMessageId,
      categories: categoriesOf.get(c) ?? [],
      flag: flags.get(c) ?? { flagStatus: 'notFlagged' },
      inferenceClassification: m.inferenceClassification,
    };
    if (m.conversationIndex !== undefined) msg.conversationIndex = m.conversationIndex;
    return msg;
  });
  messages.sort((a, b) => a.receivedDateTime.localeCompare(b.receivedDateTime) || a.internetMessageId.localeCompare(b.internetMessageId));
  return messages;
}

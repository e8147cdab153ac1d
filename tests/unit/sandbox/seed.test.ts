/**
 * The sandbox's seeded dataset: deterministic, realistic in shape and volume, internally consistent
 * (threads, senders, calendar), and carrying the hostile fixtures UI tests rely on.
 */
import {
  CATEGORIES,
  civilToUtc,
  DEFAULT_SEED,
  generateMailbox,
  helsinkiOffset,
  HOSTILE_FIXTURES,
  SCENARIO_FIXTURES,
  INSTITUTE_DOMAIN,
  ORGANISATIONS,
  orgOfAddress,
  PEOPLE,
  PREFIX_RE,
  PROJECT_FOLDER,
  STUDENTS_FOLDER,
  PUBLIC_DOMAINS,
  stripPrefixes,
  TARGET_MESSAGES,
  UNREAD_TARGET,
  USER_FOLDERS,
  type SeedEvent,
  type SeedMailbox,
  type SeedMessage,
} from '../../../dev/sandbox/seed';

const DAY = 86_400_000;
const ANCHOR = new Date('2026-11-22T10:30:00Z');
const mailbox = generateMailbox({ seed: DEFAULT_SEED, anchor: ANCHOR });
const ms = (iso: string): number => Date.parse(iso);
const eventMs = (dtz: { dateTime: string; timeZone: string }): number => Date.parse(`${dtz.dateTime.slice(0, 19)}Z`);
const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();
const isAino = (m: SeedMessage): boolean => m.from.emailAddress.address === 'aino.laine@seutuopisto.fi';
const PEOPLE_BY_ADDRESS = new Map(Object.values(PEOPLE).map((p) => [p.address, p]));
const WELL_KNOWN = ['inbox', 'sentitems', 'archive', 'deleteditems'];

/** Helsinki wall clock of a UTC instant, from ICU (independent of the generator's own DST code). */
const helsinkiParts = (() => {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Helsinki',
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (utcMs: number) => {
    const parts = Object.fromEntries(fmt.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
    return {
      weekday: parts.weekday ?? '',
      date: `${parts.year}-${parts.month}-${parts.day}`,
      minutes: Number(parts.hour) * 60 + Number(parts.minute),
    };
  };
})();

function conversations(mb: SeedMailbox): SeedMessage[][] {
  const byConv = new Map<string, SeedMessage[]>();
  for (const m of mb.messages) byConv.set(m.conversationId, [...(byConv.get(m.conversationId) ?? []), m]);
  return [...byConv.values()].map((list) => list.sort((a, b) => ms(a.sentDateTime) - ms(b.sentDateTime)));
}

function walkStrings(value: unknown, path: string, visit: (s: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, `${path}[${i}]`, visit));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walkStrings(v, `${path}.${k}`, visit);
  }
}

describe('determinism', () => {
  it('gives a deep-equal mailbox for the same seed and anchor', () => {
    const again = generateMailbox({ seed: DEFAULT_SEED, anchor: new Date(ANCHOR.getTime()) });
    expect(again).toEqual(mailbox);
  });

  it('is plain JSON (survives a round trip unchanged)', () => {
    expect(JSON.parse(JSON.stringify(mailbox))).toEqual(mailbox);
  });

  it('changes picks with the seed but keeps the directory and fixtures', () => {
    const other = generateMailbox({ seed: DEFAULT_SEED + 1, anchor: ANCHOR });
    expect(other.messages.map((m) => m.sentDateTime)).not.toEqual(mailbox.messages.map((m) => m.sentDateTime));
    expect(other.messages.map((m) => m.subject).sort()).not.toEqual(mailbox.messages.map((m) => m.subject).sort());
    expect(other.events.map((e) => e.start.dateTime)).not.toEqual(mailbox.events.map((e) => e.start.dateTime));
    expect(other.user).toEqual(mailbox.user);
    expect(other.colleagues).toEqual(mailbox.colleagues);
    for (const f of Object.values(HOSTILE_FIXTURES)) {
      expect(other.messages.filter((m) => m.internetMessageId === f.internetMessageId)).toHaveLength(1);
    }
  });

  it('does not share mutable state between calls', () => {
    const a = generateMailbox({ seed: 7, anchor: ANCHOR });
    a.user.displayName = 'changed';
    a.folders.push({ displayName: 'x', parent: 'inbox' });
    a.colleagues[0]!.jobTitle = 'changed';
    const b = generateMailbox({ seed: 7, anchor: ANCHOR });
    expect(b.user.displayName).toBe('Aino Laine');
    expect(b.folders).toHaveLength(USER_FOLDERS.length);
    expect(b.colleagues[0]!.jobTitle).not.toBe('changed');
  });

  it('rejects an invalid anchor', () => {
    expect(() => generateMailbox({ seed: 1, anchor: new Date('nope') })).toThrow(RangeError);
  });
});

describe('Helsinki time conversion', () => {
  it('agrees with ICU on the UTC offset across three years, every 3 hours and around every DST switch', () => {
    const instants: number[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2028, 0, 1); t += 3 * 3_600_000) instants.push(t);
    for (const [y, m, d] of [[2026, 2, 29], [2026, 9, 25], [2027, 2, 28], [2027, 9, 31]] as const) {
      for (let k = -6; k <= 6; k++) instants.push(Date.UTC(y, m, d, 1) + k * 15 * 60_000);
    }
    for (const t of instants) {
      const p = helsinkiParts(t);
      const wall = Date.parse(`${p.date}T00:00:00Z`) + p.minutes * 60_000;
      expect(helsinkiOffset(t)).toBe(wall - Math.floor(t / 60_000) * 60_000);
    }
  });

  it('converts wall time back to UTC (summer and winter)', () => {
    expect(new Date(civilToUtc(Date.UTC(2026, 6, 1, 9))).toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(new Date(civilToUtc(Date.UTC(2026, 11, 1, 9))).toISOString()).toBe('2026-12-01T07:00:00.000Z');
  });
});

describe('user, colleagues and folders', () => {
  it('describes Aino as Graph does', () => {
    const u = mailbox.user;
    expect(u).toMatchObject({
      displayName: 'Aino Laine',
      mail: 'aino.laine@seutuopisto.fi',
      userPrincipalName: 'aino.laine@seutuopisto.fi',
      givenName: 'Aino',
      surname: 'Laine',
      jobTitle: 'koulutussuunnittelija',
      preferredLanguage: 'fi-FI',
      mailboxSettings: { timeZone: 'FLE Standard Time', language: { locale: 'fi-FI' } },
    });
    expect(u.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('lists colleagues of the same tenant with unique ids, not Aino herself', () => {
    const ids = new Set([mailbox.user.id, ...mailbox.colleagues.map((c) => c.id)]);
    expect(ids.size).toBe(mailbox.colleagues.length + 1);
    expect(mailbox.colleagues.length).toBeGreaterThanOrEqual(8);
    for (const c of mailbox.colleagues) {
      expect(c.mail).toMatch(new RegExp(`@${INSTITUTE_DOMAIN.replace('.', '\\.')}$`));
      expect(c.userPrincipalName).toBe(c.mail);
      expect(c.mail).not.toBe(mailbox.user.mail);
      expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('puts every message in a well-known folder or a listed user folder, and uses both user folders', () => {
    expect(mailbox.folders).toEqual([
      { displayName: PROJECT_FOLDER, parent: 'msgfolderroot' },
      { displayName: STUDENTS_FOLDER, parent: 'inbox' },
    ]);
    const names = mailbox.folders.map((f) => f.displayName);
    for (const m of mailbox.messages) expect([...WELL_KNOWN, ...names]).toContain(m.folder);
    for (const folder of names) {
      const inFolder = mailbox.messages.filter((m) => m.folder === folder);
      expect(new Set(inFolder.map((m) => m.conversationId)).size).toBeGreaterThanOrEqual(4);
      for (const m of inFolder) expect(isAino(m)).toBe(false);
    }
    for (const m of mailbox.messages.filter((x) => x.folder === STUDENTS_FOLDER)) expect(m.categories).not.toContain('Hanke');
  });
});

describe('volume and mailbox state', () => {
  const count = (f: (m: SeedMessage) => boolean): number => mailbox.messages.filter(f).length;

  it('has a few hundred messages and about forty events', () => {
    expect(mailbox.messages).toHaveLength(TARGET_MESSAGES);
    expect(mailbox.events.length).toBeGreaterThanOrEqual(35);
    expect(mailbox.events.length).toBeLessThanOrEqual(50);
  });

  it('looks lived-in: mostly inbox, Aino’s replies in sent items, some archived, a few deleted', () => {
    const n = mailbox.messages.length;
    expect(count((m) => m.folder === 'inbox') / n).toBeGreaterThan(0.5);
    expect(count((m) => m.folder === 'inbox') / n).toBeLessThan(0.7);
    expect(count((m) => m.folder === 'archive')).toBeGreaterThanOrEqual(15);
    expect(count((m) => m.folder === 'deleteditems')).toBeGreaterThanOrEqual(1);
    expect(count((m) => m.folder === 'deleteditems')).toBeLessThanOrEqual(15);
    expect(count((m) => m.folder === 'sentitems')).toBeGreaterThanOrEqual(40);
    // Sent items are exactly Aino's own mail.
    for (const m of mailbox.messages) expect(m.folder === 'sentitems').toBe(isAino(m));
  });

  it('leaves about thirty inbox messages unread, the rest read', () => {
    const unread = mailbox.messages.filter((m) => !m.isRead);
    expect(unread).toHaveLength(UNREAD_TARGET);
    for (const m of unread) expect(m.folder).toBe('inbox');
    // Unread mail skews recent.
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const age = (m: SeedMessage): number => ANCHOR.getTime() - ms(m.receivedDateTime);
    expect(median(unread.map(age))).toBeLessThan(median(mailbox.messages.filter((m) => m.folder === 'inbox' && m.isRead).map(age)));
  });

  it('has flagged (some overdue) and completed flags with Graph-shaped dates', () => {
    const flagged = mailbox.messages.filter((m) => m.flag.flagStatus === 'flagged');
    const complete = mailbox.messages.filter((m) => m.flag.flagStatus === 'complete');
    expect(flagged.length).toBeGreaterThanOrEqual(5);
    expect(complete.length).toBeGreaterThanOrEqual(3);
    const dtz = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.0000000$/;
    for (const m of [...flagged, ...complete]) {
      expect(m.flag.startDateTime?.dateTime).toMatch(dtz);
      expect(m.flag.dueDateTime?.dateTime).toMatch(dtz);
      expect(m.flag.startDateTime?.timeZone).toBe('UTC');
      expect(eventMs(m.flag.dueDateTime!)).toBeGreaterThan(eventMs(m.flag.startDateTime!));
      expect(isAino(m)).toBe(false);
    }
    for (const m of flagged) {
      expect(m.folder).toBe('inbox');
      expect(m.flag.completedDateTime).toBeUndefined();
    }
    for (const m of complete) {
      expect(m.folder).toBe('archive');
      expect(eventMs(m.flag.completedDateTime!)).toBeGreaterThanOrEqual(ms(m.receivedDateTime) - 1000);
      expect(eventMs(m.flag.completedDateTime!)).toBeLessThan(ANCHOR.getTime());
    }
    expect(flagged.some((m) => eventMs(m.flag.dueDateTime!) < ANCHOR.getTime())).toBe(true);
    for (const m of mailbox.messages.filter((x) => x.flag.flagStatus === 'notFlagged')) expect(Object.keys(m.flag)).toEqual(['flagStatus']);
  });

  it('uses a couple of categories, and newsletters sit in Other', () => {
    const used = new Set(mailbox.messages.flatMap((m) => m.categories));
    expect([...used].sort()).toEqual([...CATEGORIES].sort());
    expect(count((m) => m.categories.includes('Hanke'))).toBeGreaterThanOrEqual(10);
    expect(count((m) => m.categories.includes('Opiskelijat'))).toBeGreaterThanOrEqual(10);
    const other = mailbox.messages.filter((m) => m.inferenceClassification === 'other');
    expect(other.length).toBeGreaterThanOrEqual(20);
    expect(other.some((m) => m.subject.startsWith('Seutuopiston viikkotiedote'))).toBe(true);
    expect(count((m) => m.inferenceClassification === 'focused')).toBeGreaterThan(other.length * 2);
  });

  it('mixes Finnish and English, importance levels and attachments', () => {
    expect(mailbox.messages.some((m) => m.subject === 'Interview request: adult learning in Finland')).toBe(true);
    expect(count((m) => /\b(the|and|you)\b/.test(m.bodyPreview))).toBeGreaterThanOrEqual(10);
    expect(count((m) => /\b(ja|on|kiitos)\b/i.test(m.bodyPreview))).toBeGreaterThan(200);
    expect(count((m) => m.importance === 'high')).toBeGreaterThanOrEqual(2);
    expect(count((m) => m.hasAttachments)).toBeGreaterThanOrEqual(15);
    expect(count((m) => m.body.contentType === 'text')).toBeGreaterThanOrEqual(10);
    expect(count((m) => m.body.contentType === 'html')).toBeGreaterThan(150);
  });
});

describe('dates', () => {
  const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

  it.each([
    ['default', DEFAULT_SEED, ANCHOR],
    ['spring-forward night', 3, new Date('2026-03-29T01:30:00Z')],
    ['fall-back night', 4, new Date('2026-10-25T00:30:00Z')],
    ['new year', 5, new Date('2027-01-01T12:00:00Z')],
    ['midsummer', 6, new Date('2027-06-25T08:00:00Z')],
  ])('keeps every message within six months before the anchor (%s)', (_label, seed, anchor) => {
    const mb = generateMailbox({ seed, anchor });
    const now = anchor.getTime();
    expect(mb.messages.length).toBeGreaterThanOrEqual(280);
    for (const m of mb.messages) {
      expect(m.sentDateTime).toMatch(iso);
      expect(m.receivedDateTime).toMatch(iso);
      const sent = ms(m.sentDateTime);
      const received = ms(m.receivedDateTime);
      expect(received).toBeGreaterThanOrEqual(sent);
      expect(received - sent).toBeLessThan(2 * 60_000);
      expect(received).toBeLessThan(now);
      expect(sent).toBeGreaterThan(now - 184 * DAY);
    }
    for (const list of conversations(mb)) {
      for (let i = 1; i < list.length; i++) expect(ms(list[i]!.sentDateTime)).toBeGreaterThan(ms(list[i - 1]!.receivedDateTime));
    }
  });

  it('is denser recently', () => {
    const age = (m: SeedMessage): number => (ANCHOR.getTime() - ms(m.sentDateTime)) / DAY;
    const recent = mailbox.messages.filter((m) => age(m) < 30).length;
    const oldest = mailbox.messages.filter((m) => age(m) >= 150).length;
    expect(recent).toBeGreaterThan(oldest * 2);
    expect(mailbox.messages.filter((m) => age(m) >= 120).length).toBeGreaterThan(10);
  });

  it('happens mostly in Helsinki working hours, some in the evening', () => {
    const local = mailbox.messages.map((m) => helsinkiParts(ms(m.sentDateTime)));
    const working = local.filter((p) => !['Sat', 'Sun'].includes(p.weekday) && p.minutes >= 7 * 60 && p.minutes < 17 * 60);
    const evening = local.filter((p) => p.minutes >= 17 * 60 + 30 && p.minutes <= 22 * 60 + 30);
    expect(working.length / local.length).toBeGreaterThan(0.75);
    expect(evening.length).toBeGreaterThanOrEqual(5);
    expect(local.filter((p) => p.minutes < 6 * 60).length).toBe(0);
  });
});

describe('threads', () => {
  const threads = conversations(mailbox).filter((l) => l.length > 1);

  it('has about forty conversations of two to six messages, many answered by Aino', () => {
    expect(threads.length).toBeGreaterThanOrEqual(35);
    for (const t of threads) expect(t.length).toBeLessThanOrEqual(6);
    expect(threads.filter((t) => t.some(isAino)).length).toBeGreaterThanOrEqual(30);
  });

  it('keeps subject, prefixes and conversation index consistent within a thread', () => {
    for (const t of threads) {
      const base = stripPrefixes(t[0]!.subject);
      expect(base.length).toBeGreaterThan(0);
      const header = Buffer.from(t[0]!.conversationIndex!, 'base64');
      expect(header.length).toBe(22);
      t.forEach((m, i) => {
        expect(stripPrefixes(m.subject)).toBe(base);
        if (i > 0) expect(m.subject).toMatch(PREFIX_RE);
        const idx = Buffer.from(m.conversationIndex!, 'base64');
        expect(idx.length).toBe(22 + 5 * i);
        expect(idx.subarray(0, 22).equals(header.subarray(0, 22))).toBe(true);
      });
    }
    // Each client's own prefix appears: Finnish Outlook (Vs:), Gmail/webmail (Re:), English Outlook (RE:), forwards (VL:).
    const subjects = threads.flat().map((m) => m.subject);
    for (const prefix of ['Vs: ', 'Re: ', 'RE: ', 'VL: ']) expect(subjects.some((s) => s.startsWith(prefix))).toBe(true);
  });

  it('gives every conversation one id and every message a unique internetMessageId', () => {
    const ids = mailbox.messages.map((m) => m.internetMessageId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^<[^<>\s]+@[^<>\s]+>$/);
    const convIds = new Set(mailbox.messages.map((m) => m.conversationId));
    for (const id of convIds) expect(id).toMatch(/^AAQk[A-Za-z0-9_-]+=*$/);
    // Each conversation has its own conversation-index header (time + GUID), as Outlook would stamp it.
    const headers = conversations(mailbox).map((l) => Buffer.from(l[0]!.conversationIndex!, 'base64').subarray(0, 22).toString('hex'));
    expect(new Set(headers).size).toBe(headers.length);
  });

  it('quotes the previous message in replies', () => {
    for (const t of threads) {
      for (let i = 1; i < t.length; i++) {
        const body = t[i]!.body.content;
        expect(/Lähettäjä:|From:|kirjoitti:|wrote:|Alkuperäinen viesti/.test(body)).toBe(true);
      }
    }
  });
});

describe('senders and organisations', () => {
  it('gives every organisation its own non-public domain and its people addresses there', () => {
    const domains = ORGANISATIONS.map((o) => o.domain);
    expect(new Set(domains).size).toBe(domains.length);
    for (const d of domains) expect(PUBLIC_DOMAINS as readonly string[]).not.toContain(d);
    for (const p of Object.values(PEOPLE)) {
      if (p.org === null) expect(PUBLIC_DOMAINS as readonly string[]).toContain(domainOf(p.address));
      else expect(domainOf(p.address)).toBe(ORGANISATIONS.find((o) => o.key === p.org)?.domain);
    }
  });

  it('has senders whose domain matches their organisation (malformed fixture aside)', () => {
    for (const m of mailbox.messages) {
      expect(m.sender).toEqual(m.from);
      if (m.internetMessageId === HOSTILE_FIXTURES.malformedFrom.internetMessageId) continue;
      const address = m.from.emailAddress.address;
      const person = PEOPLE_BY_ADDRESS.get(address);
      expect(person).toBeDefined();
      expect(m.from.emailAddress.name).toBe(person!.name);
      const org = orgOfAddress(address);
      if ((PUBLIC_DOMAINS as readonly string[]).includes(domainOf(address))) {
        expect(org).toBeNull();
        expect(person!.org).toBeNull();
      } else {
        expect(org?.key).toBe(person!.org);
      }
      for (const r of [...m.toRecipients, ...m.ccRecipients, ...m.replyTo]) expect(PEOPLE_BY_ADDRESS.has(r.emailAddress.address)).toBe(true);
    }
  });

  it('includes students and individuals on public mail domains', () => {
    const publicSenders = new Set(
      mailbox.messages.map((m) => m.from.emailAddress.address).filter((a) => (PUBLIC_DOMAINS as readonly string[]).includes(domainOf(a))),
    );
    expect(publicSenders.size).toBeGreaterThanOrEqual(6);
    const domains = new Set([...publicSenders].map(domainOf));
    for (const d of PUBLIC_DOMAINS) expect(domains).toContain(d);
  });

  it('covers the stakeholder kinds of an adult-education institute', () => {
    const senderOrgs = new Set(mailbox.messages.map((m) => orgOfAddress(m.from.emailAddress.address)?.key).filter(Boolean));
    for (const key of ['seutuopisto', 'ely', 'amk', 'amo', 'kaupunki', 'kunta', 'yrittajat', 'hoiva', 'konepaja', 'sahko', 'arviointi', 'valmennus', 'pito', 'datariihi', 'paino', 'lehti', 'glenmore', 'lindenhof', 'nlr']) {
      expect(senderOrgs).toContain(key);
    }
    const senderKeys = new Set(mailbox.messages.map((m) => PEOPLE_BY_ADDRESS.get(m.from.emailAddress.address)?.key));
    for (const key of ['oksana', 'pertti', 'aleksi', 'emilia', 'lan', 'ronja', 'seppo', 'daniel', 'aino']) expect(senderKeys).toContain(key);
  });
});

describe('hostile fixtures', () => {
  const find = (id: string): SeedMessage[] => mailbox.messages.filter((m) => m.internetMessageId === id);

  it('are each present once, in the Inbox, as exported', () => {
    for (const f of Object.values(HOSTILE_FIXTURES)) {
      const found = find(f.internetMessageId);
      expect(found).toHaveLength(1);
      const m = found[0]!;
      expect(m.subject).toBe(f.subject);
      expect(m.from.emailAddress).toEqual({ name: f.fromName, address: f.fromAddress });
      expect(m.folder).toBe('inbox');
      expect(mailbox.messages.filter((x) => x.subject === f.subject)).toHaveLength(1);
    }
  });

  it('carry the content they promise', () => {
    const F = HOSTILE_FIXTURES;
    expect(F.htmlSubject.subject).toBe('<img src=x onerror=alert(1)> Tarjous "erikoishinta" & <b>ale</b>');
    const html = find(F.htmlSubject.internetMessageId)[0]!;
    expect(html.body.content).toContain('<script>alert(3)</script>');
    expect(html.body.content).toContain('onerror="alert(2)"');
    expect(html.bodyPreview).toContain('<script>');
    expect(F.rtl.subject).toMatch(/\u200F/);
    expect(F.rtl.subject).toMatch(/[\u0600-\u06FF]/);
    expect(F.rtl.fromName).toMatch(/[\u0600-\u06FF]/);
    expect(F.emoji.subject).toMatch(/\p{Extended_Pictographic}/u);
    expect(F.emoji.subject).toContain('\u200D');
    expect(F.longSubject.subject).toHaveLength(10_000);
    expect(F.apostrophe.fromAddress).toBe("o'brien@glenmore-fe.com");
    expect(F.apostrophe.fromName).toContain("'");
    expect(F.malformedFrom.fromAddress).not.toMatch(/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i);
    expect(orgOfAddress(F.malformedFrom.fromAddress)).toBeNull();
  });
});

describe('calendar', () => {
  const dtz = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.0000000$/;
  const now = ANCHOR.getTime();
  const aino = 'aino.laine@seutuopisto.fi';

  it('uses Graph date shapes and covers three months back, two ahead', () => {
    for (const e of mailbox.events) {
      expect(e.start.dateTime).toMatch(dtz);
      expect(e.end.dateTime).toMatch(dtz);
      expect(e.start.timeZone).toBe('UTC');
      expect(eventMs(e.end)).toBeGreaterThan(eventMs(e.start));
      expect(eventMs(e.start)).toBeGreaterThan(now - 92 * DAY);
      expect(eventMs(e.start)).toBeLessThan(now + 62 * DAY);
      expect(['busy', 'tentative', 'free', 'oof', 'workingElsewhere']).toContain(e.showAs);
    }
    const past = mailbox.events.filter((e) => eventMs(e.start) < now).length;
    const future = mailbox.events.filter((e) => eventMs(e.start) > now).length;
    expect(past).toBeGreaterThanOrEqual(15);
    expect(future).toBeGreaterThanOrEqual(10);
  });

  it('has valid recurrence shapes: weekly noEnd, biweekly numbered, monthly endDate', () => {
    const masters = mailbox.events.filter((e) => e.type === 'seriesMaster');
    for (const e of mailbox.events) expect(e.type === 'seriesMaster').toBe(e.recurrence !== null);
    for (const e of masters) {
      const r = e.recurrence!;
      const local = helsinkiParts(eventMs(e.start));
      expect(r.range.startDate).toBe(local.date);
      expect(r.range.recurrenceTimeZone).toBe('FLE Standard Time');
      expect(r.pattern.interval).toBeGreaterThanOrEqual(1);
      if (r.pattern.type === 'weekly') {
        expect(r.pattern.daysOfWeek?.map((d) => d.slice(0, 3).toLowerCase())).toContain(local.weekday.toLowerCase());
      }
      if (r.pattern.type === 'absoluteMonthly') expect(r.pattern.dayOfMonth).toBe(Number(local.date.slice(8)));
      if (r.range.type === 'endDate') expect(r.range.endDate! > r.range.startDate).toBe(true);
      if (r.range.type === 'numbered') expect(r.range.numberOfOccurrences).toBeGreaterThan(0);
      if (r.range.type === 'noEnd') expect(r.range.endDate).toBe('0001-01-01');
    }
    const shape = (e: SeedEvent) => `${e.recurrence!.pattern.type}/${e.recurrence!.pattern.interval}/${e.recurrence!.range.type}`;
    expect(masters.map(shape).sort()).toEqual(['absoluteMonthly/1/endDate', 'weekly/1/noEnd', 'weekly/2/numbered']);
    // The weekly team meeting stays at 9.00 Helsinki time whatever the DST state of its first day.
    const team = masters.find((e) => e.recurrence!.range.type === 'noEnd')!;
    expect(helsinkiParts(eventMs(team.start)).minutes).toBe(9 * 60);
  });

  it('has all-day entries, online meetings, and Aino as organiser and attendee', () => {
    const allDay = mailbox.events.filter((e) => e.isAllDay);
    expect(allDay.length).toBeGreaterThanOrEqual(2);
    for (const e of allDay) {
      expect(e.start.dateTime.slice(11)).toBe('00:00:00.0000000');
      expect((eventMs(e.end) - eventMs(e.start)) % DAY).toBe(0);
    }
    expect(allDay.some((e) => e.showAs === 'oof')).toBe(true);
    const online = mailbox.events.filter((e) => e.isOnlineMeeting);
    expect(online.length).toBeGreaterThanOrEqual(3);
    for (const e of online) expect(e.onlineMeeting?.joinUrl).toMatch(/^https:\/\//);
    for (const e of mailbox.events) {
      expect(e.isOrganizer).toBe(e.organizer.emailAddress.address === aino);
      expect(e.responseStatus.response === 'organizer').toBe(e.isOrganizer);
      if (!e.isOrganizer) expect(e.attendees.map((a) => a.emailAddress.address)).toContain(aino);
      else expect(e.attendees.map((a) => a.emailAddress.address)).not.toContain(aino);
    }
    expect(mailbox.events.filter((e) => e.isOrganizer && e.attendees.length > 0).length).toBeGreaterThanOrEqual(8);
    expect(mailbox.events.filter((e) => !e.isOrganizer).length).toBeGreaterThanOrEqual(10);
  });

  it('does not double-book timed single meetings', () => {
    const timed = mailbox.events.filter((e) => !e.isAllDay && e.type === 'singleInstance').sort((a, b) => eventMs(a.start) - eventMs(b.start));
    for (let i = 1; i < timed.length; i++) expect(eventMs(timed[i]!.start)).toBeGreaterThanOrEqual(eventMs(timed[i - 1]!.end));
  });

  it('matches accept/decline mails to the attendee answers on Aino’s events', () => {
    const replies = mailbox.messages.filter((m) => /^(Hyväksytty|Alustavasti hyväksytty|Hylätty|Accepted|Tentative|Declined): /.test(m.subject));
    expect(replies.length).toBeGreaterThanOrEqual(3);
    const expected: Record<string, string> = {
      Hyväksytty: 'accepted', Accepted: 'accepted', 'Alustavasti hyväksytty': 'tentativelyAccepted', Tentative: 'tentativelyAccepted', Hylätty: 'declined', Declined: 'declined',
    };
    for (const m of replies) {
      const [verb, ...rest] = m.subject.split(': ');
      const subject = rest.join(': ');
      const answers = mailbox.events
        .filter((e) => e.isOrganizer && e.subject === subject)
        .flatMap((e) => e.attendees.filter((a) => a.emailAddress.address === m.from.emailAddress.address));
      expect(answers.map((a) => a.status.response)).toContain(expected[verb!]);
      const answered = answers.find((a) => a.status.response === expected[verb!])!;
      expect(answered.status.time).toBe(m.sentDateTime);
    }
  });
});

describe('strings', () => {
  it('are never empty anywhere in the dataset', () => {
    const empty: string[] = [];
    walkStrings(mailbox, 'mailbox', (s, path) => {
      if (s.trim() === '') empty.push(path);
    });
    expect(empty).toEqual([]);
  });

  it('keep bodyPreview to Graph’s 255 characters of collapsed body text', () => {
    for (const m of [...mailbox.messages, ...mailbox.events]) {
      expect(m.bodyPreview.length).toBeLessThanOrEqual(255);
      expect(m.bodyPreview).not.toMatch(/\s{2}|^\s|\s$/);
    }
  });
});

describe('scenario fixtures', () => {
  // The e2e walk-through opens both from the first page of the Inbox; the anchor is "now" there, so every weekday must hold.
  it.each(['2026-12-06T22:40:00Z', '2026-12-07T09:00:00Z', '2027-03-28T01:30:00Z', '2026-06-20T12:00:00Z'])('are two senders of one organisation near the top of the Inbox (anchor %s)', (iso) => {
    const inbox = generateMailbox({ seed: DEFAULT_SEED, anchor: new Date(iso) })
      .messages.filter((m) => m.folder === 'inbox')
      .sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));
    const senders = Object.values(SCENARIO_FIXTURES).map((f) => {
      const at = inbox.findIndex((m) => m.internetMessageId === f.internetMessageId);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(30);
      expect(inbox[at]!.subject).toBe(f.subject);
      expect(Date.parse(inbox[at]!.receivedDateTime)).toBeLessThan(Date.parse(iso));
      return inbox[at]!.from.emailAddress.address;
    });
    expect(new Set(senders).size).toBe(2);
    expect(new Set(senders.map((a) => a.split('@')[1]))).toEqual(new Set(['datariihi.fi']));
  });
});

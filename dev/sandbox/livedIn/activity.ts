/**
 * What colleagues did with the record over the past months, decided from the seed and the seeded
 * mailbox: they filed mail from the mailbox's senders (the same messages Aino has, by
 * internetMessageId), mail of their own to the record's other people, and notes of calls and meetings.
 * Every person with several items has them filed by several colleagues in turn, so a sender's card
 * shows colleagues' history.
 */
import type { FiledItem } from '../../../src/domain/itemKeys';
import { Rng } from '../seed/random';
import type { RecordPlan } from './plan';

/** A message of the seeded mailbox, as Graph lists it. */
export interface MailboxMessage {
  id: string;
  internetMessageId: string | null;
  conversationId: string | null;
  subject: string;
  receivedDateTime: string;
  from: { name: string; address: string } | null;
}

export interface Filer {
  name: string;
  upn: string;
}

export type Activity =
  | { kind: 'file'; at: Date; filer: number; item: FiledItem; entities: string[]; note: string }
  | { kind: 'note'; at: Date; filer: number; headline: string; body: string; entities: string[] };

const DAY = 86_400_000;
const MINUTE = 60_000;

const MAIL_TOPICS = [
  'Työpaikkaohjaajan koulutus syksyllä',
  'Oppisopimuksen jatko ja näyttöjen aikataulu',
  'Ohjausryhmän kokouksen muistio',
  'Kysymys ilmoittautumisesta',
  'Tarjous: koulutuspäivän tarjoilu',
  'Hankkeen väliraportti',
  'Yhteistyösopimuksen luonnos',
  'Haastattelupyyntö',
  'Koulutuskalenteri kevät',
  'Opiskelijan harjoittelupaikka',
  'Lasku ja maksatushakemus',
  'Kiitos tapaamisesta',
  'Tilavaraus ja laitteet',
  'Arviointikeskustelun ajankohta',
];

const NOTE_TOPICS: ReadonlyArray<[string, string]> = [
  ['Puhelu: näyttöjen aikataulu', 'Sovittiin, että näyttö siirtyy viikolla. Lähetän uuden kutsun.'],
  ['Puhelu: opiskelijan tilanne', 'Opiskelija jatkaa työpaikalla; seuraava ohjauskeskustelu kuukauden päästä.'],
  ['Tapaaminen: yhteistyön jatko', 'Käytiin läpi ensi vuoden koulutustarpeet. Tarjous lähtee kahden viikon sisällä.'],
  ['Tapaaminen messuilla', 'Kiinnostunut henkilöstökoulutuksesta, erityisesti digitaidoista.'],
  ['Puhelu: laskun tarkistus', 'Lasku korjataan; uusi lasku tulee sähköpostilla.'],
  ['Teams-palaveri: hankkeen ohjausryhmä', 'Väliraportti hyväksyttiin. Seuraava kokous syyskuussa.'],
  ['Puhelu: rahoituksen maksatus', 'Maksatushakemukseen tarvitaan vielä tuntikirjanpito.'],
  ['Kohtaaminen kirjastolla', 'Kysyi kansalaisopiston kevään kursseista, lupasin lähettää esitteen.'],
];

function workTime(rng: Rng, anchor: Date, maxDaysAgo: number): Date {
  const day = anchor.getTime() - rng.int(1, maxDaysAgo) * DAY;
  const d = new Date(day);
  const weekday = d.getUTCDay();
  const shift = weekday === 0 ? -2 : weekday === 6 ? -1 : 0;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + shift, 6 + rng.int(0, 8), rng.int(0, 59)));
}

/** After `at` by a few minutes to a day or two, never later than just before the anchor. */
function later(rng: Rng, at: Date, anchor: Date): Date {
  const t = at.getTime() + rng.pick([5, 20, 60, 180, 1440, 2880]) * MINUTE + rng.int(0, 59) * MINUTE;
  return new Date(Math.min(t, anchor.getTime() - 15 * MINUTE));
}

export function planActivity(seed: number, anchor: Date, plan: RecordPlan, messages: readonly MailboxMessage[], filerCount: number): Activity[] {
  const rng = new Rng(seed).fork('livedIn/activity');
  const byAddress = new Map(plan.people.map((p) => [p.email.toLowerCase(), p]));
  const projectsOf = new Map<string, string[]>();
  for (const project of plan.projects) {
    for (const { entity } of project.participants) projectsOf.set(entity, [...(projectsOf.get(entity) ?? []), project.key]);
  }
  // Each person's items are filed by colleagues in turn, from a starting colleague of their own.
  const turns = new Map<string, number>();
  const filerFor = (personKey: string): number => {
    const turn = turns.get(personKey) ?? rng.int(0, filerCount - 1);
    turns.set(personKey, turn + 1);
    return turn % filerCount;
  };
  const targets = (personKey: string, organisation: string | null): string[] => {
    const out = [`person:${personKey}`];
    if (organisation && rng.chance(0.5)) out.push(`org:${organisation}`);
    const projects = [...(projectsOf.get(`person:${personKey}`) ?? []), ...(organisation ? (projectsOf.get(`org:${organisation}`) ?? []) : [])];
    if (projects.length && rng.chance(0.4)) out.push(`project:${rng.pick(projects)}`);
    return [...new Set(out)];
  };
  const copyId = (filer: number, n: string): string => `AAMkLivedIn${filer}-${n}`;

  const out: Activity[] = [];
  for (const message of messages) {
    const person = message.from ? byAddress.get(message.from.address.toLowerCase()) : undefined;
    if (!person || !rng.chance(0.85)) continue;
    const filer = filerFor(person.key);
    const date = new Date(message.receivedDateTime);
    out.push({
      kind: 'file',
      at: later(rng, date, anchor),
      filer,
      item: {
        kind: 'message',
        immutableId: copyId(filer, message.id.slice(-24)),
        internetMessageId: message.internetMessageId,
        conversationId: message.conversationId,
        subject: message.subject,
        from: message.from,
        date: date.toISOString(),
      },
      entities: targets(person.key, person.organisation),
      note: '',
    });
  }

  // Mail colleagues had with the record's people: three items each for the mailbox's senders (whose
  // cards the playground shows first), the rest spread over everyone else.
  const others = plan.people.filter((p) => !p.fromMailbox || rng.chance(0.5));
  const senders = plan.people.filter((p) => p.fromMailbox);
  for (let n = 0; n < 240 + senders.length * 3; n++) {
    const person = n < senders.length * 3 ? senders[n % senders.length]! : rng.pick(others);
    const filer = filerFor(person.key);
    const date = workTime(rng, anchor, 180);
    const domain = person.email.slice(person.email.indexOf('@') + 1);
    out.push({
      kind: 'file',
      at: later(rng, date, anchor),
      filer,
      item: {
        kind: 'message',
        immutableId: copyId(filer, `m${n}`),
        internetMessageId: `<${rng.hex(16)}.${n}@${domain}>`,
        conversationId: `AAQkLivedIn-${rng.hex(12)}`,
        subject: rng.pick(MAIL_TOPICS),
        from: { name: person.name, address: person.email },
        date: date.toISOString(),
      },
      entities: targets(person.key, person.organisation),
      note: rng.chance(0.15) ? 'Vastattu puhelimessa.' : '',
    });
  }

  for (let n = 0; n < 80; n++) {
    const person = rng.pick(plan.people);
    const [headline, body] = rng.pick(NOTE_TOPICS);
    out.push({ kind: 'note', at: workTime(rng, anchor, 170), filer: filerFor(person.key), headline, body, entities: targets(person.key, person.organisation) });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * What the lived-in record holds, decided from the seed alone: about 200 people, 60 organisations
 * and 15 projects with participants and roles. The mailbox's own senders (seed/directory.ts) are in it
 * under the names and domains their mail shows, so the playground's messages find their people.
 * Pure: the same seed gives the same plan on every machine.
 */
import { asciiFold, ORGANISATIONS, PEOPLE, PUBLIC_DOMAINS, type Role } from '../seed/directory';
import { Rng } from '../seed/random';
import { EXTRA_ORGANISATIONS, GIVEN_NAMES, SURNAMES, TITLES, type StakeholderRole } from './names';

export interface PlannedOrganisation {
  key: string;
  name: string;
  domains: string[];
  roles: StakeholderRole[];
}

export interface PlannedPerson {
  key: string;
  name: string;
  email: string;
  organisation: string | null;
  jobTitle: string;
  phone: string;
  roles: StakeholderRole[];
  /** A sender of the seeded mailbox. */
  fromMailbox: boolean;
}

export interface PlannedProject {
  key: string;
  name: string;
  projectKind: 'project' | 'fundedProject' | 'matter';
  status: 'planned' | 'active' | 'closed';
  startDate: string;
  endDate: string | null;
  /** `org:<key>` or `person:<key>`, with the role in the project. */
  participants: Array<{ entity: string; role: string }>;
}

export interface RecordPlan {
  organisations: PlannedOrganisation[];
  people: PlannedPerson[];
  projects: PlannedProject[];
}

/** The mailbox's senders that are not the record's: the institute's own staff and lists, newsletters, spam. */
const NOT_IN_RECORD_ORGS = new Set(['seutuopisto', 'tarjoustalo']);
const NEWSLETTER_TITLES = new Set(['uutiskirje', 'jäsentiedote']);

const ROLE_OF: Partial<Record<Role, StakeholderRole>> = {
  student: 'student',
  employer: 'employer',
  assessor: 'assessor',
  trainer: 'trainer',
  funder: 'funder',
  school: 'partnerSchool',
  partner: 'partnerSchool',
  university: 'university',
  supplier: 'supplier',
  vendor: 'supplier',
  media: 'media',
  municipality: 'municipality',
  association: 'association',
};

const stakeholderRoles = (roles: readonly Role[]): StakeholderRole[] => [...new Set(roles.flatMap((r) => (ROLE_OF[r] ? [ROLE_OF[r]] : [])))];

/** "Pöyryn Rakennus Oy" → poyrynrakennus.fi: the name's letters, folded as Finnish mail domains are. */
export function domainOf(name: string): string {
  return `${asciiFold(name.replace(/\s+(Oy|ry)$/u, '').replace(/\s+/g, ''))}.fi`;
}

interface ProjectTemplate {
  name: string;
  projectKind: PlannedProject['projectKind'];
  status: PlannedProject['status'];
  /** Months from the anchor's month: start, and end (null: open-ended). */
  months: [number, number | null];
  organisations: Array<[string, string]>;
}

/** Organisation keys: the mailbox's (seed/directory.ts) or `x<n>`, the n-th of EXTRA_ORGANISATIONS. */
const PROJECTS: readonly ProjectTemplate[] = [
  { name: 'Osaava Harjuseutu', projectKind: 'fundedProject', status: 'active', months: [-14, 10], organisations: [['ely', 'rahoittaja'], ['amk', 'osatoteuttaja'], ['kaupunki', 'kumppani'], ['yrittajat', 'kumppani']] },
  { name: 'Oppisopimusväylä 2026', projectKind: 'project', status: 'active', months: [-8, 4], organisations: [['konepaja', 'työpaikka'], ['hoiva', 'työpaikka'], ['sahko', 'työpaikka'], ['arviointi', 'arvioija']] },
  { name: 'Digiloikka pk-yrityksiin', projectKind: 'fundedProject', status: 'active', months: [-6, 12], organisations: [['x7', 'rahoittaja'], ['yrittajat', 'kumppani'], ['datariihi', 'toimittaja'], ['x20', 'toimittaja']] },
  { name: 'Kotoutumisen polut', projectKind: 'fundedProject', status: 'active', months: [-10, 8], organisations: [['ely', 'rahoittaja'], ['x19', 'asiantuntija'], ['x13', 'kumppani'], ['kansalaisopisto', 'kumppani']] },
  { name: 'Green Skills for Adult Educators (Erasmus+)', projectKind: 'fundedProject', status: 'active', months: [-9, 15], organisations: [['glenmore', 'koordinaattori'], ['ribeira', 'partneri'], ['lindenhof', 'partneri']] },
  { name: 'Hoiva-alan osaajat', projectKind: 'project', status: 'active', months: [-5, 7], organisations: [['hoiva', 'työpaikka'], ['x2', 'työpaikka'], ['x18', 'työpaikka'], ['amo', 'kumppani']] },
  { name: 'Lähihoitajien täydennyskoulutus', projectKind: 'matter', status: 'closed', months: [-16, -3], organisations: [['x18', 'tilaaja'], ['x30', 'asiantuntija']] },
  { name: 'Yrittäjyyden kevät', projectKind: 'project', status: 'closed', months: [-12, -6], organisations: [['yrittajat', 'kumppani'], ['lehti', 'media'], ['x22', 'kumppani']] },
  { name: 'Kesäopisto Harjula', projectKind: 'project', status: 'planned', months: [2, 4], organisations: [['kaupunki', 'kumppani'], ['x15', 'tilat'], ['pito', 'toimittaja']] },
  { name: 'Energiamurroksen osaaminen', projectKind: 'fundedProject', status: 'planned', months: [1, 24], organisations: [['x7', 'rahoittaja'], ['x6', 'työpaikka'], ['x28', 'työpaikka'], ['amk', 'kumppani']] },
  { name: 'Kylien kansalaisopisto', projectKind: 'project', status: 'active', months: [-4, 8], organisations: [['kunta', 'tilaaja'], ['x25', 'kumppani'], ['x0', 'kumppani']] },
  { name: 'Harjuseudun työllisyyspilotti', projectKind: 'fundedProject', status: 'active', months: [-11, 13], organisations: [['kaupunki', 'päätoteuttaja'], ['x13', 'kumppani'], ['x12', 'työpaikka'], ['x21', 'työpaikka']] },
  { name: 'Mediakasvatus 2026', projectKind: 'matter', status: 'active', months: [-2, 10], organisations: [['lehti', 'kumppani'], ['x26', 'kumppani'], ['x32', 'kumppani']] },
  { name: 'Metsäalan ammattitutkinto', projectKind: 'project', status: 'active', months: [-7, 5], organisations: [['x17', 'kouluttaja'], ['x33', 'työpaikka'], ['x35', 'rahoittaja']] },
  { name: 'Aikuislukion yhteistyö', projectKind: 'matter', status: 'active', months: [-3, null], organisations: [['x14', 'kumppani'], ['x34', 'kumppani'], ['verkosto', 'verkosto']] },
];

/** First of the month `offset` months from the anchor's month, as a date (YYYY-MM-DD). */
function monthStart(anchor: Date, offset: number): string {
  const d = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 10);
}

const phoneOf = (n: number): string => `040 000 ${String(1000 + n).padStart(4, '0')}`;

export function planRecord(seed: number, anchor: Date): RecordPlan {
  const rng = new Rng(seed).fork('livedIn/record');
  const organisations: PlannedOrganisation[] = [
    ...ORGANISATIONS.filter((o) => !NOT_IN_RECORD_ORGS.has(o.key)).map((o) => ({ key: o.key, name: o.name, domains: [o.domain], roles: stakeholderRoles(o.roles) })),
    ...EXTRA_ORGANISATIONS.map((o, i) => ({ key: `x${i}`, name: o.name, domains: [domainOf(o.name)], roles: [...o.roles] })),
  ];
  const orgByKey = new Map(organisations.map((o) => [o.key, o]));
  const taken = new Set<string>();
  const people: PlannedPerson[] = [];
  for (const [key, p] of Object.entries(PEOPLE)) {
    if (p.org !== null && NOT_IN_RECORD_ORGS.has(p.org)) continue;
    if (NEWSLETTER_TITLES.has(p.title)) continue;
    taken.add(p.address.toLowerCase());
    people.push({ key, name: p.name, email: p.address, organisation: p.org, jobTitle: p.title, phone: p.phone ?? '', roles: stakeholderRoles(p.roles), fromMailbox: true });
  }

  let made = 0;
  const make = (organisation: PlannedOrganisation | null): void => {
    const given = rng.pick(GIVEN_NAMES);
    const surname = rng.pick(SURNAMES);
    const local = `${asciiFold(given)}.${asciiFold(surname)}`;
    const domain = organisation ? organisation.domains[0]! : rng.pick(PUBLIC_DOMAINS);
    let email = `${local}${organisation ? '' : rng.int(70, 99)}@${domain}`;
    for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
    taken.add(email);
    const role: StakeholderRole = organisation?.roles[0] ?? 'student';
    const jobTitle = organisation ? rng.pick(TITLES[role]) : 'opiskelija';
    people.push({
      key: `g${made}`,
      name: `${given} ${surname}`,
      email,
      organisation: organisation?.key ?? null,
      jobTitle,
      phone: organisation && rng.chance(0.6) ? phoneOf(made) : '',
      roles: organisation ? [role] : ['student'],
      fromMailbox: false,
    });
    made += 1;
  };
  const extras = organisations.filter((o) => o.key.startsWith('x'));
  for (const o of extras) for (let i = 0; i < 3; i++) make(o);
  const mailboxOrgs = organisations.filter((o) => !o.key.startsWith('x'));
  for (const o of rng.sample(mailboxOrgs, 16)) make(o);
  while (people.length < 200) make(null);

  const projects = PROJECTS.map((template, i): PlannedProject => {
    const participants: PlannedProject['participants'] = [];
    for (const [orgKey, role] of template.organisations) {
      if (!orgByKey.has(orgKey)) throw new Error(`lived-in plan: no organisation ${orgKey}`);
      participants.push({ entity: `org:${orgKey}`, role });
      const staff = people.filter((p) => p.organisation === orgKey);
      for (const p of rng.sample(staff, rng.int(1, 2))) participants.push({ entity: `person:${p.key}`, role: role === 'työpaikka' ? 'työpaikkaohjaaja' : 'yhteyshenkilö' });
    }
    const students = people.filter((p) => p.organisation === null);
    if (template.organisations.some(([, role]) => role === 'työpaikka')) {
      for (const p of rng.sample(students, rng.int(2, 4))) participants.push({ entity: `person:${p.key}`, role: 'opiskelija' });
    }
    return {
      key: `p${i}`,
      name: template.name,
      projectKind: template.projectKind,
      status: template.status,
      startDate: monthStart(anchor, template.months[0]),
      endDate: template.months[1] === null ? null : monthStart(anchor, template.months[1]),
      participants: [...new Map(participants.map((p) => [p.entity, p])).values()],
    };
  });
  return { organisations, people, projects };
}

/**
 * Who is in the dataset: the institute and the organisations it works with. All names, organisations
 * and domains are invented (no real persons' or companies' data). The directory is fixed — it does not
 * depend on the seed — so fixtures and tests can name people; the seed only changes who writes what, when.
 */
import { stableGuid } from './random';
import type { SeedUser } from './types';

export type Lang = 'fi' | 'en';

/** Stakeholder roles, as PRODUCT.md lists them. */
export type Role =
  | 'institute'
  | 'student'
  | 'employer'
  | 'assessor'
  | 'trainer'
  | 'funder'
  | 'school'
  | 'university'
  | 'supplier'
  | 'media'
  | 'municipality'
  | 'association'
  | 'partner'
  | 'newsletter'
  | 'vendor';

/**
 * How a sender's mail client writes replies: prefix, quote header language, html or text.
 * Real inboxes mix them, and triage/filing code must cope with all of them.
 */
export type MailClient = 'outlook-fi' | 'outlook-en' | 'gmail-fi' | 'gmail-en' | 'webmail' | 'system';

export interface Organisation {
  key: string;
  name: string;
  domain: string;
  roles: Role[];
  /** Language the organisation writes in. */
  lang: Lang;
  /** Hosted on Microsoft 365 (affects internetMessageId shape). */
  m365: boolean;
}

export interface Person {
  key: string;
  name: string;
  givenName: string;
  surname: string;
  address: string;
  /** Organisation key, or null for a private individual writing from a public mail domain. */
  org: string | null;
  title: string;
  roles: Role[];
  lang: Lang;
  client: MailClient;
  phone?: string;
  /** Free-text link to an organisation for individuals (an apprentice's employer). */
  note?: string;
}

/** Public mail domains: never used to match a sender to an organisation. */
export const PUBLIC_DOMAINS = ['gmail.com', 'outlook.com', 'hotmail.com', 'luukku.com', 'suomi24.fi'] as const;

export const INSTITUTE_DOMAIN = 'seutuopisto.fi';

const org = (key: string, name: string, domain: string, roles: Role[], opts: Partial<Pick<Organisation, 'lang' | 'm365'>> = {}): Organisation => ({
  key,
  name,
  domain,
  roles,
  lang: opts.lang ?? 'fi',
  m365: opts.m365 ?? true,
});

export const ORGANISATIONS: readonly Organisation[] = [
  org('seutuopisto', 'Seutuopisto', INSTITUTE_DOMAIN, ['institute']),
  org('ely', 'Harjuseudun ELY-keskus', 'harjuseudunely.fi', ['funder']),
  org('amk', 'Harjuseudun ammattikorkeakoulu', 'harjuamk.fi', ['university', 'partner']),
  org('amo', 'Ammattiopisto Harjula', 'amharjula.fi', ['school', 'partner']),
  org('kansalaisopisto', 'Mäntyrinteen kansalaisopisto', 'mantyrinteenopisto.fi', ['school'], { m365: false }),
  org('kaupunki', 'Harjulan kaupunki', 'harjulankaupunki.fi', ['municipality']),
  org('kunta', 'Mäntyrinteen kunta', 'mantyrinteenkunta.fi', ['municipality']),
  org('yrittajat', 'Harjuseudun Yrittäjät ry', 'harjuseudunyrittajat.fi', ['association', 'partner'], { m365: false }),
  org('hoiva', 'Pihlajaharjun Hoivakoti Oy', 'pihlajaharjunhoiva.fi', ['employer']),
  org('konepaja', 'Konepaja Routasalo Oy', 'routasalo-konepaja.fi', ['employer'], { m365: false }),
  org('leipomo', 'Leipomo Vehnäpelto Oy', 'vehnapelto.fi', ['employer'], { m365: false }),
  org('sahko', 'Sähkö-Kaarna Oy', 'sahkokaarna.fi', ['employer']),
  org('arviointi', 'Arviointipalvelu Lumme', 'arviointilumme.fi', ['assessor'], { m365: false }),
  org('valmennus', 'Valmennus Revontuli Oy', 'valmennusrevontuli.fi', ['trainer']),
  org('pito', 'Pitopalvelu Kanerva', 'pitokanerva.fi', ['supplier'], { m365: false }),
  org('datariihi', 'Datariihi Oy', 'datariihi.fi', ['supplier']),
  org('paino', 'Painotalo Kirjokansi Oy', 'kirjokansi.fi', ['supplier'], { m365: false }),
  org('lehti', 'Harjuseudun Sanomat', 'harjuseudunsanomat.fi', ['media']),
  org('verkosto', 'Aikuiskoulutuksen Verkosto ry', 'aikuiskoulutusverkosto.fi', ['newsletter', 'association'], { m365: false }),
  org('koulutusviikko', 'Koulutusviikko', 'koulutusviikko.com', ['newsletter', 'media'], { m365: false }),
  org('glenmore', 'Glenmore Further Education College', 'glenmore-fe.com', ['partner'], { lang: 'en' }),
  org('ribeira', 'Escola Profissional Nova Ribeira', 'novaribeira-edu.com', ['partner'], { lang: 'en', m365: false }),
  org('lindenhof', 'Bildungswerk Lindenhof', 'lindenhof-bildungswerk.com', ['partner'], { lang: 'en' }),
  org('nlr', 'Nordic Learning Review', 'nordiclearningreview.com', ['media'], { lang: 'en', m365: false }),
  org('tarjoustalo', 'Tarjoustalo Ale', 'tarjoustalo-ale.com', ['vendor'], { m365: false }),
];

export function orgByKey(key: string): Organisation {
  const o = ORGANISATIONS.find((x) => x.key === key);
  if (!o) throw new Error(`unknown organisation ${key}`);
  return o;
}

/** ä→a, ö→o, å→a and accents off: how Finnish names become mail local parts. */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9.-]/g, '');
}

interface PersonInput {
  key: string;
  given: string;
  surname: string;
  org: string | null;
  title: string;
  roles?: Role[];
  address?: string;
  client?: MailClient;
  lang?: Lang;
  phone?: string;
  note?: string;
  /** Display name when it is not "Given Surname" (shared mailboxes, systems). */
  display?: string;
}

function person(p: PersonInput): Person {
  const o = p.org === null ? null : orgByKey(p.org);
  const address = p.address ?? `${asciiFold(p.given)}.${asciiFold(p.surname)}@${o?.domain ?? 'gmail.com'}`;
  const lang = p.lang ?? o?.lang ?? 'fi';
  const client = p.client ?? (lang === 'en' ? 'outlook-en' : o?.m365 === false ? 'webmail' : 'outlook-fi');
  const out: Person = {
    key: p.key,
    name: p.display ?? `${p.given} ${p.surname}`,
    givenName: p.given,
    surname: p.surname,
    address,
    org: p.org,
    title: p.title,
    roles: p.roles ?? o?.roles ?? ['student'],
    lang,
    client,
  };
  if (p.phone) out.phone = p.phone;
  if (p.note) out.note = p.note;
  return out;
}

/** Phone numbers are from one made-up 040 000 0xxx series, so none looks like a real person's. */
const phone = (n: number): string => `040 000 0${String(n).padStart(3, '0')}`;

export const PEOPLE = {
  // — Seutuopisto staff (the tenant) —
  aino: person({ key: 'aino', given: 'Aino', surname: 'Laine', org: 'seutuopisto', title: 'koulutussuunnittelija', phone: phone(123) }),
  jukka: person({ key: 'jukka', given: 'Jukka', surname: 'Mäkelä', org: 'seutuopisto', title: 'rehtori', phone: phone(101) }),
  sari: person({ key: 'sari', given: 'Sari', surname: 'Virtanen', org: 'seutuopisto', title: 'koulutuspäällikkö', phone: phone(102) }),
  pirjo: person({ key: 'pirjo', given: 'Pirjo', surname: 'Heikkilä', org: 'seutuopisto', title: 'opintosihteeri', phone: phone(104) }),
  timo: person({ key: 'timo', given: 'Timo', surname: 'Koskinen', org: 'seutuopisto', title: 'talouspäällikkö', phone: phone(105) }),
  mervi: person({ key: 'mervi', given: 'Mervi', surname: 'Järvinen', org: 'seutuopisto', title: 'projektipäällikkö, Osaava Harjuseutu -hanke', phone: phone(131) }),
  ville: person({ key: 'ville', given: 'Ville', surname: 'Lehtonen', org: 'seutuopisto', title: 'IT-asiantuntija', phone: phone(140) }),
  elina: person({ key: 'elina', given: 'Elina', surname: 'Salo', org: 'seutuopisto', title: 'viestintäsuunnittelija', phone: phone(150) }),
  kari: person({ key: 'kari', given: 'Kari', surname: 'Nieminen', org: 'seutuopisto', title: 'kouluttaja, yrittäjyys ja liiketoiminta', phone: phone(161) }),
  henna: person({ key: 'henna', given: 'Henna', surname: 'Rantanen', org: 'seutuopisto', title: 'opinto-ohjaaja', phone: phone(170) }),
  ahmed: person({ key: 'ahmed', given: 'Ahmed', surname: 'Yusuf', org: 'seutuopisto', title: 'kouluttaja, kotoutumiskoulutus', phone: phone(162) }),
  laura: person({ key: 'laura', given: 'Laura', surname: 'Kettunen', org: 'seutuopisto', title: 'oppisopimussuunnittelija', phone: phone(124) }),
  viestinta: person({ key: 'viestinta', given: 'Seutuopisto', surname: 'Viestintä', display: 'Seutuopiston viestintä', org: 'seutuopisto', title: 'viestintä', address: 'viestinta@seutuopisto.fi' }),
  henkilosto: person({ key: 'henkilosto', given: 'Seutuopisto', surname: 'Henkilöstö', display: 'Seutuopiston henkilöstö', org: 'seutuopisto', title: 'jakelulista', address: 'henkilosto@seutuopisto.fi' }),
  kurssikone: person({ key: 'kurssikone', given: 'Kurssikone', surname: 'Ilmoittautumiset', display: 'Kurssikone', org: 'seutuopisto', title: 'ilmoittautumisjärjestelmä', address: 'kurssikone-noreply@seutuopisto.fi', client: 'system' }),

  // — Funder —
  riikka: person({ key: 'riikka', given: 'Riikka', surname: 'Hämäläinen', org: 'ely', title: 'rahoitusasiantuntija' }),
  pekka: person({ key: 'pekka', given: 'Pekka', surname: 'Lindqvist', org: 'ely', title: 'ylitarkastaja' }),
  tuula: person({ key: 'tuula', given: 'Tuula', surname: 'Aaltonen', org: 'ely', title: 'maksatusasiantuntija' }),

  // — University of applied sciences and partner schools —
  johanna: person({ key: 'johanna', given: 'Johanna', surname: 'Saarinen', org: 'amk', title: 'lehtori, liiketalous' }),
  markku: person({ key: 'markku', given: 'Markku', surname: 'Ojala', org: 'amk', title: 'TKI-asiantuntija' }),
  noora: person({ key: 'noora', given: 'Noora', surname: 'Lahtinen', org: 'amk', title: 'avoimen AMK:n koordinaattori' }),
  antti: person({ key: 'antti', given: 'Antti', surname: 'Karjalainen', org: 'amo', title: 'koulutuspäällikkö, sosiaali- ja terveysala' }),
  minna: person({ key: 'minna', given: 'Minna', surname: 'Hakala', org: 'amo', title: 'opinto-ohjaaja' }),
  raija: person({ key: 'raija', given: 'Raija', surname: 'Leinonen', org: 'kansalaisopisto', title: 'rehtori' }),

  // — Municipalities —
  jari: person({ key: 'jari', given: 'Jari', surname: 'Tuominen', org: 'kaupunki', title: 'elinvoimajohtaja' }),
  satu: person({ key: 'satu', given: 'Satu', surname: 'Mustonen', org: 'kaupunki', title: 'työllisyyskoordinaattori' }),
  hannu: person({ key: 'hannu', given: 'Hannu', surname: 'Räsänen', org: 'kunta', title: 'sivistysjohtaja' }),

  // — Entrepreneur association —
  marko: person({ key: 'marko', given: 'Marko', surname: 'Laaksonen', org: 'yrittajat', title: 'toiminnanjohtaja' }),
  kaisa: person({ key: 'kaisa', given: 'Kaisa', surname: 'Vainio', org: 'yrittajat', title: 'järjestöassistentti' }),

  // — Employers of apprentices (työpaikkaohjaajat) —
  anne: person({ key: 'anne', given: 'Anne', surname: 'Kinnunen', org: 'hoiva', title: 'vastaava sairaanhoitaja, työpaikkaohjaaja' }),
  tiina: person({ key: 'tiina', given: 'Tiina', surname: 'Pesonen', org: 'hoiva', title: 'toimitusjohtaja' }),
  juha: person({ key: 'juha', given: 'Juha', surname: 'Routasalo', org: 'konepaja', title: 'toimitusjohtaja' }),
  mika: person({ key: 'mika', given: 'Mika', surname: 'Honkanen', org: 'konepaja', title: 'tuotantopäällikkö, työpaikkaohjaaja', roles: ['employer', 'assessor'] }),
  heidi: person({ key: 'heidi', given: 'Heidi', surname: 'Salonen', org: 'leipomo', title: 'yrittäjä', roles: ['employer', 'student'] }),
  petri: person({ key: 'petri', given: 'Petri', surname: 'Kaarna', org: 'sahko', title: 'toimitusjohtaja, työpaikkaohjaaja' }),
  jenni: person({ key: 'jenni', given: 'Jenni', surname: 'Laitinen', org: 'sahko', title: 'toimistopäällikkö' }),

  // — Assessors and outside trainers —
  eija: person({ key: 'eija', given: 'Eija', surname: 'Lumme', org: 'arviointi', title: 'arvioija, yrittäjä' }),
  seppo: person({ key: 'seppo', given: 'Seppo', surname: 'Kivelä', org: null, title: 'arvioija', roles: ['assessor'], address: 'kivela.seppo@luukku.com', client: 'webmail' }),
  katja: person({ key: 'katja', given: 'Katja', surname: 'Hirvonen', org: 'valmennus', title: 'valmentaja' }),
  daniel: person({ key: 'daniel', given: 'Daniel', surname: 'Berg', org: null, title: 'kouluttaja, digitaalinen markkinointi', roles: ['trainer'], address: 'daniel.berg.koulutus@outlook.com', client: 'outlook-fi' }),

  // — Suppliers —
  leena: person({ key: 'leena', given: 'Leena', surname: 'Kanerva', org: 'pito', title: 'yrittäjä' }),
  pitolaskutus: person({ key: 'pitolaskutus', given: 'Pitopalvelu', surname: 'Kanerva', display: 'Pitopalvelu Kanerva / laskutus', org: 'pito', title: 'laskutus', address: 'laskutus@pitokanerva.fi', client: 'system' }),
  tomi: person({ key: 'tomi', given: 'Tomi', surname: 'Rautio', org: 'datariihi', title: 'asiakkuuspäällikkö' }),
  datatuki: person({ key: 'datatuki', given: 'Datariihi', surname: 'Palvelupiste', display: 'Datariihi Palvelupiste', org: 'datariihi', title: 'asiakastuki', address: 'tuki@datariihi.fi' }),
  datalaskutus: person({ key: 'datalaskutus', given: 'Datariihi', surname: 'Laskutus', display: 'Datariihi Oy laskutus', org: 'datariihi', title: 'laskutus', address: 'laskutus@datariihi.fi', client: 'system' }),
  sanna: person({ key: 'sanna', given: 'Sanna', surname: 'Aho', org: 'paino', title: 'myyntineuvottelija' }),

  // — Media —
  oskari: person({ key: 'oskari', given: 'Oskari', surname: 'Virtala', org: 'lehti', title: 'toimittaja' }),
  maija: person({ key: 'maija', given: 'Maija', surname: 'Karppinen', org: 'lehti', title: 'uutispäällikkö' }),
  rachel: person({ key: 'rachel', given: 'Rachel', surname: 'Adeyemi', org: 'nlr', title: 'Features Editor', lang: 'en', client: 'gmail-en' }),

  // — Newsletters —
  verkostokirje: person({ key: 'verkostokirje', given: 'Aikuiskoulutuksen', surname: 'Verkosto', display: 'Aikuiskoulutuksen Verkosto ry', org: 'verkosto', title: 'uutiskirje', address: 'uutiskirje@aikuiskoulutusverkosto.fi', client: 'system' }),
  koulutusviikko: person({ key: 'koulutusviikko', given: 'Koulutusviikko', surname: 'Uutiset', display: 'Koulutusviikko', org: 'koulutusviikko', title: 'uutiskirje', address: 'uutiset@koulutusviikko.com', client: 'system' }),
  yrittajatkirje: person({ key: 'yrittajatkirje', given: 'Harjuseudun', surname: 'Yrittäjät', display: 'Harjuseudun Yrittäjät ry', org: 'yrittajat', title: 'jäsentiedote', address: 'tiedote@harjuseudunyrittajat.fi', client: 'system' }),

  // — Erasmus+ partners (English) —
  conor: person({ key: 'conor', given: 'Conor', surname: 'Walsh', org: 'glenmore', title: 'Head of Adult Learning' }),
  // Hostile fixture: an apostrophe in both the name and the address (valid per RFC 5322).
  obrien: person({ key: 'obrien', given: 'Siobhán', surname: "O'Brien", org: 'glenmore', title: 'International Officer', address: "o'brien@glenmore-fe.com" }),
  ines: person({ key: 'ines', given: 'Inês', surname: 'Carvalho', org: 'ribeira', title: 'Project Coordinator', client: 'gmail-en' }),
  jonas: person({ key: 'jonas', given: 'Jonas', surname: 'Becker', org: 'lindenhof', title: 'Referent Erwachsenenbildung' }),

  // — Students (mostly private addresses on public domains) —
  mikko: person({ key: 'mikko', given: 'Mikko', surname: 'Heikkinen', org: null, title: 'opiskelija, koneasentajan perustutkinto (oppisopimus)', address: 'mikko.heikkinen88@gmail.com', client: 'gmail-fi', note: 'oppisopimus: Konepaja Routasalo Oy' }),
  jenna: person({ key: 'jenna', given: 'Jenna', surname: 'Korhonen', org: null, title: 'opiskelija, lähihoitajan koulutus (oppisopimus)', address: 'jenna.korhonen@outlook.com', client: 'outlook-fi', note: 'oppisopimus: Pihlajaharjun Hoivakoti Oy' }),
  sami: person({ key: 'sami', given: 'Sami', surname: 'Lappalainen', org: 'sahko', title: 'sähköasentajaopiskelija (oppisopimus)', roles: ['student'] }),
  oksana: person({ key: 'oksana', given: 'Oksana', surname: 'Kovalenko', org: null, title: 'opiskelija, suomen kielen jatkokurssi', address: 'oksana.kovalenko.fi@gmail.com', client: 'gmail-fi' }),
  pertti: person({ key: 'pertti', given: 'Pertti', surname: 'Huttunen', org: null, title: 'opiskelija, tieto- ja viestintätekniikan perustaidot', address: 'pertti.huttunen@luukku.com', client: 'webmail' }),
  ronja: person({ key: 'ronja', given: 'Ronja', surname: 'Mattila', org: null, title: 'opiskelija, yrittäjän ammattitutkinto', address: 'ronja.mattila@suomi24.fi', client: 'webmail' }),
  emilia: person({ key: 'emilia', given: 'Emilia', surname: 'Nurmi', org: null, title: 'opiskelija, yrittäjän ammattitutkinto', address: 'emilia.nurmi@hotmail.com', client: 'outlook-fi' }),
  lan: person({ key: 'lan', given: 'Lan', surname: 'Nguyen', org: null, title: 'opiskelija, lähihoitajan koulutus', address: 'lan.nguyen.thi@gmail.com', client: 'gmail-fi' }),
  aleksi: person({ key: 'aleksi', given: 'Aleksi', surname: 'Väisänen', org: null, title: 'opiskelija, yrittäjän digitaidot', address: 'aleksi.vaisanen@outlook.com', client: 'outlook-fi' }),
  // Hostile fixture: right-to-left (Arabic) display name wrapped in RLM marks.
  fatima: person({ key: 'fatima', given: 'فاطمة', surname: 'الحسيني', display: '\u200Fفاطمة الحسيني\u200F', org: null, title: 'opiskelija, suomen kielen jatkokurssi', address: 'fatima.alhusseini@hotmail.com', client: 'outlook-fi' }),

  // — Vendor spam (hostile fixture sender) —
  tarjoustalo: person({ key: 'tarjoustalo', given: 'Tarjoustalo', surname: 'Ale', display: 'Tarjoustalo Ale', org: 'tarjoustalo', title: 'myynti', address: 'myynti@tarjoustalo-ale.com', client: 'system' }),
} satisfies Record<string, Person>;

export type PersonKey = keyof typeof PEOPLE;

// — Users of the tenant (Graph /users) —

const OFFICE = 'Seutuopisto, Opistotie 4, Harjula';
const ROOMS: Partial<Record<PersonKey, string>> = {
  aino: 'B 214', jukka: 'A 101', sari: 'A 105', pirjo: 'A 110', timo: 'A 112', mervi: 'B 220',
  ville: 'C 010', elina: 'A 114', kari: 'B 208', henna: 'B 202', ahmed: 'B 210', laura: 'B 216',
};

function toUser(p: Person, key: string): SeedUser {
  return {
    // Fixed per person, not per seed: the signed-in user's id must survive a reseed.
    id: key === 'aino' ? '5d3c7a2e-9b41-4f6a-8e2d-1c7b0a9f4e61' : stableGuid(`seutuopisto/${key}`),
    displayName: p.name,
    mail: p.address,
    userPrincipalName: p.address,
    givenName: p.givenName,
    surname: p.surname,
    jobTitle: p.title,
    officeLocation: `${OFFICE}, ${ROOMS[key as PersonKey] ?? 'A-siipi'}`,
    preferredLanguage: 'fi-FI',
    mailboxSettings: { timeZone: 'FLE Standard Time', language: { locale: 'fi-FI' } },
  };
}

export const USER: SeedUser = toUser(PEOPLE.aino, 'aino');

/** Staff with a person behind the mailbox (shared lists and systems are not tenant users). */
export const COLLEAGUES: readonly SeedUser[] = (Object.keys(ROOMS) as PersonKey[])
  .filter((k) => k !== 'aino')
  .map((k) => toUser(PEOPLE[k], k));

/** The organisation a sender belongs to by mail domain, or null for public and unknown domains. */
export function orgOfAddress(address: string): Organisation | null {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  if (!address.includes('@') || domain === '') return null;
  return ORGANISATIONS.find((o) => o.domain === domain) ?? null;
}

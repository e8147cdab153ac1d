/**
 * Aino's calendar: about forty events from three months before the anchor to two months after it —
 * meetings with outside stakeholders, internal meetings, a weekly team meeting (no end), a biweekly
 * steering group (numbered), a monthly reporting slot (end date), all-day entries and Teams meetings.
 * Events do not overlap each other (a planner's real calendar rarely double-books) and Aino's
 * invitations produce the accept/decline replies found in her mail.
 */
import type { Person } from './directory';
import { PEOPLE as P } from './directory';
import type { ThreadSpec } from './compose';
import { escapeHtml, previewOf } from './compose';
import type { Rng } from './random';
import { base64 } from './random';
import {
  civilMinuteOfDay,
  civilToUtc,
  DAY,
  graphDateTime,
  HOUR,
  isoDate,
  isoUtc,
  isWorkday,
  MINUTE,
  onOrAfterWorkday,
  onOrBeforeWorkday,
  startOfCivilDay,
} from './time';
import type { PatternedRecurrence, ResponseStatus, ResponseType, SeedAttendee, SeedEvent } from './types';

/** Graph writes "never" as year 1. */
const NEVER = '0001-01-01T00:00:00Z';
const HANKE = ['Hanke'];
const OPISKELIJAT = ['Opiskelijat'];
const TEAMS_LOCATION = 'Microsoft Teams -kokous';

interface EventPlan {
  /** Lets mail templates pin a conversation to this meeting (see ThreadTemplate.pin). */
  key?: string;
  subject: string;
  lines: string[];
  organizer: Person;
  /** Attendees other than the organizer; Aino is added automatically when she is not organizing. */
  attendees: Person[];
  optional?: Person[];
  location: string;
  online?: boolean;
  /** Day range relative to the anchor's Helsinki date (negative = past). Series and all-day entries
   *  are placed explicitly, so for them `days`, `hours` and `minutes` are only placeholders. */
  days: [number, number];
  /** Candidate local start times in hours (9.5 = 9.30). */
  hours: number[];
  minutes: number;
  categories?: string[];
  importance?: 'high';
  /** Aino is only an optional attendee. */
  ainoOptional?: boolean;
  showAs?: SeedEvent['showAs'];
}

const plans = (): EventPlan[] => [
  // — Apprenticeships and qualifications —
  {
    key: 'kolmikanta-mikko',
    subject: 'Kolmikantakeskustelu / Mikko Heikkinen',
    lines: ['Oppisopimuksen jatko ja loppujen tutkinnon osien aikataulu.', 'Mukana työpaikkaohjaaja, opiskelija ja oppisopimussuunnittelija.'],
    organizer: P.aino, attendees: [P.mika, P.mikko, P.laura], location: 'Konepaja Routasalo Oy, neuvotteluhuone',
    days: [-80, -50], hours: [14], minutes: 60, categories: OPISKELIJAT,
  },
  {
    subject: 'Kolmikantakeskustelu / Jenna Korhonen',
    lines: ['HOKSin päivitys ja kotihoidon tutkinnon osan näyttö.'],
    organizer: P.aino, attendees: [P.anne, P.jenna], location: 'Pihlajaharjun Hoivakoti',
    days: [-40, -20], hours: [13, 14], minutes: 60, categories: OPISKELIJAT,
  },
  {
    subject: 'Arviointikeskustelu / Sami Lappalainen',
    lines: ['Sähkö- ja automaatiojärjestelmien tutkinnon osan arviointikeskustelu.'],
    organizer: P.aino, attendees: [P.petri, P.sami, P.laura], location: 'Sähkö-Kaarna Oy',
    days: [5, 25], hours: [9, 13], minutes: 60, categories: OPISKELIJAT,
  },
  {
    key: 'arviointipaiva',
    subject: 'Näyttötutkinnon arviointipäivä',
    lines: ['Yrittäjän ammattitutkinnon tutkintotilaisuudet, kolme arvioitavaa.', 'Arviointilomakkeet jaetaan aamulla. Lounas opiston ruokalassa klo 11.'],
    organizer: P.aino, attendees: [P.eija, P.seppo, P.kari], location: 'Seutuopisto, luokka B 105',
    days: [8, 30], hours: [8.5], minutes: 7 * 60, categories: OPISKELIJAT,
  },
  {
    subject: 'Tutkintotilaisuus / Ronja Mattila',
    lines: ['Liiketoimintasuunnitelman esittely ja arviointikeskustelu.'],
    organizer: P.aino, attendees: [P.eija, P.ronja], location: 'Seutuopisto, luokka B 105',
    days: [-30, -10], hours: [10, 12.5], minutes: 90, categories: OPISKELIJAT,
  },
  {
    subject: 'Opiskelijahaastattelut: yrittäjän ammattitutkinto',
    lines: ['Hakijoiden haastattelut, 20 min / hakija.'],
    organizer: P.aino, attendees: [P.henna], location: 'Seutuopisto, B 214',
    days: [-15, -3], hours: [9], minutes: 180, categories: OPISKELIJAT,
  },
  // — Funders and projects —
  {
    subject: 'ELY: hankkeen seurantakäynti',
    lines: ['Toteutuneet koulutukset, osallistujamäärät ja kirjanpidon otanta.'],
    organizer: P.pekka, attendees: [P.mervi, P.timo], location: 'Seutuopisto, neuvotteluhuone Kaisla',
    days: [10, 30], hours: [9], minutes: 120, categories: HANKE, importance: 'high',
  },
  {
    subject: 'Maksatushakemuksen ohjaus',
    lines: ['Käydään läpi täydennyspyyntö ja liitteet.'],
    organizer: P.tuula, attendees: [P.mervi], location: TEAMS_LOCATION, online: true,
    days: [-60, -40], hours: [10, 13], minutes: 45, categories: HANKE,
  },
  {
    subject: 'GreenSkills for Adults – partner call',
    lines: ['Monthly partner call: pilot status, dissemination, budget questions.'],
    organizer: P.conor, attendees: [P.ines, P.jonas, P.mervi], location: TEAMS_LOCATION, online: true,
    days: [-45, -20], hours: [11, 12], minutes: 60, categories: HANKE,
  },
  {
    subject: 'GreenSkills for Adults – partner call',
    lines: ['Monthly partner call: transnational meeting arrangements.'],
    organizer: P.conor, attendees: [P.ines, P.jonas, P.mervi], location: TEAMS_LOCATION, online: true,
    days: [3, 20], hours: [11, 12], minutes: 60, categories: HANKE,
  },
  {
    subject: 'Lindenhof study visit – programme planning',
    lines: ['Planning the spring study visit: dates, programme, company visits.'],
    organizer: P.jonas, attendees: [], location: TEAMS_LOCATION, online: true,
    days: [20, 50], hours: [10, 14], minutes: 45, categories: HANKE,
  },
  {
    subject: 'Erasmus+ hakemus: työpaja',
    lines: ['Hakemuksen tavoitteet, kumppanit ja työnjako.'],
    organizer: P.mervi, attendees: [P.elina], location: 'Seutuopisto, B 220',
    days: [-70, -50], hours: [12.5, 13], minutes: 120, categories: HANKE,
  },
  {
    subject: 'Keskittymisaika: hankehakemus',
    lines: ['Budjettiliite ja toimenpidesuunnitelma valmiiksi.'],
    organizer: P.aino, attendees: [], location: 'B 214',
    days: [-35, -25], hours: [8, 12.5], minutes: 180, categories: HANKE,
  },
  // — Partners, municipalities, association —
  {
    key: 'tyollisyys-alkupalaveri',
    subject: 'Työllisyyskoulutusten hankinta – alkupalaveri',
    lines: ['Kaupungin ensi vuoden koulutustarpeet ja hankinnan aikataulu.'],
    organizer: P.satu, attendees: [P.jari], location: 'Harjulan kaupungintalo, kokoushuone Honka',
    days: [-50, -25], hours: [10, 13], minutes: 90,
  },
  {
    subject: 'Polkuopinnot: AMK-yhteistyö',
    lines: ['Avoimen AMK:n opintojaksot yrittäjäopiskelijoille.'],
    organizer: P.johanna, attendees: [P.noora], location: TEAMS_LOCATION, online: true,
    days: [-65, -45], hours: [13, 14], minutes: 60,
  },
  {
    key: 'kotoutuminen',
    subject: 'Kotoutumiskoulutuksen kevään ryhmät',
    lines: ['Uuden ryhmän aikataulu, tilat ja lähtötasotestaus.'],
    organizer: P.hannu, attendees: [P.ahmed], location: 'Mäntyrinteen kunnantalo',
    days: [-20, -5], hours: [9, 12.5], minutes: 90,
  },
  {
    key: 'taydennyskoulutus',
    subject: 'Lähihoitajien täydennyskoulutus – suunnittelu',
    lines: ['Sisältö, kouluttajat ja kustannusjako.'],
    organizer: P.minna, attendees: [P.antti], location: 'Ammattiopisto Harjula, kokoushuone 2',
    days: [4, 18], hours: [12.5, 14], minutes: 90,
  },
  {
    key: 'yrittajailta',
    subject: 'Yrittäjäilta',
    lines: ['Puheenvuoro: aikuiskoulutus ja oppisopimus yrittäjille (15 min).'],
    organizer: P.marko, attendees: [P.kaisa], location: 'Seutuopisto, auditorio',
    days: [-60, -30], hours: [17.5], minutes: 150,
  },
  {
    subject: 'Yrittäjäaamiainen',
    lines: ['Aiheena osaavan työvoiman saatavuus.'],
    organizer: P.kaisa, attendees: [P.marko], location: 'Ravintola Kivijalka',
    days: [6, 25], hours: [7.5], minutes: 90, ainoOptional: true,
  },
  {
    subject: 'Lounas: Marko Laaksonen',
    lines: ['Kevään yhteistyö ja yrittäjien koulutustarpeet.'],
    organizer: P.aino, attendees: [P.marko], location: 'Ravintola Kivijalka',
    days: [-85, -60], hours: [11], minutes: 60,
  },
  {
    subject: 'Kansalaisopistojen yhteistyöpalaveri',
    lines: ['Yhteismarkkinointi ja kevään kurssiliite.'],
    organizer: P.raija, attendees: [], location: TEAMS_LOCATION, online: true,
    days: [-28, -8], hours: [14, 15], minutes: 60,
  },
  // — Media and suppliers —
  {
    key: 'haastattelu-lehti',
    subject: 'Haastattelu: Harjuseudun Sanomat',
    lines: ['Aikuiskoulutus ja työllisyys. Kuvaaja mukana, opiskelijahaastattelu klo 10.30.'],
    organizer: P.aino, attendees: [P.oskari, P.elina], location: 'Seutuopisto, aula',
    days: [-75, -55], hours: [10], minutes: 60,
  },
  {
    key: 'interview-nlr',
    subject: 'Interview: Nordic Learning Review',
    lines: ['Video interview on adult education and apprenticeships in Finland.'],
    organizer: P.aino, attendees: [P.rachel], location: TEAMS_LOCATION, online: true,
    days: [-40, -15], hours: [14], minutes: 30,
  },
  {
    key: 'esite-vedos',
    subject: 'Esitteen vedoksen läpikäynti',
    lines: ['Kevään koulutusesitteen vedos.'],
    organizer: P.aino, attendees: [P.sanna, P.elina], location: TEAMS_LOCATION, online: true,
    days: [-55, -35], hours: [9, 14], minutes: 30,
  },
  {
    subject: 'Datariihi: opetusluokkien päivitys',
    lines: ['Luokkien C 12 ja B 105 koneiden päivitys ja lisenssit.'],
    organizer: P.tomi, attendees: [P.ville], location: 'Seutuopisto, C 010',
    days: [-25, -10], hours: [9, 13], minutes: 60,
  },
  {
    key: 'kouluttajasopimus',
    subject: 'Kouluttajasopimus: Katja Hirvonen',
    lines: ['Kevään toteutus, palkkiot ja matkakulut.'],
    organizer: P.aino, attendees: [P.katja], location: TEAMS_LOCATION, online: true,
    days: [-90, -70], hours: [10, 14], minutes: 45,
  },
  {
    subject: 'Perehdytys: uusi kouluttaja',
    lines: ['Daniel Bergin perehdytys: oppimisympäristö, Teams ja käytännöt.'],
    organizer: P.aino, attendees: [P.daniel, P.ville], location: 'Seutuopisto, B 214',
    days: [2, 15], hours: [9, 13], minutes: 90,
  },
  // — Internal —
  {
    subject: 'Kehityskeskustelu',
    lines: ['Vuoden tavoitteet, osaamisen kehittäminen ja työhyvinvointi.'],
    organizer: P.sari, attendees: [], location: 'A 105',
    days: [-45, -20], hours: [10, 13], minutes: 60,
  },
  {
    subject: 'Budjettipalaveri',
    lines: ['Ensi vuoden koulutusbudjetti ja hankkeiden omarahoitusosuudet.'],
    organizer: P.timo, attendees: [P.sari, P.jukka], location: 'A 112',
    days: [-30, -12], hours: [12.5, 14], minutes: 90,
  },
  {
    subject: 'Toteutussuunnitelmatyöryhmä',
    lines: ['Yrittäjän ammattitutkinnon toteutussuunnitelman päivitys.'],
    organizer: P.sari, attendees: [P.kari, P.henna], location: 'Neuvotteluhuone Kaisla (A 120)',
    days: [-65, -45], hours: [13, 14], minutes: 90,
  },
  {
    subject: 'Toteutussuunnitelmatyöryhmä',
    lines: ['Arviointisuunnitelman viimeistely.'],
    organizer: P.sari, attendees: [P.kari, P.henna], location: 'Neuvotteluhuone Kaisla (A 120)',
    days: [10, 40], hours: [13, 14], minutes: 90,
  },
  {
    subject: 'Henkilöstökokous',
    lines: ['Budjetti, työhyvinvointikyselyn tulokset ja kevään koulutustarjonta.'],
    organizer: P.jukka, attendees: [P.henkilosto], location: 'Auditorio ja Teams',
    days: [-20, -2], hours: [14], minutes: 90,
  },
  {
    subject: 'Teams-koulutus kouluttajille',
    lines: ['Tallenteet, breakout-huoneet ja tehtävät.'],
    organizer: P.ville, attendees: [P.kari, P.ahmed], location: TEAMS_LOCATION, online: true,
    days: [5, 30], hours: [14, 15], minutes: 60, ainoOptional: true,
  },
  {
    subject: 'Kurssipalautteiden läpikäynti',
    lines: ['Syksyn kurssipalautteet ja kehitysideat.'],
    organizer: P.aino, attendees: [P.kari, P.ahmed], location: 'B 214',
    days: [1, 12], hours: [10, 13], minutes: 60,
  },
  {
    subject: 'Henkilöstön virkistysilta',
    lines: ['Illallinen ja ohjelmaa. Ilmoitathan erityisruokavaliot viestintään.'],
    organizer: P.jukka, attendees: [P.henkilosto], location: 'Ravintola Kivijalka',
    days: [14, 30], hours: [18], minutes: 240, showAs: 'busy',
  },
  {
    subject: 'Webinaari: tekoäly aikuiskoulutuksessa',
    lines: ['Aikuiskoulutuksen Verkoston jäsenwebinaari.'],
    organizer: P.verkostokirje, attendees: [], location: TEAMS_LOCATION, online: true,
    days: [-35, -15], hours: [14], minutes: 90, ainoOptional: true, showAs: 'free',
  },
];

const teamsBlock = (rng: Rng): { joinUrl: string; text: string[] } => {
  const id = base64(rng.bytes(36)).replace(/[+/=]/g, '').slice(0, 44);
  const meetingId = `${rng.int(100, 999)} ${rng.int(100, 999)} ${rng.int(100, 999)} ${rng.int(100, 999)}`;
  return {
    joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${id}%40thread.v2/0`,
    text: ['________________________________________________________________________________', 'Microsoft Teams -kokous', 'Liity nyt kokoukseen', `Kokoustunnus: ${meetingId}`, `Tunnuskoodi: ${rng.hex(6)}`],
  };
};

function bodyOf(lines: string[]): { body: SeedEvent['body']; bodyPreview: string } {
  const html =
    '<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n' +
    lines.map((l) => (l === '' ? '<div><br></div>' : `<div>${escapeHtml(l)}</div>`)).join('\r\n') +
    '\r\n</body>\r\n</html>\r\n';
  return { body: { contentType: 'html', content: html }, bodyPreview: previewOf(lines.join('\n')) };
}

const emailOf = (p: Person) => ({ name: p.name, address: p.address });

/** Graph's dateTimeTimeZone in UTC for a Helsinki wall-clock time. */
const utcDtz = (civil: number) => ({ dateTime: graphDateTime(civilToUtc(civil)), timeZone: 'UTC' });
/** All-day events are floating dates: midnight, labelled with the requested zone. */
const allDayDtz = (civilDay: number) => ({ dateTime: graphDateTime(civilDay), timeZone: 'UTC' });

export interface CalendarResult {
  events: SeedEvent[];
  /** Accept/decline replies to Aino's invitations, to be composed as mail. */
  responses: { spec: ThreadSpec; civil: number }[];
  /** Civil start time of each keyed single meeting that found a slot. */
  placed: Map<string, number>;
}

const RESPONSE_SUBJECT: Record<'fi' | 'en', Record<'accepted' | 'tentativelyAccepted' | 'declined', string>> = {
  fi: { accepted: 'Hyväksytty', tentativelyAccepted: 'Alustavasti hyväksytty', declined: 'Hylätty' },
  en: { accepted: 'Accepted', tentativelyAccepted: 'Tentative', declined: 'Declined' },
};

export function generateCalendar(rng: Rng, anchorCivil: number): CalendarResult {
  const today = startOfCivilDay(anchorCivil);
  const busy: [number, number][] = [];
  const overlaps = (s: number, e: number): boolean => busy.some(([bs, be]) => s < be && bs < e);
  const events: SeedEvent[] = [];
  const responses: CalendarResult['responses'] = [];
  const placedByKey = new Map<string, number>();

  /** People answer invitations in office hours: push evening and weekend times to the next morning. */
  const officeHours = (t: number): number => {
    const m = civilMinuteOfDay(t);
    if (isWorkday(t) && m >= 8 * 60 && m <= 16 * 60 + 30) return t;
    const base = m < 8 * 60 && isWorkday(t) ? startOfCivilDay(t) : onOrAfterWorkday(startOfCivilDay(t) + DAY);
    return base + rng.int(8 * 60, 10 * 60) * MINUTE;
  };

  /** Aino's own answer to an invitation sent at `invitedCivil`. */
  const ainoAnswer = (startCivil: number, invitedCivil: number, optional: boolean): ResponseStatus => {
    const past = startCivil < anchorCivil;
    const r: ResponseType = optional
      ? rng.weighted([['tentativelyAccepted', 3], ['notResponded', past ? 1 : 3], ['accepted', 1]] as const)
      : past
        ? rng.weighted([['accepted', 9], ['tentativelyAccepted', 1]] as const)
        : rng.weighted([['accepted', 6], ['tentativelyAccepted', 1], ['notResponded', 3]] as const);
    if (r === 'notResponded') return { response: r, time: NEVER };
    const t = Math.min(officeHours(invitedCivil + rng.int(10, 24 * 60) * MINUTE), anchorCivil - 5 * MINUTE);
    return { response: r, time: isoUtc(civilToUtc(t)) };
  };

  const showAsFor = (r: ResponseStatus, fallback: SeedEvent['showAs']): SeedEvent['showAs'] =>
    r.response === 'tentativelyAccepted' || r.response === 'notResponded' ? 'tentative' : fallback;

  const build = (
    plan: EventPlan,
    startCivil: number,
    endCivil: number,
    extra: { allDay?: boolean; recurrence?: PatternedRecurrence; type?: SeedEvent['type'] } = {},
  ): SeedEvent => {
    const organizing = plan.organizer === P.aino;
    // Invitations go out one to three weeks ahead, and never after "now".
    const invited = Math.min(
      onOrBeforeWorkday(startOfCivilDay(startCivil) - rng.int(5, 20) * DAY) + rng.int(8 * 60, 16 * 60) * MINUTE,
      anchorCivil - HOUR,
    );
    const online = plan.online === true;
    const teams = online ? teamsBlock(rng) : null;
    const { body, bodyPreview } = bodyOf([...plan.lines, ...(teams ? ['', ...teams.text] : [])]);
    let attendees: SeedAttendee[];
    let responseStatus: ResponseStatus;
    if (organizing) {
      responseStatus = { response: 'organizer', time: NEVER };
      attendees = plan.attendees.map((p) => {
        const past = startCivil < anchorCivil;
        const response = rng.weighted(
          past
            ? ([['accepted', 16], ['tentativelyAccepted', 2], ['declined', 1], ['none', 1]] as const)
            : ([['accepted', 10], ['tentativelyAccepted', 3], ['declined', 1], ['none', 5]] as const),
        );
        const when = officeHours(invited + rng.int(20, 36 * 60) * MINUTE);
        if (response === 'none' || when >= anchorCivil - 5 * MINUTE) {
          return { type: 'required' as const, status: { response: 'none' as const, time: NEVER }, emailAddress: emailOf(p) };
        }
        // Most answers come with a reply mail (a few people answer without sending one).
        if (rng.chance(0.75) && p.client !== 'system') {
          const lang = p.lang;
          const note =
            response === 'declined'
              ? lang === 'en'
                ? 'Sorry, I have another meeting at that time.'
                : 'Valitettavasti en pääse, minulla on päällekkäinen meno.'
              : response === 'tentativelyAccepted'
                ? lang === 'en'
                  ? 'I will confirm later this week.'
                  : 'Vahvistan osallistumiseni myöhemmin tällä viikolla.'
                : lang === 'en'
                  ? 'See you then.'
                  : rng.pick(['Nähdään!', 'Tulen paikalle.', 'Kiitos kutsusta, nähdään.']);
          responses.push({
            civil: when,
            spec: {
              subject: `${RESPONSE_SUBJECT[lang][response]}: ${plan.subject}`,
              topic: 'calendar',
              categories: plan.categories ?? [],
              steps: [{ from: p, to: [P.aino], signature: '', text: [note] }],
            },
          });
        }
        return { type: 'required' as const, status: { response, time: isoUtc(civilToUtc(when)) }, emailAddress: emailOf(p) };
      });
    } else {
      responseStatus = ainoAnswer(startCivil, invited, plan.ainoOptional === true);
      // An attendee's copy does not know the others' answers: Graph reports them as none.
      const others = [...plan.attendees, ...(plan.optional ?? [])].map((p) => ({
        type: 'required' as const,
        status: { response: 'none' as const, time: NEVER },
        emailAddress: emailOf(p),
      }));
      attendees = [
        { type: plan.ainoOptional ? 'optional' : 'required', status: responseStatus, emailAddress: emailOf(P.aino) },
        ...others,
      ];
    }
    const ev: SeedEvent = {
      subject: plan.subject,
      body,
      bodyPreview,
      start: extra.allDay ? allDayDtz(startCivil) : utcDtz(startCivil),
      end: extra.allDay ? allDayDtz(endCivil) : utcDtz(endCivil),
      location: { displayName: plan.location },
      isAllDay: extra.allDay === true,
      isOnlineMeeting: online,
      onlineMeetingProvider: online ? 'teamsForBusiness' : 'unknown',
      onlineMeeting: teams ? { joinUrl: teams.joinUrl } : null,
      showAs: showAsFor(responseStatus, plan.showAs ?? 'busy'),
      organizer: { emailAddress: emailOf(plan.organizer) },
      attendees,
      isOrganizer: organizing,
      responseStatus,
      type: extra.type ?? 'singleInstance',
      recurrence: extra.recurrence ?? null,
      categories: plan.categories ?? [],
      importance: plan.importance ?? 'normal',
      sensitivity: 'normal',
    };
    return ev;
  };

  // — Recurring series first, so single meetings are placed around their occurrences. —
  const firstOnOrAfter = (civilDay: number, weekday: number): number => {
    let d = civilDay;
    while (new Date(d).getUTCDay() !== weekday) d += DAY;
    return d;
  };
  const horizonStart = today - 95 * DAY;
  const horizonEnd = today + 65 * DAY;

  // Weekly team meeting, Mondays 9–10, since the start of the term, no end.
  const teamDay = firstOnOrAfter(today - 88 * DAY, 1);
  for (let d = teamDay; d < horizonEnd; d += 7 * DAY) busy.push([d + 9 * HOUR, d + 10 * HOUR]);
  events.push(
    build(
      {
        subject: 'Koulutustiimin viikkopalaveri',
        lines: ['Viikon kurssit, opiskelija-asiat, tulevat tutkintotilaisuudet ja hankkeiden kuulumiset.', 'Asialistaa voi täydentää Teamsin muistiossa.'],
        organizer: P.sari,
        attendees: [P.kari, P.henna, P.ahmed, P.laura, P.pirjo],
        location: 'Neuvotteluhuone Kaisla (A 120)',
        days: [0, 0], hours: [9], minutes: 60,
      },
      teamDay + 9 * HOUR,
      teamDay + 10 * HOUR,
      {
        type: 'seriesMaster',
        recurrence: {
          pattern: { type: 'weekly', interval: 1, month: 0, dayOfMonth: 0, daysOfWeek: ['monday'], firstDayOfWeek: 'monday', index: 'first' },
          range: { type: 'noEnd', startDate: isoDate(teamDay), endDate: '0001-01-01', recurrenceTimeZone: 'FLE Standard Time', numberOfOccurrences: 0 },
        },
      },
    ),
  );

  // Project steering group, every other Thursday 13–14.30, eight meetings.
  const steerDay = firstOnOrAfter(today - 70 * DAY, 4);
  const steerCount = 8;
  for (let k = 0; k < steerCount; k++) {
    const d = steerDay + k * 14 * DAY;
    busy.push([d + 13 * HOUR, d + 14.5 * HOUR]);
  }
  events.push(
    build(
      {
        subject: 'Osaava Harjuseutu – ohjausryhmä',
        lines: ['Hankkeen eteneminen, talous ja tulevat toimenpiteet.', 'Muistiot ja esityslistat hankkeen Teams-kanavalla.'],
        organizer: P.mervi,
        attendees: [P.riikka, P.markku, P.marko, P.jari],
        location: TEAMS_LOCATION,
        online: true,
        days: [0, 0], hours: [13], minutes: 90,
        categories: HANKE,
      },
      steerDay + 13 * HOUR,
      steerDay + 14.5 * HOUR,
      {
        type: 'seriesMaster',
        recurrence: {
          pattern: { type: 'weekly', interval: 2, month: 0, dayOfMonth: 0, daysOfWeek: ['thursday'], firstDayOfWeek: 'monday', index: 'first' },
          range: { type: 'numbered', startDate: isoDate(steerDay), endDate: '0001-01-01', recurrenceTimeZone: 'FLE Standard Time', numberOfOccurrences: steerCount },
        },
      },
    ),
  );

  // Monthly reminder on the 5th until the project ends a year later. A fixed day of the month falls on
  // weekends too, as Outlook would schedule it, so it is a short "free" reminder, not a meeting.
  let reportDay = today - 80 * DAY;
  while (new Date(reportDay).getUTCDate() !== 5) reportDay += DAY;
  const rd = new Date(reportDay);
  const reportEnd = Date.UTC(rd.getUTCFullYear(), rd.getUTCMonth() + 12, 5);
  for (let m = 0; m < 5; m++) {
    const d = Date.UTC(rd.getUTCFullYear(), rd.getUTCMonth() + m, 5);
    busy.push([d + 9 * HOUR, d + 9.25 * HOUR]);
  }
  events.push(
    build(
      {
        subject: 'Muistutus: hankkeen kuukausiraportti',
        lines: ['Osallistujatiedot, tuntikirjaukset ja kuukauden toteuma hankkeen seurantaan. Määräaika on kuun 10. päivä.'],
        organizer: P.aino,
        attendees: [],
        location: 'B 214',
        days: [0, 0], hours: [9], minutes: 15,
        categories: HANKE,
        showAs: 'free',
      },
      reportDay + 9 * HOUR,
      reportDay + 9.25 * HOUR,
      {
        type: 'seriesMaster',
        recurrence: {
          pattern: { type: 'absoluteMonthly', interval: 1, month: 0, dayOfMonth: 5, firstDayOfWeek: 'sunday', index: 'first' },
          range: { type: 'endDate', startDate: isoDate(reportDay), endDate: isoDate(reportEnd), recurrenceTimeZone: 'FLE Standard Time', numberOfOccurrences: 0 },
        },
      },
    ),
  );

  // — All-day entries —
  const fair = onOrAfterWorkday(today + rng.int(12, 25) * DAY);
  busy.push([fair, fair + DAY]);
  events.push(
    build(
      {
        subject: 'Harjuseudun koulutusmessut',
        lines: ['Seutuopiston messuosasto, päivystysvuorot yhteisessä taulukossa.'],
        organizer: P.jari,
        attendees: [P.sari, P.elina],
        location: 'Harjulan urheilutalo',
        days: [0, 0], hours: [0], minutes: 0,
        showAs: 'workingElsewhere',
      },
      fair,
      fair + DAY,
      { allDay: true },
    ),
  );
  const remote = onOrBeforeWorkday(today - rng.int(5, 20) * DAY);
  events.push(
    build(
      { subject: 'Etätyöpäivä', lines: ['Etänä, tavoitettavissa Teamsissa.'], organizer: P.aino, attendees: [], location: 'Koti', days: [0, 0], hours: [0], minutes: 0, showAs: 'workingElsewhere' },
      remote,
      remote + DAY,
      { allDay: true },
    ),
  );
  const holiday = firstOnOrAfter(today + rng.int(35, 45) * DAY, 1);
  busy.push([holiday, holiday + 5 * DAY]);
  events.push(
    build(
      { subject: 'Loma', lines: ['Lomalla. Kiireelliset asiat: Sari Virtanen.'], organizer: P.aino, attendees: [], location: 'Poissa', days: [0, 0], hours: [0], minutes: 0, showAs: 'oof' },
      holiday,
      holiday + 5 * DAY,
      { allDay: true },
    ),
  );

  // — Single meetings, placed on free weekday slots within their day range. —
  for (const plan of plans()) {
    let placed: [number, number] | null = null;
    for (let attempt = 0; attempt < 40 && !placed; attempt++) {
      const day = today + rng.int(plan.days[0], plan.days[1]) * DAY;
      if (!isWorkday(day) || day < horizonStart || day > horizonEnd) continue;
      const s = day + Math.round(rng.pick(plan.hours) * 60) * MINUTE;
      const e = s + plan.minutes * MINUTE;
      // Skip the anchor's own hour so "now" never falls inside a meeting boundary case by accident.
      if (s < anchorCivil && e > anchorCivil) continue;
      if (!overlaps(s, e)) placed = [s, e];
    }
    if (!placed) continue;
    busy.push(placed);
    if (plan.key) placedByKey.set(plan.key, placed[0]);
    events.push(build(plan, placed[0], placed[1]));
  }

  return { events, responses, placed: placedByKey };
}

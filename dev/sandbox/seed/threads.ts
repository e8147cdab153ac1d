/**
 * Conversations of two to six messages: the everyday work of a training planner with students,
 * employers, assessors, funders, partners, suppliers and colleagues. Each template is written once
 * and may be instantiated several times with different people and dates.
 */
import type { Person } from './directory';
import { PEOPLE as P } from './directory';
import type { ThreadSpec } from './compose';
import type { Rng } from './random';
import { DAY, enDate, enDateRange, enWeekday, fiDayAndDate, fiShortDate, onOrAfterWorkday, startOfCivilDay } from './time';

export interface TemplateCtx {
  rng: Rng;
  /** Civil (Helsinki wall-clock) time of the conversation's first message. */
  start: number;
  /** Start of the calendar event this conversation is about, when the template is pinned to one. */
  pinned?: number;
}

export interface ThreadTemplate {
  id: string;
  /** How many conversations to make from this template. */
  uses: number;
  /**
   * Ties the conversation to a calendar event (by its `key` in events.ts) so mail and meetings
   * agree: the thread starts `days` relative to the event; `use` limits the pin to one instance.
   */
  pin?: { event: string; days: [number, number]; use?: number };
  build(c: TemplateCtx, use: number): ThreadSpec;
}

/** A weekday `min`..`max` days after the conversation starts. */
export const dayAfter = (c: TemplateCtx, min: number, max: number): number =>
  onOrAfterWorkday(startOfCivilDay(c.start) + c.rng.int(min, max) * DAY);

/** Finnish genitive of the given names used in templates ("Mikon oppisopimus"). */
export const GENITIVE: Record<string, string> = {
  Mikko: 'Mikon', Jenna: 'Jennan', Sami: 'Samin', Oksana: 'Oksanan', Pertti: 'Pertin', Ronja: 'Ronjan',
  Emilia: 'Emilian', Lan: 'Lanin', Aleksi: 'Aleksin', Heidi: 'Heidin', Katja: 'Katjan', Daniel: 'Danielin',
};
export const gen = (p: Person): string => GENITIVE[p.givenName] ?? `${p.givenName}n`;

export const hei = (p: Person): string => `Hei ${p.givenName},`;

const euro = (n: number): string => n.toLocaleString('fi-FI').replace(/\u00a0/g, ' ');

const HANKE = ['Hanke'];
const OPISKELIJAT = ['Opiskelijat'];

export const THREAD_TEMPLATES: readonly ThreadTemplate[] = [
  {
    id: 'oppisopimus-jatko',
    uses: 3,
    pin: { event: 'kolmikanta-mikko', days: [-9, -6], use: 0 },
    build(c, use) {
      const variants: [Person, Person, string][] = [
        [P.mikko, P.mika, 'hitsauksen ja koneistuksen tutkinnon osat'],
        [P.jenna, P.anne, 'kotihoidon tutkinnon osa'],
        [P.sami, P.petri, 'sähkö- ja automaatiojärjestelmien tutkinnon osa'],
      ];
      const [student, boss, missing] = variants[use % variants.length] ?? variants[0]!;
      const ends = dayAfter(c, 20, 40);
      const meet = c.pinned ?? dayAfter(c, 4, 8);
      const steps: ThreadSpec['steps'] = [
        {
          from: boss,
          to: [P.aino],
          cc: [P.laura],
          text: [
            hei(P.aino),
            `${gen(student)} oppisopimus päättyy ${fiShortDate(ends)}, mutta tutkinnosta on vielä kesken ${missing}. Haluaisimme jatkaa sopimusta noin kolmella kuukaudella, jotta hän ehtii suorittaa loput meillä.`,
            'Mitä meidän pitää toimittaa, ja ehditäänkö jatko sopia ennen nykyisen sopimuksen päättymistä?',
          ],
        },
        {
          from: P.aino,
          all: true,
          delay: 'hours',
          text: [
            hei(boss),
            'kiitos tiedosta. Jatko onnistuu hyvin: tarvitsemme päivitetyn HOKSin ja työnantajan allekirjoittaman jatkohakemuksen. Laura Kettunen lähettää lomakkeen teille tällä viikolla.',
            `Ehdotan kolmikantapalaveria, jossa myös ${student.givenName} on mukana: ${fiDayAndDate(meet)} – sopisiko teille klo 14?`,
          ],
        },
        {
          from: boss,
          all: true,
          delay: 'hours',
          text: [`Kiitos! ${fiShortDate(meet)} klo 14 sopii meille. Lomake tuli jo, palautamme sen allekirjoitettuna perjantaihin mennessä.`],
        },
      ];
      if (c.rng.chance(0.6)) {
        steps.push({
          from: P.laura,
          to: [boss],
          cc: [P.aino],
          delay: 'days',
          text: [
            hei(boss),
            `allekirjoitettu jatkohakemus on vastaanotettu ja ${gen(student)} oppisopimuksen jatko on kirjattu. Uusi päättymispäivä on ${fiShortDate(ends + 90 * DAY)} Kiitos nopeasta toiminnasta!`,
          ],
        });
      }
      return { subject: `Oppisopimuksen jatko / ${student.name}`, topic: 'students', categories: OPISKELIJAT, steps };
    },
  },
  {
    id: 'arviointipaiva',
    uses: 2,
    pin: { event: 'arviointipaiva', days: [-14, -10], use: 0 },
    build(c, use) {
      const assessor = use % 2 === 0 ? P.eija : P.seppo;
      const day = c.pinned ?? dayAfter(c, 10, 24);
      const [s1, s2, s3] = c.rng.sample([P.ronja, P.emilia, P.heidi, P.aleksi], 3);
      const reply =
        assessor === P.seppo
          ? ['Hei Aino,', 'paperit tulivat perille, kiitos. Pitäisikö minun tuoda oma kannettava, vai onko siellä kone käytössä arviointilomakkeita varten?']
          : [hei(P.aino), 'kiitos, olen paikalla. Tuleeko työelämän edustajalle sama materiaali, vai toimitatko sen hänelle erikseen?'];
      const answer =
        assessor === P.seppo
          ? `Luokassa on kone valmiina, eli omaa ei tarvita. Nähdään ${fiDayAndDate(day)}!`
          : `Lähetin materiaalin hänelle eilen, eli kaikilla on sama versio. Nähdään ${fiDayAndDate(day)}!`;
      return {
        subject: `Näyttötutkinnon arviointipäivä ${fiShortDate(day)}`,
        topic: 'students',
        categories: OPISKELIJAT,
        steps: [
          {
            from: P.aino,
            to: [assessor],
            cc: [P.kari],
            hasAttachments: true,
            text: [
              hei(assessor),
              `vahvistan vielä arviointipäivän ${fiDayAndDate(day)}: yrittäjän ammattitutkinnon tutkintotilaisuuksia on kolme, klo 9–15 luokassa B 105. Arvioitavina ovat ${s1?.name}, ${s2?.name} ja ${s3?.name}.`,
              'Arviointilomakkeet ja tutkinnon perusteet ovat liitteenä. Lounas on järjestetty opiston ruokalassa.',
            ],
          },
          { from: assessor, delay: 'hours', text: reply },
          { from: P.aino, delay: 'minutes', text: [answer] },
        ],
      };
    },
  },
  {
    id: 'budjettiliite',
    uses: 1,
    build(c) {
      const deadline = dayAfter(c, 9, 14);
      return {
        subject: 'Hankehakemuksen budjettiliite',
        topic: 'hanke',
        categories: HANKE,
        steps: [
          {
            from: P.mervi,
            to: [P.aino],
            cc: [P.timo],
            importance: 'high',
            hasAttachments: true,
            text: [
              hei(P.aino),
              'liitteenä Osaava Harjuseutu -jatkohankkeen budjettiluonnos. Katsoisitko koulutusten henkilöstökulut ja ostopalvelut, erityisesti ulkopuolisten kouluttajien päiväpalkkiot ja arvioijien palkkiot.',
              `Hakemus pitää jättää ${fiShortDate(deadline)} mennessä, joten kommentit mieluiten tällä viikolla.`,
            ],
          },
          {
            from: P.aino,
            all: true,
            delay: 'days',
            hasAttachments: true,
            text: [
              'Hei Mervi,',
              'kävin budjetin läpi. Ulkopuolisten kouluttajien päiviä on mielestäni liian vähän: syksyn pilotissa niitä kului 18, budjetissa on 12. Arvioijien palkkiot ovat kohdallaan. Lisäsin kommentit taulukkoon.',
              'Timo, tarkistaisitko vielä välillisten kustannusten prosentin (nyt 15 %)?',
            ],
          },
          {
            from: P.timo,
            all: true,
            delay: 'hours',
            text: ['15 % on rahoittajan ohjeen mukainen, se saa jäädä. Päivitin henkilösivukulut ensi vuoden prosenteilla.'],
          },
          {
            from: P.mervi,
            all: true,
            delay: 'hours',
            text: ['Kiitos molemmille! Lähetän päivitetyn version ohjausryhmälle tiedoksi ennen jättämistä.'],
          },
        ],
      };
    },
  },
  {
    id: 'kahvitarjous',
    uses: 1,
    build(c) {
      const day = dayAfter(c, 12, 20);
      const n = c.rng.pick([30, 35, 40, 45]);
      return {
        subject: 'Tarjous kahvitarjoilusta',
        topic: 'work',
        steps: [
          {
            from: P.leena,
            to: [P.aino],
            hasAttachments: true,
            text: [
              hei(P.aino),
              `kiitos tarjouspyynnöstä. Kahvitarjoilu ${n} hengelle ${fiShortDate(day)}: kahvi, tee, karjalanpiirakat ja pulla, yhteensä ${euro(n * 9)} € (alv 0 %). Gluteenittomat ja vegaaniset vaihtoehdot sisältyvät hintaan, kun saamme ruokavaliot viikkoa ennen.`,
              'Tarjous on voimassa kaksi viikkoa.',
            ],
          },
          {
            from: P.aino,
            delay: 'days',
            text: [
              hei(P.leena),
              `kiitos, tarjous sopii. Tilaan tarjoilun ${n} hengelle: aamukahvi klo 8.30 ja iltapäiväkahvi klo 13.45. Ruokavaliot lähetän viimeistään viikkoa ennen.`,
            ],
          },
          {
            from: P.leena,
            delay: 'hours',
            text: ['Kiitos tilauksesta, merkitty kalenteriin. Tuomme tarjoilut aulaan vartin ennen.'],
          },
        ],
      };
    },
  },
  {
    id: 'interview-request',
    uses: 1,
    pin: { event: 'interview-nlr', days: [-20, -14] },
    build(c) {
      const when = c.pinned ?? dayAfter(c, 14, 21);
      const week = when - ((new Date(when).getUTCDay() + 6) % 7) * DAY;
      return {
        subject: 'Interview request: adult learning in Finland',
        topic: 'work',
        steps: [
          {
            from: P.rachel,
            to: [P.aino],
            text: [
              'Dear Ms Laine,',
              'I am writing a feature for Nordic Learning Review on how Finnish adult education institutes work with local employers, and a colleague suggested Seutuopisto as a good example of apprenticeship-based training.',
              `Would you be available for a 30-minute video interview during the week of ${enDate(week)}? I would also be glad to receive photos from your training sessions, with permission.`,
            ],
          },
          {
            from: P.aino,
            cc: [P.elina],
            delay: 'days',
            text: [
              'Dear Rachel,',
              'thank you for your interest – we would be happy to take part. Any afternoon that week works for me (Finnish time). I am copying my colleague Elina Salo, who can help with photos and permissions.',
            ],
          },
          {
            from: P.rachel,
            all: true,
            delay: 'hours',
            text: [`Wonderful, thank you! Could we say ${enWeekday(when)} ${enDate(when)} at 2 pm Finnish time? I will send an invitation with a video link. Could you also tell me roughly how many apprentices you have each year?`],
          },
          {
            from: P.aino,
            all: true,
            delay: 'hours',
            text: [`Great, see you on ${enWeekday(when)}. We have about 120 apprentices a year, most of them in social and health care, the metal industry and electrical work. I will send a short fact sheet beforehand.`],
          },
        ],
      };
    },
  },
  {
    id: 'haastattelupyynto',
    uses: 1,
    pin: { event: 'haastattelu-lehti', days: [-8, -5] },
    build(c) {
      const day = c.pinned ?? dayAfter(c, 5, 9);
      return {
        subject: 'Haastattelupyyntö: aikuiskoulutus ja työllisyys',
        topic: 'work',
        steps: [
          {
            from: P.oskari,
            to: [P.aino],
            text: [
              hei(P.aino),
              'teen Harjuseudun Sanomiin juttua siitä, miten aikuiskoulutus auttaa työnhakijoita seudulla. Ehtisitkö haastatteluun ensi viikolla? Puhelimessa tai opistolla, noin puoli tuntia.',
              'Olisi hienoa, jos jutussa pääsisi ääneen myös joku opiskelijoistanne.',
            ],
          },
          {
            from: P.aino,
            cc: [P.elina],
            delay: 'hours',
            text: [
              hei(P.oskari),
              `kiitos yhteydenotosta, mielelläni. ${fiDayAndDate(day)} klo 10 opistolla sopisi minulle. Kysyn opiskelijoilta, olisiko joku valmis haastateltavaksi, ja laitan Elina Salon viestinnästä kopioksi kuvauslupien takia.`,
            ],
          },
          { from: P.oskari, all: true, delay: 'hours', text: ['Sopii hyvin, tulen kuvaajan kanssa. Kiitos!'] },
          {
            from: P.elina,
            all: true,
            delay: 'days',
            text: ['Hei, yksi yrittäjän ammattitutkinnon opiskelija on lupautunut haastateltavaksi. Hoidan kuvausluvat paikan päällä.'],
          },
        ],
      };
    },
  },
  {
    id: 'erasmus',
    uses: 2,
    build(c, use) {
      if (use % 2 === 0) {
        const d1 = dayAfter(c, 30, 45);
        return {
          subject: 'GreenSkills for Adults: agenda for the transnational meeting',
          topic: 'hanke',
          categories: HANKE,
          steps: [
            {
              from: P.conor,
              to: [P.aino, P.ines, P.jonas],
              cc: [P.mervi],
              hasAttachments: true,
              text: [
                'Dear partners,',
                `please find attached the draft agenda for our transnational meeting in Cork on ${enDateRange(d1, d1 + DAY)}. Day one focuses on the pilot results, day two on the dissemination plan.`,
                'Please send your comments and the names of your participants within two weeks.',
              ],
            },
            {
              from: P.ines,
              all: true,
              delay: 'hours',
              text: ['Thanks Conor, looks good. Nova Ribeira will send two participants: me and our director. Could we add 30 minutes for budget questions on day two?'],
            },
            {
              from: P.aino,
              to: [P.conor],
              all: true,
              delay: 'days',
              text: ['Hi all,', 'thank you, Conor. Seutuopisto will send two participants: Mervi Järvinen and me. +1 for Inês’s suggestion – a budget slot would help us too.'],
            },
            {
              from: P.conor,
              all: true,
              delay: 'days',
              hasAttachments: true,
              text: ['Thanks both, updated agenda attached. See you in Cork!'],
            },
          ],
        };
      }
      return {
        subject: 'GreenSkills: dissemination plan draft',
        topic: 'hanke',
        categories: HANKE,
        steps: [
          {
            from: P.jonas,
            to: [P.aino],
            cc: [P.conor, P.ines],
            hasAttachments: true,
            text: [
              'Dear colleagues,',
              'attached is the first draft of the dissemination plan. Each partner organises one multiplier event in spring; please check the target numbers for your country.',
            ],
          },
          {
            from: P.aino,
            all: true,
            delay: 'days',
            hasAttachments: true,
            text: [
              'Hi Jonas,',
              'thanks for the draft. For Finland, 40 participants is realistic – we can combine the multiplier event with the regional education fair. I added a few comments on the timeline.',
            ],
          },
          { from: P.jonas, all: true, delay: 'hours', text: ['Perfect, thank you Aino. I will merge everyone’s comments by Friday.'] },
        ],
      };
    },
  },
  {
    id: 'poissaolot',
    uses: 2,
    build(c) {
      const student = c.rng.pick([P.oksana, P.pertti, P.lan, P.aleksi]);
      const due = dayAfter(c, 7, 12);
      return {
        subject: `Opiskelijan poissaolot / ${student.name}`,
        topic: 'students',
        categories: OPISKELIJAT,
        steps: [
          {
            from: P.henna,
            to: [P.aino],
            text: [
              hei(P.aino),
              `${student.name} on ollut poissa lähiopetuksesta kolmella viime kerralla ilman ilmoitusta. Tiedätkö, onko hänen tilanteessaan muutoksia? Ajattelin soittaa hänelle, mutta halusin ensin tarkistaa sinulta.`,
            ],
          },
          {
            from: P.aino,
            delay: 'hours',
            text: [
              hei(P.henna),
              `${gen(student)} kanssa puhuttiin pari viikkoa sitten: vuorotyön takia lähipäivät ovat olleet hankalia. Sovittiin, että hän tekee rästitehtävät verkossa. Soita ihmeessä, ja kirjataan sovittu HOKSiin.`,
            ],
          },
          {
            from: P.henna,
            delay: 'days',
            text: [`Soitin, tilanne on hallinnassa. Hän palauttaa tehtävät ${fiShortDate(due)} mennessä. Kirjasin HOKSiin.`],
          },
        ],
      };
    },
  },
  {
    id: 'opiskelijan-kysymys',
    uses: 6,
    build(c, use) {
      const start = dayAfter(c, 10, 30);
      const variants: (() => ThreadSpec)[] = [
        () => ({
          subject: 'Kysymys kurssista',
          topic: 'students',
          categories: OPISKELIJAT,
          steps: [
            {
              from: P.oksana,
              to: [P.aino],
              text: [hei(P.aino), 'onko suomen kielen jatkokurssilla keväällä myös iltaryhmä? Olen nyt töissä päivisin.'],
            },
            {
              from: P.aino,
              delay: 'hours',
              text: [
                hei(P.oksana),
                `kyllä, iltaryhmä alkaa ${fiShortDate(start)} ja kokoontuu tiistaisin ja torstaisin klo 17–19.15. Ilmoittautuminen on auki Kurssikoneessa. Ota yhteyttä, jos tarvitset apua ilmoittautumisessa.`,
              ],
            },
            { from: P.oksana, delay: 'hours', text: ['Kiitos paljon! Ilmoittauduin jo.'] },
          ],
        }),
        () => ({
          subject: 'Salasana ei toimi',
          topic: 'students',
          textBody: true,
          steps: [
            {
              from: P.pertti,
              to: [P.aino],
              text: ['Hei,', 'en pääse kirjautumaan oppimisympäristöön, se sanoo että salasana on väärä. Vaihdoin sen viime viikolla. Mitä teen?'],
            },
            {
              from: P.aino,
              cc: [P.ville],
              delay: 'minutes',
              text: [hei(P.pertti), 'laitan Ville Lehtosen IT-tuesta kopioksi – hän voi nollata salasanan. Ville, voisitko auttaa?'],
            },
            {
              from: P.ville,
              all: true,
              delay: 'hours',
              text: [hei(P.pertti), 'salasana on nollattu. Saat tekstiviestinä kertakäyttöisen koodin, jolla voit asettaa uuden salasanan.'],
            },
            { from: P.pertti, all: true, delay: 'hours', text: ['Nyt toimii. Kiitos avusta!'] },
          ],
        }),
        () => ({
          subject: 'Ilmoittautuminen: Yrittäjän digitaidot',
          topic: 'students',
          categories: OPISKELIJAT,
          steps: [
            {
              from: P.aleksi,
              to: [P.aino],
              text: ['Moi,', 'ilmoittauduin kurssille, mutta en saanut vahvistusviestiä. Onko ilmoittautuminen mennyt perille?'],
            },
            {
              from: P.aino,
              delay: 'hours',
              text: [hei(P.aleksi), `ilmoittautumisesi on perillä; vahvistus oli ilmeisesti mennyt roskapostiin. Kurssi alkaa ${fiDayAndDate(start)} klo 17.30 luokassa C 12.`],
            },
            { from: P.aleksi, delay: 'minutes', text: ['Joo, löytyi roskapostista. Kiitos!'] },
          ],
        }),
        () => ({
          subject: 'Tutkintotilaisuuden ajankohta',
          topic: 'students',
          categories: OPISKELIJAT,
          steps: [
            {
              from: P.emilia,
              to: [P.aino],
              text: ['Hei Aino!', 'Voisiko tutkintotilaisuuteni siirtää viikolla myöhemmäksi? Minulla on asiakastilaus, joka osuu samalle päivälle.'],
            },
            {
              from: P.aino,
              delay: 'hours',
              text: [hei(P.emilia), `siirto onnistuu. Uusi ajankohta on ${fiDayAndDate(start)} klo 12.00. Ilmoitan muutoksesta arvioijille.`],
            },
            { from: P.emilia, delay: 'hours', text: ['Kiitos tosi paljon, tämä helpottaa!'] },
          ],
        }),
        () => ({
          subject: 'Opiskelutodistus',
          topic: 'students',
          categories: OPISKELIJAT,
          steps: [
            { from: P.lan, to: [P.aino], text: ['Hei,', 'tarvitsen todistuksen opiskelusta Kelaa varten. Voitteko lähettää sen minulle?'] },
            {
              from: P.aino,
              cc: [P.pirjo],
              delay: 'hours',
              text: [hei(P.lan), 'opintosihteerimme Pirjo Heikkilä tekee todistuksen. Pirjo, voisitko lähettää Lanille opiskelutodistuksen?'],
            },
            {
              from: P.pirjo,
              all: true,
              delay: 'hours',
              hasAttachments: true,
              text: [hei(P.lan), 'opiskelutodistus on liitteenä. Tarvittaessa saat sen myös paperisena opiston toimistosta.'],
            },
            { from: P.lan, all: true, delay: 'hours', text: ['Kiitos paljon!'] },
          ],
        }),
        () => ({
          subject: 'Liiketoimintasuunnitelman palautus',
          topic: 'students',
          categories: OPISKELIJAT,
          steps: [
            {
              from: P.ronja,
              to: [P.aino],
              text: ['Moikka,', 'saako liiketoimintasuunnitelman palauttaa vielä ensi viikolla? Laskelmat ovat vähän kesken.'],
            },
            {
              from: P.aino,
              delay: 'hours',
              text: [
                hei(P.ronja),
                `palautus onnistuu ${fiShortDate(start)} asti. Kari Nieminen antaa laskelmista palautetta, joten voit kysyä häneltä apua jo etukäteen.`,
              ],
            },
            { from: P.ronja, delay: 'hours', text: ['Kiitti! Laitan Karille viestiä.'] },
          ],
        }),
      ];
      return (variants[use % variants.length] ?? variants[0]!)();
    },
  },
  {
    id: 'maksatushakemus',
    uses: 1,
    build(c) {
      const deadline = dayAfter(c, 10, 14);
      return {
        subject: 'Maksatushakemus: Osaava Harjuseutu, täydennyspyyntö',
        topic: 'hanke',
        categories: HANKE,
        steps: [
          {
            from: P.tuula,
            to: [P.mervi],
            cc: [P.aino],
            importance: 'high',
            text: [
              'Hei,',
              'Osaava Harjuseutu -hankkeen maksatushakemuksen käsittelyä varten tarvitsemme vielä seuraavat täydennykset: koulutuspäivien osallistujalistat syyskuulta sekä pitopalvelun ostolaskun tositteen.',
              `Pyydämme toimittamaan täydennykset sähköiseen asiointipalveluun ${fiShortDate(deadline)} mennessä.`,
            ],
          },
          {
            from: P.mervi,
            to: [P.aino],
            delay: 'hours',
            text: ['Aino, sinulla on syyskuun osallistujalistat – ehditkö skannata ne huomiseen mennessä? Hoidan laskun tositteen.'],
          },
          {
            from: P.aino,
            delay: 'hours',
            text: ['Skannasin listat ja tallensin ne hankkeen kansioon. Kahdesta listasta puuttui kouluttajan allekirjoitus, pyysin ne Karilta tänään.'],
          },
          {
            from: P.mervi,
            to: [P.tuula],
            cc: [P.aino],
            inReplyTo: 0,
            delay: 'days',
            text: ['Hei Tuula,', 'täydennykset on toimitettu asiointipalveluun. Kiitos!'],
          },
        ],
      };
    },
  },
  {
    id: 'ohjausryhma-muistio',
    uses: 1,
    build(c) {
      const meeting = startOfCivilDay(c.start) - c.rng.int(2, 4) * DAY;
      return {
        subject: `Ohjausryhmän kokousmuistio ${fiShortDate(meeting)}`,
        topic: 'hanke',
        categories: HANKE,
        steps: [
          {
            from: P.mervi,
            to: [P.aino, P.markku, P.marko, P.riikka, P.jari],
            hasAttachments: true,
            text: [
              'Hei kaikki,',
              'liitteenä ohjausryhmän kokouksen muistio. Pyydän kommentit viikon kuluessa, minkä jälkeen muistio katsotaan hyväksytyksi.',
              'Seuraava kokous on kahden viikon päästä torstaina klo 13 Teamsissa.',
            ],
          },
          {
            from: P.markku,
            all: true,
            delay: 'days',
            text: ['Kiitos Mervi. Kohtaan 4 tarkennus: AMK:n osuus pilottikoulutuksesta on kaksi opintojaksoa, ei kolme.'],
          },
          { from: P.marko, all: true, delay: 'hours', text: ['Kiitos, ei muuta kommentoitavaa Yrittäjien puolesta.'] },
          {
            from: P.mervi,
            all: true,
            delay: 'days',
            text: ['Kiitos, korjasin kohdan 4. Hyväksytty muistio on nyt hankkeen Teams-kanavalla.'],
          },
        ],
      };
    },
  },
  {
    id: 'polkuopinnot',
    uses: 1,
    build(c) {
      const day = dayAfter(c, 14, 28);
      return {
        subject: 'Polkuopinnot AMK:hon keväällä',
        topic: 'work',
        steps: [
          {
            from: P.johanna,
            to: [P.aino],
            cc: [P.noora],
            text: [
              hei(P.aino),
              'suunnittelemme kevään polkuopintoja. Olisiko teidän yrittäjän ammattitutkinnon opiskelijoista kiinnostusta suorittaa avoimen AMK:n opintojakso Liiketoimintamallit (5 op) tutkinnon rinnalla?',
              'Opetus on verkossa, ja opintojakson voi myöhemmin hyväksilukea tradenomiopintoihin.',
            ],
          },
          {
            from: P.aino,
            all: true,
            delay: 'days',
            text: [
              hei(P.johanna),
              `kuulostaa hyvältä! Meillä on keväällä noin 25 opiskelijaa, joista osa on varmasti kiinnostunut. Voisitteko esitellä opintojakson heille lähipäivänä ${fiDayAndDate(day)}?`,
            ],
          },
          { from: P.noora, all: true, delay: 'hours', text: [hei(P.aino), 'tulen mielelläni esittelemään. Tarvitsen 20 minuuttia ja videotykin.'] },
          { from: P.aino, all: true, delay: 'hours', text: ['Loistavaa, varaan ajan klo 13 alkaen. Kiitos!'] },
        ],
      };
    },
  },
  {
    id: 'yrittajailta',
    uses: 1,
    pin: { event: 'yrittajailta', days: [-30, -24] },
    build(c) {
      const day = c.pinned ?? dayAfter(c, 21, 35);
      return {
        subject: 'Yrittäjäilta: puheenvuoro ja tilat',
        topic: 'work',
        steps: [
          {
            from: P.marko,
            to: [P.aino],
            text: [
              hei(P.aino),
              `Yrittäjäilta on ${fiDayAndDate(day)} klo 17.30 opistollanne, kuten sovittiin. Saisimmeko teiltä puheenvuoron aikuiskoulutuksen mahdollisuuksista yrittäjille? Noin 15 minuuttia riittää.`,
            ],
          },
          {
            from: P.aino,
            delay: 'hours',
            text: [hei(P.marko), 'kiitos kutsusta, otan puheenvuoron mielelläni. Kerron oppisopimuksesta ja yrittäjän ammattitutkinnosta. Hoidammeko me tarjoilut vai te?'],
          },
          {
            from: P.marko,
            cc: [P.kaisa],
            delay: 'hours',
            text: ['Me hoidamme tarjoilut, Kaisa on yhteydessä pitopalveluun. Laitan Kaisan kopioksi.'],
          },
          {
            from: P.kaisa,
            to: [P.aino],
            all: true,
            delay: 'days',
            text: [hei(P.aino), 'tarvitsisin salivarauksen tiedot ja osallistujamäärän ylärajan. Ilmoittautuneita on nyt 42.'],
          },
          {
            from: P.aino,
            all: true,
            delay: 'hours',
            text: [hei(P.kaisa), 'auditorio on varattu klo 16.30–21. Sinne mahtuu 80 henkeä, joten tilaa riittää.'],
          },
        ],
      };
    },
  },
  {
    id: 'tyollisyyskoulutus',
    uses: 1,
    pin: { event: 'tyollisyys-alkupalaveri', days: [-16, -12] },
    build(c) {
      const due = dayAfter(c, 10, 14);
      return {
        subject: 'Työllisyyskoulutusten hankinta ensi vuodelle',
        topic: 'work',
        steps: [
          {
            from: P.satu,
            to: [P.aino],
            hasAttachments: true,
            text: [
              'Hei,',
              `kaupunki valmistelee ensi vuoden työllisyyskoulutusten hankintaa. Pyydämme kouluttajilta näkemyksiä koulutustarpeista ennen tarjouspyynnön julkaisua. Ehtisittekö vastata oheiseen kyselyyn ${fiShortDate(due)} mennessä?`,
            ],
          },
          {
            from: P.aino,
            delay: 'days',
            text: [
              hei(P.satu),
              'kiitos, vastaamme kyselyyn. Suurin tarve on mielestämme hoiva-alan ja logistiikan lyhytkoulutuksissa sekä suomen kielen opinnoissa työn ohessa. Olisiko mahdollista tavata ennen tarjouspyynnön julkaisua?',
            ],
          },
          {
            from: P.satu,
            cc: [P.jari],
            delay: 'hours',
            text: [hei(P.aino), 'tapaaminen sopii. Pyydän myös elinvoimajohtaja Jari Tuomisen mukaan ja lähetän kutsun.'],
          },
        ],
      };
    },
  },
  {
    id: 'esite',
    uses: 1,
    pin: { event: 'esite-vedos', days: [-12, -9] },
    build(c) {
      const ready = dayAfter(c, 7, 12);
      return {
        subject: 'Tarjouspyyntö: kevään koulutusesite',
        topic: 'work',
        steps: [
          {
            from: P.aino,
            to: [P.sanna],
            cc: [P.elina],
            text: [hei(P.sanna), `tarvitsisimme tarjouksen kevään koulutusesitteestä: A5, 16 sivua, nelivärinen, 2 000 kpl. Aineisto valmistuu ${fiShortDate(ready)}`],
          },
          {
            from: P.sanna,
            all: true,
            delay: 'days',
            hasAttachments: true,
            text: [hei(P.aino), 'kiitos tarjouspyynnöstä. Hinta on 1 480 € + alv, toimitus viiden arkipäivän kuluttua aineiston hyväksymisestä. Tarjous liitteenä.'],
          },
          { from: P.aino, all: true, delay: 'hours', text: ['Kiitos, tilataan. Elina lähettää aineiston.'] },
          {
            from: P.sanna,
            all: true,
            delay: 'days',
            hasAttachments: true,
            text: ['Hei,', 'vedos on liitteenä tarkistettavaksi. Hyväksynnän jälkeen esite menee painoon.'],
          },
          { from: P.elina, all: true, delay: 'hours', text: ['Vedos hyväksytty, kiitos!'] },
          {
            from: P.sanna,
            all: true,
            delay: 'days',
            text: ['Hei,', 'esitteet (2 000 kpl) on toimitettu opiston aulaan. Lasku lähtee erikseen.'],
          },
        ],
      };
    },
  },
  {
    id: 'teams-tunnukset',
    uses: 1,
    build(c) {
      const by = dayAfter(c, 5, 8);
      return {
        subject: 'Teams-tunnukset uusille kouluttajille',
        topic: 'work',
        steps: [
          {
            from: P.aino,
            to: [P.ville],
            text: [
              'Moi Ville,',
              `kevään kursseille tulee kaksi ulkopuolista kouluttajaa, Daniel Berg ja Katja Hirvonen. He tarvitsisivat vierastunnukset Teamsiin ja pääsyn oppimisympäristön kurssialueille. Ehtisitkö hoitaa ${fiShortDate(by)} mennessä?`,
            ],
          },
          { from: P.ville, delay: 'hours', text: ['Hoidan. Tarvitsen heidän sähköpostiosoitteensa ja kurssien nimet.'] },
          {
            from: P.aino,
            delay: 'minutes',
            text: [`Danielin osoite on ${P.daniel.address} ja Katjan ${P.katja.address}. Kurssit: Yrittäjän digitaidot ja Asiakaspalvelun ammattitutkinto.`],
          },
          { from: P.ville, delay: 'hours', text: ['Kutsut lähetetty molemmille.'] },
        ],
      };
    },
  },
  {
    id: 'nayttoymparisto',
    uses: 1,
    build(c) {
      const day = dayAfter(c, 4, 9);
      return {
        subject: 'Näyttöympäristön tarkastus',
        topic: 'students',
        categories: OPISKELIJAT,
        steps: [
          {
            from: P.anne,
            to: [P.aino],
            text: [
              hei(P.aino),
              'voisitteko tulla tarkastamaan näyttöympäristön ennen Jenna Korhosen tutkintotilaisuutta? Meillä on uusi osasto, jossa näyttö olisi tarkoitus antaa.',
            ],
          },
          {
            from: P.aino,
            delay: 'hours',
            text: [hei(P.anne), `sopii. Tulisin ${fiDayAndDate(day)} klo 13. Käydään samalla läpi arviointikriteerit.`],
          },
          { from: P.anne, delay: 'hours', text: ['Hyvä, olen vastassa pääovella.'] },
        ],
      };
    },
  },
  {
    id: 'kouluttajasopimus',
    uses: 1,
    pin: { event: 'kouluttajasopimus', days: [5, 10] },
    build() {
      return {
        subject: 'Kouluttajasopimus: Asiakaspalvelun ammattitutkinto',
        topic: 'work',
        steps: [
          {
            from: P.katja,
            to: [P.aino],
            hasAttachments: true,
            text: [
              hei(P.aino),
              'liitteenä allekirjoitettu kouluttajasopimus kevään toteutuksesta. Matkakulut puuttuvat sopimuksesta – sovimmehan, että ne korvataan verohallinnon kilometrikorvausten mukaan?',
            ],
          },
          {
            from: P.aino,
            to: [P.timo],
            as: 'forward',
            delay: 'hours',
            text: ['Timo, katsotko tämän? Matkakuluista sovittiin suullisesti, mutta ne jäivät sopimuspohjasta pois.'],
          },
          {
            from: P.timo,
            delay: 'hours',
            text: ['Matkakulut voidaan korvata, lisätään liite sopimukseen. Kerro Katjalle, niin hoidan liitteen.'],
          },
          {
            from: P.aino,
            inReplyTo: 0,
            delay: 'minutes',
            text: [hei(P.katja), 'matkakulut korvataan verohallinnon kilometrikorvausten mukaan, ja lisäämme siitä liitteen sopimukseen. Kiitos huomiosta!'],
          },
        ],
      };
    },
  },
  {
    id: 'lasku-kohdistus',
    uses: 2,
    build(c, use) {
      const supplier = use % 2 === 0 ? 'Pitopalvelu Kanervan' : 'Painotalo Kirjokannen';
      const nr = c.rng.int(20400, 20990);
      const sum = use % 2 === 0 ? c.rng.int(280, 620) : 1480;
      const hanke = use % 2 === 0;
      return {
        subject: `Lasku ${nr} / hyväksyntä`,
        topic: hanke ? 'hanke' : 'work',
        categories: hanke ? HANKE : [],
        steps: [
          {
            from: P.timo,
            to: [P.aino],
            text: [
              hei(P.aino),
              `${supplier} lasku ${nr} (${euro(sum)} €) odottaa hyväksyntääsi. Kohdistetaanko se Osaava Harjuseutu -hankkeelle vai opiston omalle kustannuspaikalle?`,
            ],
          },
          {
            from: P.aino,
            delay: 'hours',
            text: [hanke ? 'Hei Timo, lasku kuuluu hankkeelle: koulutuspäivän tarjoilut. Hyväksyin sen.' : 'Hei Timo, esite on opiston omaa markkinointia, eli oma kustannuspaikka. Hyväksyin laskun.'],
          },
          { from: P.timo, delay: 'hours', text: ['Kiitos, kirjattu.'] },
        ],
      };
    },
  },
  {
    id: 'webinaarin-tallenne',
    uses: 1,
    build() {
      return {
        subject: 'Webinaarin tallenne ja materiaalit',
        topic: 'work',
        steps: [
          {
            from: P.daniel,
            to: [P.aino],
            hasAttachments: true,
            text: [
              hei(P.aino),
              'tässä linkki eilisen webinaarin tallenteeseen sekä diat pdf-muodossa. Voisitko jakaa ne osallistujille oppimisympäristössä? Tallenne on katsottavissa 30 päivää.',
            ],
          },
          {
            from: P.aino,
            delay: 'hours',
            text: [hei(P.daniel), 'kiitos! Jaoin materiaalit kurssialueelle. Palaute oli tosi hyvää – keskiarvo 4,6/5.'],
          },
          { from: P.daniel, delay: 'hours', text: ['Mahtavaa kuulla, kiitos! Kevään toteutus sopii minulle, kun aikataulu selviää.'] },
        ],
      };
    },
  },
  {
    id: 'koulutusmessut',
    uses: 1,
    build(c) {
      const fair = dayAfter(c, 20, 30);
      return {
        subject: 'Kutsu: Harjuseudun koulutusmessut',
        forwardedFirst: true,
        topic: 'work',
        steps: [
          {
            from: P.sari,
            to: [P.aino],
            text: [
              'Aino,',
              `voisitko sinä koordinoida meidän messuosastomme? Kaupungin kutsu alla: messut ovat ${fiDayAndDate(fair)} urheilutalolla, ilmoittautuminen kaupungin lomakkeella.`,
            ],
          },
          {
            from: P.aino,
            delay: 'hours',
            text: ['Hoidan. Pyydän Elinalta esitteet ja roll-upin, ja kysyn Karia ja Hennaa päivystämään.'],
          },
          { from: P.sari, delay: 'hours', text: ['Kiitos! Ilmoittauduthan samalla, määräaika on perjantaina.'] },
        ],
      };
    },
  },
  {
    id: 'toteutussuunnitelma',
    uses: 1,
    build(c) {
      const due = dayAfter(c, 10, 14);
      return {
        subject: 'Toteutussuunnitelman päivitys: yrittäjän ammattitutkinto',
        topic: 'work',
        steps: [
          {
            from: P.sari,
            to: [P.aino, P.kari],
            text: [
              'Hei,',
              `yrittäjän ammattitutkinnon toteutussuunnitelma pitää päivittää perusteiden muutosten mukaiseksi. Ehtisittekö tehdä ehdotuksen ${fiShortDate(due)} mennessä? Pohja on yhteisessä kansiossa.`,
            ],
          },
          {
            from: P.kari,
            all: true,
            delay: 'hours',
            text: ['Aloitin jo. Suurin muutos on valinnaisissa tutkinnon osissa – Aino, katsotko sinä arviointisuunnitelman?'],
          },
          { from: P.aino, all: true, delay: 'hours', text: ['Katson arvioinnin ja aikataulun. Palaan torstaina.'] },
          {
            from: P.aino,
            to: [P.sari],
            cc: [P.kari],
            delay: 'days',
            text: ['Päivitetty versio on kansiossa. Muutokset on merkitty keltaisella.'],
          },
          { from: P.sari, all: true, delay: 'hours', text: ['Kiitos, hyvältä näyttää. Viedään johtoryhmään ensi viikolla.'] },
        ],
      };
    },
  },
  {
    id: 'ruokavaliot',
    uses: 1,
    build(c) {
      const day = dayAfter(c, 6, 9);
      return {
        subject: `Ruokavaliot ${fiShortDate(day)} koulutuspäivään`,
        topic: 'work',
        steps: [
          {
            from: P.aino,
            to: [P.leena],
            text: [
              hei(P.leena),
              `tässä ruokavaliot ${fiShortDate(day)} koulutuspäivään: 3 gluteenitonta, 2 laktoositonta, 1 vegaani ja 1 pähkinäallergia. Osallistujia on yhteensä 34.`,
            ],
          },
          { from: P.leena, delay: 'hours', text: ['Kiitos, merkitty. Pähkinäallergia huomioidaan koko tarjoilussa.'] },
        ],
      };
    },
  },
  {
    id: 'kotoutumiskoulutus',
    uses: 1,
    pin: { event: 'kotoutuminen', days: [-14, -10] },
    build(c) {
      const day = dayAfter(c, 7, 14);
      return {
        subject: 'Kotoutumiskoulutuksen ryhmät keväällä',
        topic: 'work',
        steps: [
          {
            from: P.hannu,
            to: [P.aino],
            cc: [P.ahmed],
            text: [
              'Hei,',
              'kunnan alueelle on tulossa keväällä noin 15 uutta kotoutujaa. Olisiko teillä mahdollista avata uusi kotoutumiskoulutuksen ryhmä Mäntyrinteelle, esimerkiksi kirjaston tiloihin?',
            ],
          },
          {
            from: P.ahmed,
            all: true,
            delay: 'hours',
            text: ['Hei Hannu,', 'meillä on kouluttajaresurssia aamupäiväryhmälle. Tarvitsemme tiedon osallistujien kielitasosta, jotta voimme suunnitella ryhmän.'],
          },
          {
            from: P.aino,
            to: [P.hannu],
            all: true,
            delay: 'hours',
            text: [
              'Hei,',
              `tehdään näin: Ahmed tekee lähtötasotestauksen ${fiDayAndDate(day)}, ja minä valmistelen tarjouksen kunnalle. Hannu, voisitko varata kirjastosta tilan testausta varten?`,
            ],
          },
          { from: P.hannu, all: true, delay: 'days', text: ['Tila varattu klo 9–12. Kiitos nopeasta reagoinnista!'] },
        ],
      };
    },
  },
  {
    id: 'taydennyskoulutus',
    uses: 1,
    pin: { event: 'taydennyskoulutus', days: [-16, -12] },
    build() {
      return {
        subject: 'Lähihoitajien täydennyskoulutus: yhteistoteutus',
        topic: 'work',
        steps: [
          {
            from: P.antti,
            to: [P.aino],
            text: [
              hei(P.aino),
              'meillä on kysyntää lähihoitajien lääkehoidon täydennyskoulutukselle, mutta opettajaresurssit ovat tiukalla. Voisimmeko toteuttaa sen yhdessä? Me hoitaisimme lääkehoidon sisällöt, te aikuisopiskelijoiden ohjauksen ja markkinoinnin.',
            ],
          },
          {
            from: P.aino,
            delay: 'days',
            text: [hei(P.antti), 'hyvä ajatus. Pihlajaharjun Hoivakoti on kysellyt samaa, joten osallistujia löytyy varmasti. Sovitaanko palaveri, jossa katsotaan sisältö ja kustannusjako?'],
          },
          { from: P.antti, cc: [P.minna], delay: 'hours', text: ['Sovitaan. Minna Hakala tulee mukaan meiltä, hän lähettää aikaehdotuksia.'] },
        ],
      };
    },
  },
  {
    id: 'todistus-allekirjoitus',
    uses: 2,
    build(c) {
      const student = c.rng.pick([P.ronja, P.emilia, P.heidi, P.jenna, P.mikko]);
      return {
        subject: `Todistuksen allekirjoitus / ${student.name}`,
        topic: 'students',
        categories: OPISKELIJAT,
        steps: [
          {
            from: P.pirjo,
            to: [P.aino],
            text: [
              hei(P.aino),
              `${student.name} on suorittanut kaikki tutkinnon osat. Tutkintotodistus on tulostettu – ehditkö allekirjoittaa sen tänään? Se on toimistolla sinisessä kansiossa.`,
            ],
          },
          { from: P.aino, delay: 'minutes', text: ['Allekirjoitan iltapäivällä, kiitos Pirjo!'] },
          { from: P.pirjo, delay: 'hours', text: ['Kiitos, postitan todistuksen huomenna.'] },
        ],
      };
    },
  },
  {
    id: 'kurssipalaute',
    uses: 1,
    build(c) {
      const course = c.rng.pick(['Yrittäjän digitaidot', 'Asiakaspalvelun ammattitutkinto', 'Tieto- ja viestintätekniikan perustaidot']);
      return {
        subject: `Kurssipalaute: ${course}`,
        topic: 'work',
        steps: [
          {
            from: P.aino,
            to: [P.kari],
            text: [
              hei(P.kari),
              `${course} -kurssin palautteet tulivat. Keskiarvo on 4,3/5. Eniten kiitosta saivat käytännön esimerkit, toiveena oli enemmän aikaa harjoituksiin. Käydäänkö läpi viikkopalaverissa?`,
            ],
          },
          { from: P.kari, delay: 'hours', text: ['Käydään. Harjoituksia voin lisätä, jos lähipäivää pidennetään tunnilla.'] },
        ],
      };
    },
  },
  {
    id: 'luokan-koneet',
    uses: 1,
    build(c) {
      const visit = dayAfter(c, 1, 3);
      return {
        subject: 'Luokan C 12 tietokoneet hitaita',
        topic: 'work',
        steps: [
          {
            from: P.aino,
            to: [P.datatuki],
            cc: [P.ville],
            text: [
              'Hei,',
              'luokan C 12 tietokoneet käynnistyvät todella hitaasti (5–10 min) ja kaatuvat välillä kesken opetuksen. Koneita on 16. Voisitteko tarkistaa ne ennen ensi viikon kurssia?',
            ],
          },
          {
            from: P.datatuki,
            all: true,
            delay: 'hours',
            signature: 'Ystävällisin terveisin\nDatariihi Palvelupiste\np. 040 000 0900',
            text: ['Hei,', `kiitos ilmoituksesta, tukipyyntö on kirjattu. Asentajamme käy luokassa ${fiDayAndDate(visit)} klo 8 ja päivittää koneet.`],
          },
          { from: P.aino, all: true, delay: 'days', text: ['Kiitos, koneet toimivat nyt hyvin!'] },
        ],
      };
    },
  },
  {
    id: 'tarjous-tyopaikkaohjaajat',
    uses: 1,
    build() {
      return {
        subject: 'Tarjous: työpaikkaohjaajakoulutus',
        topic: 'work',
        steps: [
          {
            from: P.aino,
            to: [P.tiina],
            cc: [P.anne],
            hasAttachments: true,
            text: [
              hei(P.tiina),
              'liitteenä tarjous työpaikkaohjaajakoulutuksesta henkilöstöllenne: kaksi lähipäivää ja verkkotehtävät, enintään 8 osallistujaa. Oppisopimusopiskelijoiden työpaikkaohjaajille koulutus on maksuton.',
            ],
          },
          { from: P.tiina, all: true, delay: 'days', text: [hei(P.aino), 'kiitos! Käsittelemme tarjouksen johtoryhmässä ensi viikolla ja palaan asiaan.'] },
          { from: P.tiina, all: true, delay: 'days', text: ['Hei,', 'hyväksymme tarjouksen. Osallistujat ilmoitetaan Anne Kinnusen kautta.'] },
        ],
      };
    },
  },
];

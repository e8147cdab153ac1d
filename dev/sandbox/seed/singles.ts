/**
 * One-off messages (questions, notices, invoices, system mail, Aino's own sends) and the newsletters
 * that arrive on a schedule. Singles fill the mailbox up to its target size.
 */
import type { Person } from './directory';
import { PEOPLE as P } from './directory';
import type { ThreadSpec } from './compose';
import type { Rng } from './random';
import { DAY, FI_MONTHS, fiDayAndDate, fiShortDate, HOUR, isoWeek, MINUTE, onOrAfterWorkday, startOfCivilDay } from './time';
import { dayAfter, hei, type TemplateCtx } from './threads';

export interface SingleTemplate {
  id: string;
  /** At most this many messages from the template. */
  max: number;
  weight: number;
  build(c: TemplateCtx): ThreadSpec;
}

const HANKE = ['Hanke'];
const OPISKELIJAT = ['Opiskelijat'];
const STUDENT_POOL = [P.mikko, P.jenna, P.sami, P.oksana, P.pertti, P.ronja, P.emilia, P.lan, P.aleksi];
const EMPLOYER_CONTACTS = [P.mika, P.anne, P.petri];

const single = (subject: string, topic: ThreadSpec['topic'], step: ThreadSpec['steps'][number], extra: Partial<ThreadSpec> = {}): ThreadSpec => ({
  subject,
  topic,
  steps: [step],
  ...extra,
});

/** Implementation codes as the enrolment system prints them, e.g. HYG-26-41. */
const COURSE_CODES: Record<string, string> = {
  'Yrittäjän digitaidot': 'DIGI',
  'Suomen kielen jatkokurssi': 'SK2',
  Hygieniapassi: 'HYG',
  Työturvallisuuskortti: 'TTK',
  'Tieto- ja viestintätekniikan perustaidot': 'TVT',
};
const courseCode = (r: Rng, course: string): string => `${COURSE_CODES[course] ?? 'KURS'}-${r.int(26, 27)}-${r.int(10, 99)}`;

export const SINGLE_TEMPLATES: readonly SingleTemplate[] = [
  // — Students —
  {
    id: 'poissaolo',
    max: 12,
    weight: 5,
    build(c) {
      const s = c.rng.pick(STUDENT_POOL);
      const next = onOrAfterWorkday(startOfCivilDay(c.start) + DAY);
      return single(`Poissaolo ${fiShortDate(next)}`, 'students', {
        from: s,
        to: [P.aino],
        text: [
          c.rng.pick(['Hei Aino,', 'Hei,', 'Moi Aino,']),
          c.rng.pick([
            `olen kipeänä enkä pääse lähipäivään ${fiDayAndDate(next)} Teen tehtävät kotona ja palautan ne verkkoon.`,
            `lapsi sairastui, joten en pääse ${fiDayAndDate(next)} paikalle. Voinko tehdä korvaavan tehtävän?`,
            `minulla on työvuoro ${fiDayAndDate(next)}, joten joudun olemaan pois. Sovin asiasta jo työpaikkaohjaajan kanssa.`,
          ]),
        ],
      }, { categories: OPISKELIJAT });
    },
  },
  {
    id: 'tehtavakysymys',
    max: 8,
    weight: 4,
    build(c) {
      const s = c.rng.pick(STUDENT_POOL);
      return single(c.rng.pick(['Kysymys tehtävästä', 'Kysymys kotitehtävästä', 'Tehtävän palautus']), 'students', {
        from: s,
        to: [P.aino],
        text: [
          'Hei,',
          c.rng.pick([
            'tarkoittaako tehtävän 3 kannattavuuslaskelma samaa kuin katetuottolaskelma? En löytänyt materiaalista vastausta.',
            'palautuskansio on mennyt kiinni, vaikka määräaika on vasta huomenna. Voinko lähettää tehtävän sähköpostilla?',
            'pitääkö oppimispäiväkirja palauttaa joka viikko vai vasta jakson lopussa?',
          ]),
        ],
      }, { categories: c.rng.chance(0.5) ? OPISKELIJAT : [] });
    },
  },
  {
    id: 'kiitos-kurssista',
    max: 5,
    weight: 2,
    build(c) {
      const s = c.rng.pick(STUDENT_POOL);
      return single('Kiitos kurssista!', 'students', {
        from: s,
        to: [P.aino],
        text: ['Hei Aino,', 'kiitos tosi hyvästä kurssista! Opin paljon käytännön asioita, ja ryhmässä oli hyvä henki. Suosittelen kurssia muillekin.'],
      });
    },
  },
  {
    id: 'osoitteenmuutos',
    max: 3,
    weight: 1,
    build(c) {
      const s = c.rng.pick(STUDENT_POOL);
      return single('Osoitteenmuutos', 'students', {
        from: s,
        to: [P.aino],
        cc: [P.pirjo],
        text: ['Hei,', `muutin kuun alussa. Uusi osoitteeni on ${c.rng.pick(['Kuusikuja', 'Harjutie', 'Myllypolku', 'Rantakatu'])} ${c.rng.int(2, 40)}, 45${c.rng.int(100, 999)} Harjula. Voitteko päivittää sen rekisteriin?`],
      });
    },
  },
  {
    id: 'harjoittelupaikka',
    max: 3,
    weight: 1,
    build(c) {
      const s = c.rng.pick([P.lan, P.oksana, P.aleksi, P.ronja]);
      return single('Työharjoittelupaikka löytyi', 'students', {
        from: s,
        to: [P.aino],
        cc: [P.henna],
        text: [hei(P.aino), 'löysin harjoittelupaikan Leipomo Vehnäpellosta! Mitä papereita tarvitsen ennen kuin voin aloittaa?'],
      }, { categories: OPISKELIJAT });
    },
  },
  // — Employers —
  {
    id: 'tyopaikkaohjaaja',
    max: 3,
    weight: 1,
    build(c) {
      const e = c.rng.pick(EMPLOYER_CONTACTS);
      return single('Työpaikkaohjaajan vaihdos', 'students', {
        from: e,
        to: [P.aino],
        cc: [P.laura],
        text: [hei(P.aino), 'työpaikkaohjaajamme vaihtuu ensi kuun alusta. Uuden ohjaajan tiedot pitää päivittää oppisopimukseen – kerrotko, mitä tarvitset meiltä?'],
      });
    },
  },
  {
    id: 'oppisopimus-kiinnostus',
    max: 4,
    weight: 1,
    build(c) {
      const e = c.rng.pick([P.juha, P.heidi, P.jenni, P.tiina]);
      return single('Kiinnostus oppisopimukseen', 'work', {
        from: e,
        to: [P.aino],
        text: ['Hei,', 'meillä olisi kiinnostusta palkata keväällä uusi työntekijä oppisopimuksella. Voisitteko kertoa, miten prosessi etenee ja paljonko se työllistää työpaikkaohjaajaa?'],
      });
    },
  },
  // — Colleagues and internal lists —
  {
    id: 'tyoaikakirjaukset',
    max: 2,
    weight: 1,
    build() {
      return single('Muistutus: työaikakirjaukset', 'work', {
        from: P.timo,
        to: [P.henkilosto],
        text: ['Hei kaikki,', 'kuukauden työaikakirjaukset pitää olla tehtynä maanantaihin mennessä. Hanketyötä tekevät: kirjatkaa hanketunnit omalle projektinumerolleen.'],
      });
    },
  },
  {
    id: 'henkilostokokous',
    max: 3,
    weight: 1,
    build(c) {
      const d = dayAfter(c, 2, 6);
      return single(`Henkilöstökokous ${fiDayAndDate(d)}`, 'work', {
        from: P.jukka,
        to: [P.henkilosto],
        text: ['Hyvä henkilöstö,', `henkilöstökokous pidetään ${fiDayAndDate(d)} klo 14–15.30 auditoriossa ja Teamsissa. Aiheina ensi vuoden budjetti, työhyvinvointikyselyn tulokset ja kevään koulutustarjonta.`],
      });
    },
  },
  {
    id: 'tulostin',
    max: 1,
    weight: 1,
    build() {
      return single('Tulostin 2. kerroksessa toimii taas', 'work', {
        from: P.ville,
        to: [P.henkilosto],
        text: ['Hei,', 'B-siiven 2. kerroksen monitoimilaite on korjattu. Skannaus sähköpostiin toimii taas, mutta laite lähettää viestit vielä vanhalla lähettäjätiedolla – korjaan sen ensi viikolla.'],
      });
    },
  },
  {
    id: 'jaakaappi',
    max: 1,
    weight: 1,
    build() {
      return single('Kahvihuoneen jääkaappi tyhjennetään perjantaina', 'work', {
        from: P.pirjo,
        to: [P.henkilosto],
        text: ['Hei kaikki,', 'kahvihuoneen jääkaappi tyhjennetään perjantaina klo 15. Nimetyt ja päivätyt eväät saavat jäädä. 🙂'],
      });
    },
  },
  {
    id: 'lomatoiveet',
    max: 1,
    weight: 1,
    build() {
      return single('Lomatoiveet', 'work', {
        from: P.sari,
        to: [P.aino, P.kari, P.henna, P.ahmed, P.laura],
        text: ['Hei,', 'kirjatkaa lomatoiveet yhteiseen taulukkoon kuun loppuun mennessä. Huomioikaa, että kurssien alkuviikoilla tarvitaan vähintään kaksi paikalla.'],
      });
    },
  },
  {
    id: 'opiskelijahaastattelut',
    max: 1,
    weight: 1,
    build(c) {
      const d = dayAfter(c, 3, 7);
      return single('Opiskelijahaastattelut', 'students', {
        from: P.henna,
        to: [P.aino],
        text: [hei(P.aino), `ehditkö mukaan opiskelijahaastatteluihin ${fiDayAndDate(d)} klo 9–12? Yrittäjän ammattitutkintoon on yhdeksän hakijaa.`],
      });
    },
  },
  {
    id: 'juttuidea',
    max: 1,
    weight: 1,
    build() {
      return single('Juttuidea: oppisopimusopiskelijan tarina', 'work', {
        from: P.elina,
        to: [P.aino],
        text: [hei(P.aino), 'tekisin nettisivuille jutun oppisopimusopiskelijasta. Tiedätkö jonkun, joka voisi kertoa kokemuksistaan? Kuvaus onnistuu myös työpaikalla.'],
      });
    },
  },
  {
    id: 'uudet-oppisopimukset',
    max: 3,
    weight: 1,
    build() {
      return single('Uudet oppisopimukset tällä viikolla', 'students', {
        from: P.laura,
        to: [P.aino],
        cc: [P.sari],
        text: ['Hei,', 'tällä viikolla alkoi kolme uutta oppisopimusta: kaksi hoiva-alalla ja yksi metallialalla. Päivitin listan Teamsiin.'],
      });
    },
  },
  {
    id: 'hanketunnit',
    max: 3,
    weight: 1,
    build() {
      return single('Hanketuntien kirjaus', 'hanke', {
        from: P.mervi,
        to: [P.aino, P.kari],
        text: ['Hei,', 'muistattehan kirjata hanketunnit kuun loppuun mennessä. Maksatushakemus tehdään niiden perusteella, eikä jälkikäteen korjaaminen ole mahdollista.'],
      }, { categories: HANKE });
    },
  },
  {
    id: 'luokkavaraus',
    max: 1,
    weight: 1,
    build() {
      return single('Luokka B 105 iltapäiväksi?', 'work', {
        from: P.kari,
        to: [P.aino],
        text: ['Moi,', 'voisitko varata luokan B 105 myös iltapäiväksi? Yrittäjäryhmä tarvitsee lisää aikaa liiketoimintasuunnitelmiin.'],
      });
    },
  },
  // — Funder, partners, municipality, media, suppliers —
  {
    id: 'ely-paatos',
    max: 1,
    weight: 1,
    build() {
      return single('Päätös maksatushakemukseen', 'hanke', {
        from: P.tuula,
        to: [P.mervi],
        cc: [P.aino, P.timo],
        text: ['Hei,', 'Osaava Harjuseutu -hankkeen maksatushakemus on käsitelty ja hyväksytty. Päätös on luettavissa asiointipalvelussa, ja maksu on maksatuksessa noin kahden viikon kuluessa.'],
      }, { categories: HANKE });
    },
  },
  {
    id: 'ely-haku',
    max: 1,
    weight: 1,
    build() {
      return single('Rahoitushaku: jatkuvan oppimisen kehittämishankkeet', 'hanke', {
        from: P.riikka,
        to: [P.aino, P.mervi],
        text: ['Hei,', 'tiedoksi: seuraava haku jatkuvan oppimisen kehittämishankkeille avautuu ensi kuussa. Hakuinfo järjestetään Teamsissa; kutsu tulee erikseen.'],
      }, { categories: HANKE });
    },
  },
  {
    id: 'ely-seuranta',
    max: 1,
    weight: 1,
    build(c) {
      const d = dayAfter(c, 14, 21);
      return single('Seurantakäynnin ajankohta', 'hanke', {
        from: P.pekka,
        to: [P.mervi],
        cc: [P.aino],
        text: ['Hei,', `ehdotan hankkeen seurantakäyntiä ${fiDayAndDate(d)} klo 9–11. Käymme läpi toteutuneet koulutukset, osallistujamäärät ja kirjanpidon otannan.`],
      }, { categories: HANKE });
    },
  },
  {
    id: 'tki-seminaari',
    max: 1,
    weight: 1,
    build(c) {
      const d = dayAfter(c, 20, 30);
      return single('Kutsu: TKI-seminaari työelämäyhteistyöstä', 'work', {
        from: P.markku,
        to: [P.aino],
        text: ['Hei,', `Harjuseudun ammattikorkeakoulu järjestää TKI-seminaarin ${fiDayAndDate(d)} Toivomme puheenvuoroa toisen asteen ja aikuiskoulutuksen näkökulmasta – olisitko kiinnostunut?`],
      });
    },
  },
  {
    id: 'lausuntopyynto',
    max: 1,
    weight: 1,
    build(c) {
      const d = dayAfter(c, 14, 20);
      return single('Lausuntopyyntö: elinvoimaohjelma', 'work', {
        from: P.jari,
        to: [P.aino, P.jukka],
        hasAttachments: true,
        text: ['Hei,', `Harjulan kaupunki pyytää lausuntoa elinvoimaohjelman luonnoksesta. Osaamisen kehittämistä käsitellään luvussa 4. Lausunnot ${fiShortDate(d)} mennessä.`],
      });
    },
  },
  {
    id: 'yrittajaaamiainen',
    max: 3,
    weight: 1,
    build(c) {
      const d = dayAfter(c, 7, 14);
      return single(`Kutsu: yrittäjäaamiainen ${fiShortDate(d)}`, 'work', {
        from: P.kaisa,
        to: [P.aino],
        text: ['Hei,', `tervetuloa yrittäjäaamiaiselle ${fiDayAndDate(d)} klo 7.30–9. Aiheena osaavan työvoiman saatavuus. Ilmoittautumiset edellisenä päivänä klo 12 mennessä.`],
      });
    },
  },
  {
    id: 'juttu-ilmestyi',
    max: 1,
    weight: 1,
    build() {
      return single('Juttu ilmestyi', 'work', {
        from: P.oskari,
        to: [P.aino],
        cc: [P.elina],
        text: [hei(P.aino), 'juttu ilmestyi tänään lehdessä ja verkossa. Kiitos haastattelusta – palaute on ollut hyvää!'],
      });
    },
  },
  {
    id: 'kuvapyynto',
    max: 1,
    weight: 1,
    build() {
      return single('Kuvapyyntö', 'work', {
        from: P.maija,
        to: [P.aino],
        text: ['Hei,', 'tarvitsisimme juttuun kuvan opiston koulutustilasta. Onko teillä valmiita kuvia, joita saa käyttää kuvaajan nimellä?'],
      });
    },
  },
  {
    id: 'kansalaisopisto',
    max: 1,
    weight: 1,
    build() {
      return single('Kevään kurssitarjonta yhteismarkkinointiin', 'work', {
        from: P.raija,
        to: [P.aino],
        text: [hei(P.aino), 'kokoamme taas seudun yhteistä kurssiliitettä. Lähetättekö kevään avoimet kurssit hintoineen kuun loppuun mennessä?'],
      });
    },
  },
  {
    id: 'laskutustiedot',
    max: 1,
    weight: 1,
    build() {
      return single('Laskutustiedot', 'work', {
        from: P.katja,
        to: [P.aino],
        text: [hei(P.aino), 'mihin osoitteeseen lähetän laskun syksyn koulutuspäivistä? Verkkolaskuosoitetta ei löytynyt sivuiltanne.'],
      });
    },
  },
  {
    id: 'study-visit',
    max: 1,
    weight: 1,
    build() {
      return single('Study visit to Seutuopisto in spring', 'hanke', {
        from: P.jonas,
        to: [P.aino],
        text: ['Dear Aino,', 'three of our trainers would like to visit Seutuopisto in spring to learn about your apprenticeship model. Would two days in March or April be possible?'],
      }, { categories: HANKE });
    },
  },
  {
    id: 'photos-pilot',
    max: 1,
    weight: 1,
    build() {
      return single('Photos from the pilot workshop', 'hanke', {
        from: P.ines,
        to: [P.aino, P.conor, P.jonas],
        hasAttachments: true,
        text: ['Hi everyone,', 'here are the photos from our pilot workshop. Everyone pictured has signed the consent form, so they can be used in dissemination.'],
      }, { categories: HANKE });
    },
  },
  {
    id: 'lisenssit',
    max: 1,
    weight: 1,
    build() {
      return single('Lisenssien uusiminen', 'work', {
        from: P.tomi,
        to: [P.aino, P.ville],
        text: ['Hei,', 'opetusluokkien ohjelmistolisenssit päättyvät vuoden lopussa. Tarkistetaanko määrät yhdessä ennen uusimista? Muutama lisenssi näyttää olevan käyttämättä.'],
      });
    },
  },
  {
    id: 'avoin-amk',
    max: 1,
    weight: 1,
    build() {
      return single('Avoimen AMK:n kevään opintojaksot', 'work', {
        from: P.noora,
        to: [P.aino],
        hasAttachments: true,
        text: [hei(P.aino), 'liitteenä avoimen AMK:n kevään opintojaksot, joihin aikuisopiskelijanne voivat ilmoittautua maksutta. Jaathan tietoa opiskelijoille.'],
      });
    },
  },
  {
    id: 'edistyminen',
    max: 1,
    weight: 1,
    build() {
      return single('Mikon edistyminen', 'students', {
        from: P.juha,
        to: [P.aino],
        text: ['Hei,', 'halusin vain kertoa, että Mikko on edistynyt hienosti. Hitsauksen laatu on parantunut paljon, ja hän on jo itsenäinen koneistuksessa.'],
      }, { categories: OPISKELIJAT });
    },
  },
  // — More one-offs from the wider network —
  {
    id: 'tarjouspyynto-tyoturva',
    max: 1,
    weight: 1,
    build() {
      return single('Tarjouspyyntö: työturvallisuuskorttikoulutus', 'work', {
        from: P.jenni,
        to: [P.aino],
        text: ['Hei,', 'tarvitsisimme työturvallisuuskorttikoulutuksen kahdeksalle asentajallemme, mieluiten omissa tiloissamme. Voisitteko lähettää tarjouksen?'],
      });
    },
  },
  {
    id: 'amk-harjoittelija',
    max: 1,
    weight: 1,
    build() {
      return single('Harjoittelija keväälle?', 'work', {
        from: P.johanna,
        to: [P.aino],
        text: [hei(P.aino), 'yksi tradenomiopiskelijamme etsii harjoittelupaikkaa koulutussuunnittelun tehtävistä keväälle. Olisiko teillä mahdollisuutta ottaa harjoittelija kolmeksi kuukaudeksi?'],
      });
    },
  },
  {
    id: 'kaupunki-tilastot',
    max: 1,
    weight: 1,
    build() {
      return single('Koulutuksiin osallistuneiden tilastot', 'work', {
        from: P.satu,
        to: [P.aino],
        text: [hei(P.aino), 'tarvitsisimme valtuustoraporttia varten tiedon, montako harjulalaista työnhakijaa osallistui koulutuksiinne tänä vuonna. Riittää kokonaismäärä ja jako koulutusaloittain.'],
      });
    },
  },
  {
    id: 'ely-valiraportti',
    max: 1,
    weight: 1,
    build(c) {
      const due = dayAfter(c, 14, 21);
      return single('Muistutus: hankkeen väliraportti', 'hanke', {
        from: P.riikka,
        to: [P.mervi, P.aino],
        text: ['Hei,', `muistutuksena, että Osaava Harjuseutu -hankkeen väliraportti on jätettävä ${fiShortDate(due)} mennessä. Raporttipohja löytyy asiointipalvelusta.`],
      }, { categories: HANKE });
    },
  },
  {
    id: 'revontuli-uutiskirje',
    max: 3,
    weight: 1,
    build() {
      return single('Revontulen valmennukset: uudet päivämäärät', 'bulk', {
        from: P.katja,
        to: [P.aino],
        signature: 'Valmennus Revontuli Oy\nEt halua enää viestejämme? Vastaa tähän viestiin otsikolla "Peru".',
        text: ['Hei,', 'kevään avoimet valmennukset on julkaistu: asiakaspalvelun erikoistilanteet, vuorovaikutus työyhteisössä ja esimiestyön perusteet. Varhaisen varaajan etu kuun loppuun.'],
      });
    },
  },
  {
    id: 'koulutusliite',
    max: 1,
    weight: 1,
    build() {
      return single('Koulutusliite keväällä – ilmoitusvaraus', 'work', {
        from: P.maija,
        to: [P.aino, P.elina],
        text: ['Hei,', 'Harjuseudun Sanomien kevään koulutusliite ilmestyy tammikuussa. Varaattehan ilmoitustilan ajoissa – viime vuonna liite myytiin loppuun.'],
      });
    },
  },
  {
    id: 'tpo-palaute',
    max: 1,
    weight: 1,
    build() {
      return single('Työpaikkaohjaajakoulutuksen palaute', 'work', {
        from: P.tiina,
        to: [P.aino],
        cc: [P.anne],
        text: [hei(P.aino), 'kiitos työpaikkaohjaajakoulutuksesta! Ohjaajamme pitivät erityisesti arviointiharjoituksista. Voisimmeko sopia jatkokoulutuksen keväälle?'],
      });
    },
  },
  {
    id: 'koulutustarvekysely-fw',
    max: 1,
    weight: 1,
    build() {
      return single('Alueellinen koulutustarvekysely', 'work', {
        from: P.sari,
        to: [P.aino],
        text: ['Aino,', 'vastaisitko tähän kyselyyn meidän puolestamme? Määräaika on ensi perjantaina. Alla alkuperäinen viesti.'],
      }, { forwardedFirst: true });
    },
  },
  {
    id: 'hoks-muistutus',
    max: 1,
    weight: 1,
    build() {
      return single('HOKS-päivitykset kuun loppuun mennessä', 'students', {
        from: P.laura,
        to: [P.aino, P.henna],
        text: ['Hei,', 'muistutan, että oppisopimusopiskelijoiden HOKS-päivitykset pitää tehdä kuun loppuun mennessä. Listalla on vielä seitsemän opiskelijaa.'],
      }, { categories: OPISKELIJAT });
    },
  },
  {
    id: 'todistukset-noudettavissa',
    max: 1,
    weight: 1,
    build() {
      return single('Todistukset noudettavissa', 'students', {
        from: P.pirjo,
        to: [P.aino, P.kari],
        text: ['Hei,', 'syksyn tutkintotodistukset ovat noudettavissa toimistolta. Kerrotteko opiskelijoille, että todistukset voi hakea arkisin klo 9–15.'],
      });
    },
  },
  {
    id: 'kielitestit',
    max: 1,
    weight: 1,
    build() {
      return single('Suomen kielen lähtötasotestien tulokset', 'students', {
        from: P.ahmed,
        to: [P.aino],
        hasAttachments: true,
        text: [hei(P.aino), 'liitteenä lähtötasotestien tulokset. Yksitoista testattua sijoittuu A1–A2-tasolle, neljä B1-tasolle. Ehdotan kahta ryhmää.'],
      }, { categories: OPISKELIJAT });
    },
  },
  {
    id: 'conor-thanks',
    max: 1,
    weight: 1,
    build() {
      return single('Thank you for the partner call', 'hanke', {
        from: P.conor,
        to: [P.aino, P.mervi],
        text: ['Hi Aino and Mervi,', 'thanks for the clear update on the Finnish pilot in today’s call. Could you send the participant numbers for the interim report by the end of the month?'],
      }, { categories: HANKE });
    },
  },
  {
    id: 'peruutus',
    max: 3,
    weight: 1,
    build(c) {
      const s = c.rng.pick(STUDENT_POOL);
      return single('Peruutan ilmoittautumiseni', 'students', {
        from: s,
        to: [P.aino],
        text: ['Hei,', c.rng.pick(['sain uuden työpaikan, eikä aikataulu valitettavasti sovi enää kurssiin. Peruutan ilmoittautumiseni.', 'joudun perumaan ilmoittautumiseni perhesyistä. Ilmoittaudun uudestaan, kun kurssi alkaa seuraavan kerran.'])],
      });
    },
  },
  {
    id: 'pullaa',
    max: 2,
    weight: 1,
    build(c) {
      const who = c.rng.pick([P.henna, P.pirjo, P.kari]);
      return single('Pullaa kahvihuoneessa!', 'work', {
        from: who,
        to: [P.henkilosto],
        text: ['Hei kaikki,', 'kahvihuoneessa on korvapuusteja – tervetuloa, niin kauan kuin niitä riittää!'],
      });
    },
  },
  {
    id: 'sijaisuus',
    max: 1,
    weight: 1,
    build() {
      return single('Poissaolo ja sijaistukset', 'work', {
        from: P.kari,
        to: [P.aino, P.sari],
        text: ['Hei,', 'olen poissa kaksi viikkoa leikkauksen takia. Yrittäjäryhmän lähipäivät hoitaa Daniel Berg, ja palautteet annan verkossa, kun pystyn.'],
      });
    },
  },
  {
    id: 'tulkkipalvelu',
    max: 1,
    weight: 1,
    build() {
      return single('Tulkkipalvelu opiskelijalle', 'students', {
        from: P.ahmed,
        to: [P.aino],
        text: [hei(P.aino), 'yksi kotoutumiskoulutuksen opiskelija tarvitsisi tulkin HOKS-keskusteluun. Tilaanko tulkin itse, vai hoitaako opintotoimisto sen?'],
      });
    },
  },
  {
    id: 'huijausviestit',
    max: 2,
    weight: 1,
    build() {
      return single('Varoitus: huijausviestejä liikkeellä', 'work', {
        from: P.ville,
        to: [P.henkilosto],
        importance: 'high',
        text: ['Hei,', 'liikkeellä on viestejä, joissa pyydetään kirjautumaan Microsoft 365:een "salasanan vanhenemisen" vuoksi. Älä avaa linkkiä. Ilmoita epäilyttävistä viesteistä IT-tukeen.'],
      });
    },
  },
  // — Invoices and system mail —
  {
    id: 'lasku-pito',
    max: 5,
    weight: 1,
    build(c) {
      const nr = c.rng.int(3100, 3999);
      return single(`Lasku ${nr} - Pitopalvelu Kanerva`, 'work', {
        from: P.pitolaskutus,
        to: [P.aino],
        hasAttachments: true,
        signature: 'Pitopalvelu Kanerva\nY-tunnus 0000000-1',
        text: ['Hyvä asiakas,', `ohessa lasku ${nr}. Summa ${c.rng.int(180, 760)},00 €, eräpäivä ${fiShortDate(startOfCivilDay(c.start) + 14 * DAY)} Maksathan laskun viitenumerolla ${c.rng.int(10000, 99999)}${c.rng.int(0, 9)}.`],
      }, { textBody: true });
    },
  },
  {
    id: 'lasku-datariihi',
    max: 6,
    weight: 1,
    build(c) {
      const nr = c.rng.int(100200, 100999);
      return single(`Datariihi Oy: lasku ${nr}`, 'work', {
        from: P.datalaskutus,
        to: [P.aino],
        hasAttachments: true,
        signature: 'Datariihi Oy\nTämä on automaattinen viesti, älä vastaa.',
        text: ['Hei,', `liitteenä lasku ${nr}: opetusluokkien ylläpitopalvelu, ${FI_MONTHS[new Date(c.start).getUTCMonth()]}. Summa ${c.rng.int(900, 1400)},00 € + alv.`],
      }, { textBody: true });
    },
  },
  {
    id: 'huoltokatko',
    max: 3,
    weight: 1,
    build(c) {
      const d = dayAfter(c, 2, 6);
      return single(`Huoltokatko ${fiShortDate(d)} klo 17–20`, 'bulk', {
        from: P.datatuki,
        to: [P.henkilosto],
        signature: 'Datariihi Palvelupiste',
        text: ['Hei,', `teemme palvelimien huoltotöitä ${fiDayAndDate(d)} klo 17–20. Oppimisympäristö ja verkkolevyt eivät ole silloin käytettävissä.`],
      });
    },
  },
  {
    id: 'kurssikone',
    max: 20,
    weight: 4,
    build(c) {
      const course = c.rng.pick(['Yrittäjän digitaidot', 'Suomen kielen jatkokurssi', 'Hygieniapassi', 'Työturvallisuuskortti', 'Tieto- ja viestintätekniikan perustaidot']);
      const left = c.rng.int(0, 6);
      const kind = c.rng.pick(['new', 'new', 'new', 'cancel'] as const);
      return single(kind === 'new' ? (left === 0 ? `Kurssi täynnä: ${course}` : `Uusi ilmoittautuminen: ${course}`) : `Peruutus: ${course}`, 'bulk', {
        from: P.kurssikone,
        to: [P.aino],
        signature: 'Tämä on automaattinen viesti Kurssikoneesta. Älä vastaa tähän viestiin.',
        text: [
          kind === 'new'
            ? `Kurssille ${course} (${courseCode(c.rng, course)}) on ilmoittautunut uusi osallistuja. Paikkoja jäljellä: ${left}.`
            : `Osallistuja on perunut ilmoittautumisensa kurssille ${course} (${courseCode(c.rng, course)}). Jonossa on ${c.rng.int(0, 3)} henkilöä.`,
        ],
      }, { textBody: true });
    },
  },
  // — Aino's own sends —
  {
    id: 'aino-arviointilomakkeet',
    max: 1,
    weight: 1,
    build() {
      return single('Muistutus: arviointilomakkeet', 'students', {
        from: P.aino,
        to: [P.eija, P.seppo, P.mika],
        text: ['Hei,', 'muistutan vielä, että viime viikon tutkintotilaisuuksien arviointilomakkeet pitää palauttaa perjantaihin mennessä. Kiitos!'],
      });
    },
  },
  {
    id: 'aino-koulutuskalenteri',
    max: 1,
    weight: 1,
    build() {
      return single('Tiedoksi: kevään koulutuskalenteri', 'work', {
        from: P.aino,
        to: [P.henkilosto],
        hasAttachments: true,
        text: ['Hei kaikki,', 'liitteenä kevään koulutuskalenteri. Huomatkaa, että yrittäjän ammattitutkinnon lähipäivät ovat nyt tiistaisin.'],
      });
    },
  },
  {
    id: 'aino-kiitos',
    max: 1,
    weight: 1,
    build() {
      return single('Kiitos yrittäjäillasta', 'work', {
        from: P.aino,
        to: [P.marko],
        cc: [P.kaisa],
        text: [hei(P.marko), 'kiitos hienosta illasta! Saimme kolme uutta yhteydenottoa oppisopimuksesta jo seuraavana päivänä.'],
      });
    },
  },
  {
    id: 'aino-tietoa-tyonantajalle',
    max: 1,
    weight: 1,
    build() {
      return single('Oppisopimuskoulutus: tietoa työnantajalle', 'work', {
        from: P.aino,
        to: [P.jenni],
        hasAttachments: true,
        text: [hei(P.jenni), 'kiitos puhelusta. Liitteenä tietopaketti oppisopimuksesta työnantajalle sekä koulutuskorvausten taulukko. Sovitaan tapaaminen, kun olette käyneet sen läpi.'],
      });
    },
  },
  {
    id: 'aino-osallistujalistat',
    max: 3,
    weight: 1,
    build() {
      return single('Osallistujalistat', 'hanke', {
        from: P.aino,
        to: [P.mervi],
        hasAttachments: true,
        text: ['Moi Mervi,', 'liitteenä kuun koulutuspäivien osallistujalistat skannattuina maksatusta varten.'],
      }, { categories: HANKE });
    },
  },
  {
    id: 'aino-muistio',
    max: 1,
    weight: 1,
    build() {
      return single('Muistio: työllisyyskoulutusten tarpeet', 'work', {
        from: P.aino,
        to: [P.satu],
        cc: [P.jari],
        text: [hei(P.satu), 'kiitos tapaamisesta. Kokosin muistioon sovitut asiat: hoiva-alan lyhytkoulutus keväällä, logistiikan koulutustarve selvitetään yritysten kanssa, kielikoulutus työn ohessa jatkuu.'],
      });
    },
  },
];

/** Newsletter headline pools. */
const WEEKLY_ITEMS = [
  'Henkilöstökokous pidetään torstaina klo 14 auditoriossa.',
  'Työhyvinvointikyselyyn voi vastata perjantaihin asti. Vastausprosentti on nyt 54 %.',
  'Kopiokoneiden huolto tiistaina klo 8–10: tulostus ei ole silloin käytössä B-siivessä.',
  'Lähihoitajakoulutuksen uusi ryhmä aloittaa maanantaina – tervetuloa!',
  'Ruokalassa on ensi viikolla kasvisruokaviikko.',
  'Muistathan tehdä työaikakirjaukset kuun loppuun mennessä.',
  'Opiston sivuilla uusi juttu: oppisopimusopiskelijoita on ennätysmäärä.',
  'Paloharjoitus järjestetään torstaina klo 10. Poistumisreitit on merkitty käytäville.',
  'Tietoturvakoulutus on pakollinen kaikille: suorita verkkokurssi kuun loppuun mennessä.',
  'Vierailijat kirjautuvat jatkossa aulan infopisteessä.',
  'Osaava Harjuseutu -hankkeen pilottikoulutukseen mahtuu vielä.',
  'Henkilöstön liikuntavuoro on tiistaisin klo 16.30 urheilutalolla.',
  'Intranetin uudistus etenee: testikäyttäjiksi voi ilmoittautua viestinnälle.',
  'Uudet käyntikortit voi tilata viestinnästä.',
];
const VERKOSTO_HEADLINES = [
  'Jatkuvan oppimisen rahoitus uudistuu',
  'Aikuiskoulutuksen päivien ohjelma julkaistu',
  'Kysely: aikuisopiskelijoiden ohjauksen tarpeet',
  'Webinaari: tekoäly aikuiskoulutuksessa',
  'Oppisopimuksen uudet ohjeet',
  'Vuoden aikuiskouluttaja -ehdokkaat',
];
const VIIKKO_HEADLINES = [
  'Ammatillisen koulutuksen rahoitusmalli muuttuu',
  'Tutkimus: aikuiset opiskelevat yhä useammin verkossa',
  'Kolumni: työpaikalla oppiminen ei ole ilmaista',
  'Näin oppilaitokset kouluttavat työperäisiä maahanmuuttajia',
  'Oppisopimusten määrä kasvoi',
  'Lyhytkoulutukset suosittuja työttömien keskuudessa',
];

export interface Scheduled {
  spec: ThreadSpec;
  civil: number;
}

/** Newsletters on their real rhythm: weekly staff bulletin, monthly external letters. */
export function scheduledNewsletters(rng: Rng, windowStart: number, anchorCivil: number): Scheduled[] {
  const out: Scheduled[] = [];
  const push = (civil: number, spec: ThreadSpec): void => {
    if (civil > windowStart && civil < anchorCivil - 10 * MINUTE) out.push({ civil, spec });
  };
  // Weekly bulletin every Friday early afternoon.
  let friday = startOfCivilDay(windowStart);
  while (new Date(friday).getUTCDay() !== 5) friday += DAY;
  for (let d = friday; d < anchorCivil; d += 7 * DAY) {
    const week = isoWeek(d);
    const items = rng.sample(WEEKLY_ITEMS, 3);
    push(d + 13 * HOUR + rng.int(0, 50) * MINUTE, {
      subject: `Seutuopiston viikkotiedote ${week}/${new Date(d).getUTCFullYear()}`,
      topic: 'bulk',
      steps: [
        {
          from: P.viestinta,
          to: [P.henkilosto],
          signature: 'Seutuopiston viestintä\nviestinta@seutuopisto.fi',
          text: ['Hyvä seutuopistolainen,', 'tällä viikolla:', items.map((t) => `• ${t}`).join('\n'), 'Mukavaa viikonloppua!'],
        },
      ],
    });
  }
  // Monthly letters: Verkosto on the first Tuesday, Koulutusviikko mid-month, Yrittäjät late in the month.
  const first = new Date(windowStart);
  for (let m = 0; m <= 6; m++) {
    const y = first.getUTCFullYear();
    const mon = first.getUTCMonth() + m;
    const monthStart = Date.UTC(y, mon, 1);
    const monthName = FI_MONTHS[new Date(monthStart).getUTCMonth()] ?? '';
    let tue = monthStart;
    while (new Date(tue).getUTCDay() !== 2) tue += DAY;
    // Headlines rotate by calendar month, so consecutive letters differ.
    const h1 = VERKOSTO_HEADLINES[mon % VERKOSTO_HEADLINES.length] ?? '';
    push(tue + 9 * HOUR + rng.int(0, 30) * MINUTE, {
      subject: `Verkostokirje ${monthName}: ${h1}`,
      topic: 'bulk',
      steps: [
        {
          from: P.verkostokirje,
          to: [P.aino],
          replyTo: [P.verkostokirje],
          signature: 'Aikuiskoulutuksen Verkosto ry\nPeru uutiskirjeen tilaus: https://aikuiskoulutusverkosto.fi/uutiskirje/peru',
          text: [`${h1}.`, 'Lue myös: jäsenkyselyn tulokset, tulevat koulutukset ja verkoston tapahtumat.'],
        },
      ],
    });
    const h2 = VIIKKO_HEADLINES[mon % VIIKKO_HEADLINES.length] ?? '';
    push(onOrAfterWorkday(monthStart + 14 * DAY) + 6 * HOUR + rng.int(0, 50) * MINUTE, {
      subject: `Koulutusviikko: ${h2}`,
      topic: 'bulk',
      steps: [
        {
          from: P.koulutusviikko,
          to: [P.aino],
          signature: 'Koulutusviikko – uutisia koulutusalalta\nMuuta tilausasetuksia: https://koulutusviikko.com/tilaus',
          text: [`${h2}.`, 'Viikon muut aiheet: opettajien täydennyskoulutus, verkko-opetuksen laatu ja lukijoiden kysymykset.'],
        },
      ],
    });
    push(onOrAfterWorkday(monthStart + 24 * DAY) + 8 * HOUR + rng.int(0, 50) * MINUTE, {
      subject: `Jäsentiedote ${monthName}`,
      topic: 'bulk',
      steps: [
        {
          from: P.yrittajatkirje,
          to: [P.aino],
          signature: 'Harjuseudun Yrittäjät ry\nwww.harjuseudunyrittajat.fi',
          text: ['Hyvä jäsen,', 'tässä kuussa: yrittäjäaamiainen, verkostoitumisilta ja jäsenetujen päivitykset. Tervetuloa mukaan!'],
        },
      ],
    });
  }
  return out;
}

/** Private individuals (students on public mail domains) write evenings and weekends more often. */
export const isEveningWriter = (p: Person): boolean => p.org === null;

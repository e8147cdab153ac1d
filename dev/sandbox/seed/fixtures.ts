/**
 * HOSTILE-CONTENT FIXTURES. Six deliberately awkward messages for UI and parser tests: markup in a
 * subject, right-to-left text, emoji sequences, a 10,000-character subject, an apostrophe in an
 * address, a malformed sender address. They always land in the Inbox at fixed days before the anchor,
 * whatever the seed, and carry fixed internetMessageIds, so tests can find them with
 * `$filter=internetMessageId eq '…'` or by subject.
 */
import type { Person } from './directory';
import { PEOPLE as P } from './directory';
import type { ThreadSpec } from './compose';

export type HostileFixtureKey = 'htmlSubject' | 'rtl' | 'emoji' | 'longSubject' | 'apostrophe' | 'malformedFrom';

export interface HostileFixture {
  key: HostileFixtureKey;
  subject: string;
  internetMessageId: string;
  fromName: string;
  fromAddress: string;
  /** Whole days before the anchor's Helsinki date, and the Helsinki wall-clock time (hour, minute). */
  daysAgo: number;
  at: [number, number];
}

const LONG_SUBJECT_LENGTH = 10_000;

/** A student pasted the whole question into the subject line: exactly 10,000 UTF-16 code units. */
const LONG_SUBJECT = (() => {
  const phrase = 'tehtävä 3 ei aukea oppimisympäristössä vaikka yritin uudelleen eri selaimella ja ';
  let s = 'Kysymys: ';
  while (s.length < LONG_SUBJECT_LENGTH) s += phrase;
  return s.slice(0, LONG_SUBJECT_LENGTH);
})();

/** Not a valid address: no domain after the @ (as a misconfigured office scanner sends). */
const MALFORMED_SENDER: Person = {
  key: 'skanneri',
  name: 'Skanneri 2. krs',
  givenName: 'Skanneri',
  surname: '2. krs',
  address: 'skanneri-2krs@',
  org: null,
  title: 'monitoimilaite',
  roles: [],
  lang: 'fi',
  client: 'system',
};

export const HOSTILE_FIXTURES: Readonly<Record<HostileFixtureKey, HostileFixture>> = {
  htmlSubject: {
    key: 'htmlSubject',
    subject: '<img src=x onerror=alert(1)> Tarjous "erikoishinta" & <b>ale</b>',
    internetMessageId: '<fixture.html-subject@tarjoustalo-ale.com>',
    fromName: P.tarjoustalo.name,
    fromAddress: P.tarjoustalo.address,
    daysAgo: 3,
    at: [7, 42],
  },
  rtl: {
    key: 'rtl',
    subject: '\u200Fسؤال عن الدورة\u200F / Kysymys suomen kielen kurssista',
    internetMessageId: '<fixture.rtl@hotmail.com>',
    fromName: P.fatima.name,
    fromAddress: P.fatima.address,
    daysAgo: 5,
    at: [19, 5],
  },
  emoji: {
    key: 'emoji',
    subject: '🎉 Valmistuin! Kiitos kaikesta 🙏🏽👩‍🎓',
    internetMessageId: '<fixture.emoji@hotmail.com>',
    fromName: P.emilia.name,
    fromAddress: P.emilia.address,
    daysAgo: 2,
    at: [16, 48],
  },
  longSubject: {
    key: 'longSubject',
    subject: LONG_SUBJECT,
    internetMessageId: '<fixture.long-subject@luukku.com>',
    fromName: P.pertti.name,
    fromAddress: P.pertti.address,
    daysAgo: 8,
    at: [10, 17],
  },
  apostrophe: {
    key: 'apostrophe',
    subject: "Erasmus+ job shadowing: O'Brien visit in spring",
    internetMessageId: "<fixture.o'brien@glenmore-fe.com>",
    fromName: P.obrien.name,
    fromAddress: P.obrien.address,
    daysAgo: 6,
    at: [11, 30],
  },
  malformedFrom: {
    key: 'malformedFrom',
    subject: 'Skannattu asiakirja (12 sivua)',
    internetMessageId: '<fixture.malformed-from@seutuopisto.fi>',
    fromName: MALFORMED_SENDER.name,
    fromAddress: MALFORMED_SENDER.address,
    daysAgo: 1,
    at: [14, 3],
  },
};

/** The fixture messages as thread specs (one message each). */
export function fixtureSpecs(): { fixture: HostileFixture; spec: ThreadSpec }[] {
  const F = HOSTILE_FIXTURES;
  const one = (fixture: HostileFixture, spec: Omit<ThreadSpec, 'subject' | 'topic' | 'internetMessageId'>) => ({
    fixture,
    spec: { ...spec, subject: fixture.subject, topic: 'fixture' as const, internetMessageId: fixture.internetMessageId },
  });
  return [
    one(F.htmlSubject, {
      other: true,
      // Raw markup on purpose: renderers must sanitise the body and escape the subject.
      rawHtml:
        '<p>Tarjous &quot;erikoishinta&quot; &amp; <b>ale</b> – vain tänään!</p>\r\n' +
        '<img src="x" onerror="alert(2)">\r\n<script>alert(3)</script>\r\n' +
        '<a href="javascript:alert(4)">Katso tarjous</a>\r\n<iframe src="https://tarjoustalo-ale.com/ale"></iframe>',
      steps: [
        {
          from: P.tarjoustalo,
          to: [P.aino],
          signature: '',
          text: ['Tarjous "erikoishinta" & <b>ale</b> – vain tänään! <script>alert(3)</script>'],
        },
      ],
    }),
    one(F.rtl, {
      steps: [
        {
          from: P.fatima,
          to: [P.aino],
          signature: 'مع التحية\n\u200Fفاطمة الحسيني\u200F (Fatima al-Husseini)',
          text: [
            'Hei Aino,',
            'مرحبا، هل يمكنني التسجيل في الدورة المسائية؟',
            'Anteeksi, kirjoitan vielä huonosti suomea. Voinko ilmoittautua suomen kielen jatkokurssin iltaryhmään? Olen töissä päivällä.',
          ],
        },
      ],
    }),
    one(F.emoji, {
      steps: [
        {
          from: P.emilia,
          to: [P.aino],
          cc: [P.kari],
          text: [
            'Hei Aino ja Kari! 👋',
            'Tutkintotodistus tuli tänään postissa 📬 – en olisi uskonut vuosi sitten, että tämä onnistuu yrityksen pyörittämisen ohessa. Kiitos kannustuksesta ja joustavuudesta 💐🇫🇮',
            'Tarjoan kahvit, kun tulen seuraavan kerran opistolle ☕🥐',
          ],
        },
      ],
    }),
    one(F.longSubject, {
      textBody: true,
      steps: [
        {
          from: P.pertti,
          to: [P.aino],
          text: ['Hei,', 'kirjoitin kysymyksen vahingossa otsikkoon. Tehtävä 3 ei aukea, vaikka kokeilin kahdella selaimella.'],
        },
      ],
    }),
    one(F.apostrophe, {
      steps: [
        {
          from: P.obrien,
          to: [P.aino],
          cc: [P.conor],
          text: [
            'Dear Aino,',
            "I'm the new International Officer at Glenmore. Two of our adult-learning tutors would like to job-shadow at Seutuopisto for a week in spring, funded through Erasmus+ mobility.",
            'Would any week in April or May suit you? I can send the learning agreement draft once we agree on dates.',
          ],
        },
      ],
    }),
    one(F.malformedFrom, {
      textBody: true,
      steps: [
        {
          from: MALFORMED_SENDER,
          to: [P.aino],
          signature: '',
          text: ['Skannattu asiakirja on liitteenä (PDF, 12 sivua).', 'Laite: Monitoimilaite 2. krs, B-siipi'],
          hasAttachments: true,
        },
      ],
    }),
  ];
}

/**
 * SCENARIO FIXTURES. The filing walk-through needs two senders of one organisation nobody has filed
 * yet, both near the top of the Inbox. Random singles put Datariihi's mail anywhere in five months
 * depending on the anchor's weekday, so these two are pinned to fixed days before the anchor.
 */
export interface ScenarioFixture {
  internetMessageId: string;
  subject: string;
  daysAgo: number;
  at: [number, number];
  spec: Omit<ThreadSpec, 'subject' | 'topic' | 'internetMessageId'>;
}

export const SCENARIO_FIXTURES: Readonly<Record<'supplierSupport' | 'supplierInvoice', ScenarioFixture>> = {
  supplierSupport: {
    internetMessageId: '<fixture.supplier-support@datariihi.fi>',
    subject: 'Luokan B 204 videotykki vaihdettu',
    daysAgo: 2,
    at: [9, 12],
    spec: {
      steps: [
        {
          from: P.datatuki,
          to: [P.aino],
          signature: 'Datariihi Palvelupiste',
          text: ['Hei,', 'luokan B 204 videotykki on vaihdettu uuteen. Vanha laite haetaan huomenna aamupäivällä.'],
        },
      ],
    },
  },
  supplierInvoice: {
    internetMessageId: '<fixture.supplier-invoice@datariihi.fi>',
    subject: 'Datariihi Oy: lasku 101204',
    daysAgo: 4,
    at: [6, 30],
    spec: {
      textBody: true,
      steps: [
        {
          from: P.datalaskutus,
          to: [P.aino],
          signature: 'Datariihi Oy\nTämä on automaattinen viesti, älä vastaa.',
          text: ['Hei,', 'liitteenä lasku 101204: videotykin vaihto, luokka B 204. Summa 640,00 € + alv.'],
          hasAttachments: true,
        },
      ],
    },
  },
};

export function scenarioSpecs(): { daysAgo: number; at: [number, number]; spec: ThreadSpec }[] {
  return Object.values(SCENARIO_FIXTURES).map((f) => ({
    daysAgo: f.daysAgo,
    at: f.at,
    spec: { ...f.spec, subject: f.subject, topic: 'fixture', internetMessageId: f.internetMessageId },
  }));
}

/**
 * The institute's shared mailbox: enquiries about courses land at one team address that Aino opens
 * with Full Access, so triage and filing can be tried on mail that is not in her own mailbox.
 * Deterministic from the anchor alone: a handful of hand-written enquiries in the last days.
 */
import { INSTITUTE_DOMAIN, USER } from './directory';
import { stableGuid } from './random';
import { HOUR, isoUtc } from './time';
import type { SeedMessage, SeedSharedMailbox, SeedUser } from './types';

export const SHARED_MAILBOX_ADDRESS = `koulutuspalvelut@${INSTITUTE_DOMAIN}`;

const TEAM: SeedUser = {
  id: stableGuid('seutuopisto/shared/koulutuspalvelut'),
  displayName: 'Seutuopisto Koulutuspalvelut',
  mail: SHARED_MAILBOX_ADDRESS,
  userPrincipalName: SHARED_MAILBOX_ADDRESS,
  // Exchange leaves these empty on a shared mailbox; the dataset keeps every string non-empty.
  givenName: 'Koulutuspalvelut',
  surname: 'Seutuopisto',
  jobTitle: 'Jaettu postilaatikko',
  officeLocation: 'Seutuopisto',
  preferredLanguage: 'fi-FI',
  mailboxSettings: { timeZone: 'FLE Standard Time', language: { locale: 'fi-FI' } },
};

const ENQUIRIES: ReadonlyArray<{ name: string; address: string; subject: string; text: string; hoursAgo: number }> = [
  { name: 'Satu Hirvonen', address: 'satu.hirvonen@pihlajaharjunhoiva.fi', subject: 'Lähihoitajan täydennyskoulutus syksyllä?', text: 'Onko syksyllä tulossa lähihoitajien täydennyskoulutusta? Meiltä olisi lähdössä neljä henkilöä.', hoursAgo: 3 },
  { name: 'Pekka Routasalo', address: 'pekka@routasalo-konepaja.fi', subject: 'Hitsauskurssin hinta yritysryhmälle', text: 'Pyytäisin tarjousta hitsauksen perusteista kuudelle työntekijälle.', hoursAgo: 26 },
  { name: 'Jaana Mäkelä', address: 'jaana.makela72@gmail.com', subject: 'Ilmoittautuminen iltakurssille', text: 'Haluaisin ilmoittautua kirjanpidon iltakurssille. Onko vielä tilaa?', hoursAgo: 30 },
  { name: 'Harjuseudun Sanomat', address: 'toimitus@harjuseudunsanomat.fi', subject: 'Haastattelupyyntö: aikuiskoulutuksen kevät', text: 'Tekisimme jutun aikuiskoulutuksen kevään suosikeista. Sopisiko puhelu ensi viikolla?', hoursAgo: 50 },
];

function enquiry(e: (typeof ENQUIRIES)[number], anchorUtc: number, n: number): SeedMessage {
  const at = isoUtc(anchorUtc - e.hoursAgo * HOUR);
  const from = { emailAddress: { name: e.name, address: e.address } };
  return {
    folder: 'inbox',
    subject: e.subject,
    bodyPreview: e.text,
    body: { contentType: 'html', content: `<p>${e.text}</p>` },
    from,
    sender: from,
    toRecipients: [{ emailAddress: { name: TEAM.displayName, address: TEAM.mail } }],
    ccRecipients: [],
    replyTo: [],
    receivedDateTime: at,
    sentDateTime: at,
    isRead: false,
    isDraft: false,
    importance: 'normal',
    hasAttachments: false,
    conversationId: `AAQkADkoulutuspalvelut-${n}`,
    internetMessageId: `<kp-${n}-${anchorUtc}@${e.address.split('@')[1]}>`,
    categories: [],
    flag: { flagStatus: 'notFlagged' },
    inferenceClassification: 'focused',
  };
}

export function sharedMailboxes(anchorUtc: number): SeedSharedMailbox[] {
  return [{ user: { ...TEAM }, fullAccess: [USER.id], folders: [], messages: ENQUIRIES.map((e, i) => enquiry(e, anchorUtc, i + 1)) }];
}

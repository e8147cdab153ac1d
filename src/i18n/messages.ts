/**
 * Every string the user reads, in ICU MessageFormat (react-intl). English is the reference; the
 * Finnish catalogue must have exactly the same keys (the type enforces it).
 */
export const en = {
  'app.title': 'Trail',
  'item.none': 'Select a message or a meeting to see it here.',
  'item.loading': 'Loading the item…',
  'item.from': 'From',
  'item.organizer': 'Organizer',
  'item.noSubject': '(no subject)',
  'item.kind.message': 'Message',
  'item.kind.appointment': 'Meeting',
  'account.connected': 'Connected as {name}',
  'account.connecting': 'Connecting to Microsoft 365…',
  'error.network': 'Trail cannot reach Microsoft 365 right now. Check your connection; nothing was changed.',
  'error.throttled': 'Microsoft 365 asked Trail to slow down. Try again in a moment.',
  'error.signIn': 'Trail could not sign you in. Close and reopen the pane; if it keeps happening, ask your administrator.',
  'error.signInNotConfigured': 'Sign-in is not configured in this build of Trail.',
  'error.generic': 'Something went wrong ({code}). Try again; if it keeps happening, tell support the code.',
  'command.comingSoon': '{action}: one-click triage is coming soon in Trail.',
  'command.asap': 'ASAP',
  'command.readLater': 'Read later',
  'command.archive': 'Archive',
} as const;

export type MessageKey = keyof typeof en;

export const fi: Record<MessageKey, string> = {
  'app.title': 'Trail',
  'item.none': 'Valitse viesti tai tapaaminen, niin se näkyy tässä.',
  'item.loading': 'Ladataan…',
  'item.from': 'Lähettäjä',
  'item.organizer': 'Järjestäjä',
  'item.noSubject': '(ei aihetta)',
  'item.kind.message': 'Viesti',
  'item.kind.appointment': 'Tapaaminen',
  'account.connected': 'Yhdistetty käyttäjänä {name}',
  'account.connecting': 'Yhdistetään Microsoft 365:een…',
  'error.network': 'Trail ei juuri nyt saa yhteyttä Microsoft 365:een. Tarkista verkkoyhteys; mitään ei muutettu.',
  'error.throttled': 'Microsoft 365 pyysi Trailia hidastamaan. Yritä hetken päästä uudelleen.',
  'error.signIn': 'Trail ei voinut kirjata sinua sisään. Sulje ja avaa ruutu uudelleen; jos tämä toistuu, ota yhteys ylläpitoon.',
  'error.signInNotConfigured': 'Tämän Trail-version kirjautumista ei ole määritetty.',
  'error.generic': 'Jokin meni vikaan ({code}). Yritä uudelleen; jos tämä toistuu, kerro koodi tuelle.',
  'command.comingSoon': '{action}: yhden napsautuksen lajittelu tulee pian Trailiin.',
  'command.asap': 'ASAP',
  'command.readLater': 'Lue myöhemmin',
  'command.archive': 'Arkistoi',
};

export type SupportedLocale = 'en' | 'fi';

export const catalogues: Record<SupportedLocale, Record<MessageKey, string>> = { en, fi };

/** Office gives a BCP 47 tag (`fi-FI`, `en-GB`); we speak Finnish to Finnish users and English to everyone else. */
export function localeFor(displayLanguage: string): SupportedLocale {
  return displayLanguage.toLowerCase().startsWith('fi') ? 'fi' : 'en';
}

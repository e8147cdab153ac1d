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
  // admin: setting up the shared record
  'admin.open': 'Set up the shared record (administrators)',
  'admin.close': 'Back',
  'admin.title': 'Set up the shared record',
  'admin.intro': 'Trail keeps its shared record in SharePoint lists on one site. Setting them up needs SharePoint site owner rights; daily use does not.',
  'admin.siteUrl': 'SharePoint site address',
  'admin.check': 'Check',
  'admin.checking': 'Checking the site…',
  'admin.apply': 'Set up',
  'admin.applying': 'Setting up: {done} of {total} lists',
  'admin.list.create': '{list}: will be created',
  'admin.list.ok': '{list}: ready',
  'admin.list.addColumns': '{list}: will get columns {columns}',
  'admin.list.index': '{list}: will index {columns}',
  'admin.list.conflict': '{list}: column {column} is {found} but Trail needs {expected}. Trail leaves it alone; ask your SharePoint administrator.',
  'admin.nothingToDo': 'Everything is in place. Nothing to do.',
  'admin.done': 'The shared record is ready on {site}.',
  'admin.error.notASite': 'That is not a SharePoint site address. It looks like https://contoso.sharepoint.com/sites/trail.',
  'admin.error.notFound': 'There is no SharePoint site at that address, or you cannot see it.',
  'admin.error.forbidden': 'You need SharePoint site owner rights (Sites.Manage.All) to set up Trail. Ask your Microsoft 365 administrator.',
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
  // admin: setting up the shared record
  'admin.open': 'Ota yhteinen rekisteri käyttöön (ylläpitäjät)',
  'admin.close': 'Takaisin',
  'admin.title': 'Ota yhteinen rekisteri käyttöön',
  'admin.intro': 'Trail tallentaa yhteisen rekisterin yhden sivuston SharePoint-luetteloihin. Käyttöönotto vaatii sivuston omistajan oikeudet, päivittäinen käyttö ei.',
  'admin.siteUrl': 'SharePoint-sivuston osoite',
  'admin.check': 'Tarkista',
  'admin.checking': 'Tarkistetaan sivustoa…',
  'admin.apply': 'Ota käyttöön',
  'admin.applying': 'Otetaan käyttöön: {done}/{total} luetteloa',
  'admin.list.create': '{list}: luodaan',
  'admin.list.ok': '{list}: valmis',
  'admin.list.addColumns': '{list}: lisätään sarakkeet {columns}',
  'admin.list.index': '{list}: indeksoidaan {columns}',
  'admin.list.conflict': '{list}: sarake {column} on tyyppiä {found}, Trail tarvitsee tyypin {expected}. Trail ei muuta sitä; kysy SharePoint-ylläpitäjältä.',
  'admin.nothingToDo': 'Kaikki on valmiina. Ei tehtävää.',
  'admin.done': 'Yhteinen rekisteri on valmis sivustolla {site}.',
  'admin.error.notASite': 'Tämä ei ole SharePoint-sivuston osoite. Osoite on muotoa https://contoso.sharepoint.com/sites/trail.',
  'admin.error.notFound': 'Osoitteessa ei ole SharePoint-sivustoa, tai sinulla ei ole pääsyä siihen.',
  'admin.error.forbidden': 'Trailin käyttöönotto vaatii SharePoint-sivuston omistajan oikeudet (Sites.Manage.All). Ota yhteys Microsoft 365 -ylläpitäjään.',
};

export type SupportedLocale = 'en' | 'fi';

export const catalogues: Record<SupportedLocale, Record<MessageKey, string>> = { en, fi };

/** Office gives a BCP 47 tag (`fi-FI`, `en-GB`); we speak Finnish to Finnish users and English to everyone else. */
export function localeFor(displayLanguage: string): SupportedLocale {
  return displayLanguage.toLowerCase().startsWith('fi') ? 'fi' : 'en';
}

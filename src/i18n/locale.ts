export type SupportedLocale = 'en' | 'fi';

/** Office gives a BCP 47 tag (`fi-FI`, `en-GB`); we speak Finnish to Finnish users and English to everyone else. */
export function localeFor(displayLanguage: string): SupportedLocale {
  return displayLanguage.toLowerCase().startsWith('fi') ? 'fi' : 'en';
}

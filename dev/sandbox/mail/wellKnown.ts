/**
 * Distinguished folders: the well-known names Graph accepts in place of ids ("mailFolder resource type")
 * and their display names, which Exchange localises to the mailbox language.
 */
export const WELL_KNOWN_FOLDERS = ['msgfolderroot', 'inbox', 'drafts', 'sentitems', 'deleteditems', 'junkemail', 'archive', 'outbox'] as const;
export type WellKnownName = (typeof WELL_KNOWN_FOLDERS)[number];

const NAMES: Record<'en' | 'fi', Record<WellKnownName, string>> = {
  en: {
    msgfolderroot: 'Top of Information Store',
    inbox: 'Inbox',
    drafts: 'Drafts',
    sentitems: 'Sent Items',
    deleteditems: 'Deleted Items',
    junkemail: 'Junk Email',
    archive: 'Archive',
    outbox: 'Outbox',
  },
  fi: {
    msgfolderroot: 'Tietovaraston alku',
    inbox: 'Saapuneet',
    drafts: 'Luonnokset',
    sentitems: 'Lähetetyt',
    deleteditems: 'Poistetut',
    junkemail: 'Roskaposti',
    archive: 'Arkisto',
    outbox: 'Lähtevät',
  },
};

export function wellKnownDisplayName(name: WellKnownName, locale: string | undefined): string {
  const language = locale?.toLowerCase().startsWith('fi') ? 'fi' : 'en';
  return NAMES[language][name];
}

export const isWellKnownName = (value: string): value is WellKnownName =>
  (WELL_KNOWN_FOLDERS as readonly string[]).includes(value.toLowerCase());

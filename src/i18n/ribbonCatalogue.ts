/**
 * The messages the ribbon's notifications speak, in both languages, as parsed ICU messages: its own words and
 * every reason describeError can give. A build of the function file carries only these (not the whole catalogue,
 * not react-intl): webpack runs this module at build time (dev/precompileRibbonCatalogue.js) and ships its
 * result as data, so neither messages.ts nor the ICU parser reaches the function file (issue 18: ≤ 30 KB gzip).
 * Run as it is (the tests), it parses the same messages with the same parser.
 */
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { SIGN_IN_WORDS } from './errors';
import type { SupportedLocale } from './locale';
import { catalogues, type MessageKey } from './messages';
import { TRIAGE_DONE, TRIAGE_LABEL } from './triage';

export const RIBBON_KEYS: readonly MessageKey[] = [
  ...new Set<MessageKey>([
    'triage.working',
    ...Object.values(TRIAGE_LABEL),
    ...Object.values(TRIAGE_DONE),
    'triage.unconfirmed',
    'triage.notification',
    'triage.failedNotification',
    'triage.noMessage',
    // describeError's words (src/i18n/errors.ts).
    ...Object.values(SIGN_IN_WORDS),
    'error.network',
    'error.throttled',
    'error.signIn',
    'error.mailboxAccessDenied',
    'triage.movedSince',
    'error.generic',
  ]),
];

export type RibbonCatalogue = Partial<Record<MessageKey, MessageFormatElement[]>>;

// Inside webpack's build the catalogues arrive already parsed (dev/precompileCatalogues.js); in tests, as text.
const parsed = (message: unknown): MessageFormatElement[] => (typeof message === 'string' ? parse(message, { ignoreTag: false }) : (message as MessageFormatElement[]));
const ribbonPart = (locale: SupportedLocale): RibbonCatalogue => Object.fromEntries(RIBBON_KEYS.map((key) => [key, parsed(catalogues[locale][key])]));

export const ribbonCatalogues: Record<SupportedLocale, RibbonCatalogue> = { en: ribbonPart('en'), fi: ribbonPart('fi') };

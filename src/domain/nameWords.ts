/**
 * The words a name is found by: "Mikko Heikkinen" by "mik", "heik" and "mikko h"; "Hämeen ELY-keskus"
 * by "häm", "ely" and "keskus". Lower case, Unicode-normalised; accents kept (Finnish ä and ö are
 * letters of their own), so prefix search on the server and in the client index agree.
 */
import { cutAt } from './text';

const MAX_WORDS = 8;
export const MAX_WORD = 100;

/**
 * Direction marks, embeddings, isolates and zero-width characters: invisible, and mail clients put
 * them around right-to-left names ("\u200Fفاطمة الحسيني\u200F"), where they would stop a search
 * for the first word from matching.
 */
const INVISIBLE_FORMATTING = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

export function withoutInvisibleFormatting(text: string): string {
  return text.replace(INVISIBLE_FORMATTING, '');
}

export function normaliseName(name: string): string {
  return withoutInvisibleFormatting(name.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

export function nameWords(name: string): string[] {
  const full = cutAt(normaliseName(name), MAX_WORD);
  const words = full
    .split(/[\s\-–—'’.,;:/()&+"«»]+/u)
    .map((word) => cutAt(word, MAX_WORD))
    .filter((word) => word.length > 0);
  return [...new Set([full, ...words])].filter(Boolean).slice(0, MAX_WORDS + 1);
}

/**
 * The words a name is found by: "Mikko Heikkinen" by "mik", "heik" and "mikko h"; "Hämeen ELY-keskus"
 * by "häm", "ely" and "keskus". Lower case, Unicode-normalised; accents kept (Finnish ä and ö are
 * letters of their own), so prefix search on the server and in the client index agree.
 */
const MAX_WORDS = 8;
const MAX_WORD = 100;

export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function nameWords(name: string): string[] {
  const full = normaliseName(name).slice(0, MAX_WORD);
  const words = full
    .split(/[\s\-–—'’.,;:/()&+"«»]+/u)
    .map((word) => word.slice(0, MAX_WORD))
    .filter((word) => word.length > 0);
  return [...new Set([full, ...words])].filter(Boolean).slice(0, MAX_WORDS + 1);
}

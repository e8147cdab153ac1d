/**
 * Text cut to a length the record can hold, never inside a character: a cut between the two halves of
 * a surrogate pair (an emoji, a rare CJK character) leaves a lone surrogate, which `encodeURIComponent`
 * refuses, so a query built from it would throw instead of searching.
 */
export function cutAt(text: string, maxUnits: number): string {
  const cut = text.slice(0, maxUnits);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

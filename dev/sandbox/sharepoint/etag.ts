/**
 * List item eTags: `"{item guid},{version}"`, the version counting every save (Graph sends e.g.
 * `"\"12b493eb-2452-451b-84e5-ecba8ec898c8,1\""` for a new item). `If-Match` must equal the current
 * eTag or be `*` ("Update listItem": a non-matching eTag gives 412 and the item is not updated).
 */
import { etagMismatch } from './errors';

export function itemEtag(guid: string, version: number): string {
  return `"${guid},${version}"`;
}

/** The eTag's content without quotes or a weak marker; the eTag itself contains a comma, so no list split. */
function normalise(tag: string): string {
  return tag.trim().replace(/^W\//i, '').replace(/^"(.*)"$/, '$1').replace(/^\{(.*)\}(,\d+)$/, '$1$2').toLowerCase();
}

export function etagMatches(ifMatch: string | undefined, current: string): boolean {
  if (ifMatch === undefined || ifMatch.trim() === '*') return true;
  return normalise(ifMatch) === normalise(current);
}

/** Throws Graph's 412 unless `If-Match` (when sent) names the current version. */
export function assertIfMatch(headers: Record<string, string>, current: string): void {
  if (!etagMatches(headers['if-match'], current)) throw etagMismatch();
}

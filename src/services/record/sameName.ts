/**
 * "Duplicate checks as today", for names: before a person is saved under a name, the people Trail can
 * see who already have that name (domain/duplicates.ts `sameName`: case, spacing and word order aside,
 * letters such as ä kept as letters of their own), each with their addresses, so the user is warned
 * and can open the other one, merge, or save anyway. Never a silent second "Mikko Heikkinen".
 */
import { sameName, type DuplicateCandidate } from '../../domain/duplicates';
import { sameEntity, type EntityRef, type EntitySummary } from '../../domain/entities';
import { nameWords } from '../../domain/nameWords';

type Search = (text: string, limit?: number) => Promise<{ results: EntitySummary[] }>;

/** The people other than `except` whose name is `name`, found by its words (search matches a word's start). */
export async function peopleNamed(name: string, search: Search, read: (summary: EntitySummary) => Promise<DuplicateCandidate>, except?: EntityRef): Promise<DuplicateCandidate[]> {
  const words = nameWords(name).slice(1).filter((w) => w.length >= 2);
  if (words.length === 0) return [];
  // The longest words first: a surname finds fewer people than a first name.
  const queries = [...words].sort((a, b) => b.length - a.length).slice(0, 2);
  const found = (await Promise.all(queries.map((q) => search(q, 25).then((r) => r.results)))).flat();
  const same = new Map(found.filter((s) => s.ref.kind === 'person' && !(except && sameEntity(s.ref, except)) && sameName(s.name, name)).map((s) => [s.ref.id, s]));
  return Promise.all([...same.values()].slice(0, 5).map(read));
}

/**
 * Merging duplicates: a preview of what moves from the duplicate to the entity that stays (addresses,
 * domains, filings, notes, participations, and the details kept or dropped: domain/merging.ts), the merge itself (the store audits it), and the likely
 * duplicates Trail can see for an entity (domain/duplicates.ts; candidates from the local index, or
 * the server's search while the index is not warm).
 */
import { likelyDuplicates, type DuplicateCandidate, type LikelyDuplicate } from '../../domain/duplicates';
import { mergedDetails, type MergedDetails } from '../../domain/merging';
import { nameWords } from '../../domain/nameWords';
import type { Entity, EntityRef, EntitySummary, Organisation, Person } from '../../domain/entities';
import type { EntityIndex, IndexedOrganisation, IndexedPerson } from '../../record/entityIndex';
import type { Filing, TrailStore } from '../../record/trailStore';

export interface MergePreview {
  from: Entity;
  into: Entity;
  /** Addresses (people) or domains (organisations) the kept entity gains. */
  addresses: string[];
  domains: string[];
  filings: number;
  notes: number;
  participations: number;
  /** The duplicate's phone, job title, organisation, roles and notes: what the kept entity gains and what is dropped. */
  details: MergedDetails;
  /** Names of the organisations the details name by id (a person's organisation). */
  organisationNames: Record<string, string>;
}

/** The names of the organisations a merge's details name, read; an organisation that cannot be read is named by its id. */
async function organisationNamesOf(store: TrailStore, details: MergedDetails): Promise<Record<string, string>> {
  const named: string[] = [
    ...details.gained.filter((d) => d.field === 'organisationId').map((d) => d.value),
    ...details.dropped.filter((d) => d.field === 'organisationId').flatMap((d) => [d.value, d.kept]),
  ];
  const ids = [...new Set(named)];
  const names = await Promise.all(ids.map((id): Promise<string> => store.get({ kind: 'organisation', id }).then((o) => o.name, () => id)));
  return Object.fromEntries(ids.map((id, i) => [id, names[i]!]));
}

/** Every filing of an entity, page by page. */
async function allFilings(store: TrailStore, ref: EntityRef): Promise<Filing[]> {
  const all: Filing[] = [];
  let next: string | undefined;
  do {
    const page = await store.filingsOfEntity(ref, { pageSize: 200, ...(next ? { next } : {}) });
    all.push(...page.items);
    next = page.nextLink ?? undefined;
  } while (next);
  return all;
}

export async function previewMerge(store: TrailStore, from: EntityRef, into: EntityRef): Promise<MergePreview> {
  if (from.kind !== into.kind) throw new Error(`Cannot merge a ${from.kind} into a ${into.kind}.`);
  const [source, target, filings, participations] = await Promise.all([store.get(from), store.get(into), allFilings(store, from), store.projectsOf(from)]);
  const details = mergedDetails(target, source);
  const gained = (theirs: readonly string[], ours: readonly string[]) => theirs.filter((a) => !ours.includes(a));
  return {
    from: source,
    into: target,
    addresses: source.ref.kind === 'person' ? gained((source as Person).emails, (target as Person).emails) : [],
    domains: source.ref.kind === 'organisation' ? gained((source as Organisation).domains, (target as Organisation).domains) : [],
    filings: filings.filter((f) => f.item.kind !== 'note').length,
    notes: filings.filter((f) => f.item.kind === 'note').length,
    participations: participations.length,
    details,
    organisationNames: await organisationNamesOf(store, details),
  };
}

export function mergeEntities(store: TrailStore, from: EntityRef, into: EntityRef): Promise<{ filingsMoved: number; keysMoved: number }> {
  return store.merge(from, into);
}

type Search = (text: string, limit?: number) => Promise<{ results: EntitySummary[] }>;

/** A candidate's addresses or domains: from the local index when it has them, else read (the server's search names only the key it matched). */
export function candidateReader(store: Pick<TrailStore, 'get'>, index: Pick<EntityIndex, 'entity'>) {
  return async (summary: EntitySummary): Promise<DuplicateCandidate> => {
    const known = index.entity(summary.ref) as (IndexedPerson & IndexedOrganisation) | undefined;
    if (known?.emails || known?.domains) return { ref: summary.ref, name: summary.name, ...(known.emails ? { emails: known.emails } : {}), ...(known.domains ? { domains: known.domains } : {}) };
    const entity = await store.get(summary.ref);
    return { ref: entity.ref, name: entity.name, ...(entity.ref.kind === 'person' ? { emails: (entity as Person).emails } : {}), ...(entity.ref.kind === 'organisation' ? { domains: (entity as Organisation).domains } : {}) };
  };
}

/** The likely duplicates of a person or an organisation among those search finds by its name's words and its domains. */
export async function suggestDuplicates(entity: Entity, search: Search, read: (summary: EntitySummary) => Promise<DuplicateCandidate>, extraPublic: readonly string[] = []): Promise<LikelyDuplicate[]> {
  if (entity.ref.kind === 'project') return [];
  const subject: DuplicateCandidate =
    entity.ref.kind === 'person' ? { ref: entity.ref, name: entity.name, emails: (entity as Person).emails } : { ref: entity.ref, name: entity.name, domains: (entity as Organisation).domains };
  const domains = entity.ref.kind === 'person' ? (entity as Person).emails.map((e) => e.split('@')[1] ?? '') : (entity as Organisation).domains;
  const queries = [...new Set([...nameWords(entity.name).slice(1).filter((w) => w.length >= 3), ...domains.filter(Boolean)])].slice(0, 6);
  const found = await Promise.all(queries.map((q) => search(q, 20).then((r) => r.results).catch(() => [] as EntitySummary[])));
  const unique = new Map(found.flat().filter((s) => s.ref.kind === entity.ref.kind && s.ref.id !== entity.ref.id).map((s) => [s.ref.id, s]));
  const candidates = (await Promise.all([...unique.values()].slice(0, 12).map((s) => read(s).catch(() => undefined)))).filter((c): c is DuplicateCandidate => !!c);
  return likelyDuplicates(subject, candidates, extraPublic).slice(0, 5);
}

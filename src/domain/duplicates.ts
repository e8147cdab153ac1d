/**
 * Likely duplicates of a person or an organisation, among entities Trail can see: the same name
 * (letters compared as search compares them), or, for people, an address at the same domain with a
 * similar name ("M. Heikkinen" and "Mikko Heikkinen" at kallio.fi). Public mail domains say nothing
 * about who someone works for, so they never make two people alike. Pure.
 */
import { isPublicMailDomain, normaliseAddress } from './addresses';
import { entityKey, type EntityRef } from './entities';
import { normaliseName } from './nameWords';

export interface DuplicateCandidate {
  ref: EntityRef;
  name: string;
  /** A person's addresses, an organisation's domains (as the record holds them). */
  emails?: readonly string[];
  domains?: readonly string[];
}

export type DuplicateReason = 'sameName' | 'sameDomainSimilarName' | 'sharedDomain';

export interface LikelyDuplicate {
  candidate: DuplicateCandidate;
  reason: DuplicateReason;
}

/** Letters only, accents kept (ä is a letter of its own in Finnish), so "Heikkinen, Mikko" ≈ "Mikko Heikkinen". */
function nameParts(name: string): string[] {
  return normaliseName(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function sameName(a: string, b: string): boolean {
  const pa = nameParts(a).sort();
  const pb = nameParts(b).sort();
  return pa.length > 0 && pa.join(' ') === pb.join(' ');
}

/**
 * Similar: they share a surname-like word of three letters or more, and every other word of the shorter
 * name agrees with a word of the longer one by its first letter ("M. Heikkinen" ~ "Mikko Heikkinen";
 * "Mikko Heikkinen" is not "Anna Heikkinen").
 */
export function similarName(a: string, b: string): boolean {
  const [short, long] = [nameParts(a), nameParts(b)].sort((x, y) => x.length - y.length) as [string[], string[]];
  if (short.length === 0) return false;
  const shared = short.filter((w) => w.length >= 3 && long.includes(w));
  if (shared.length === 0) return false;
  const rest = long.filter((w) => !shared.includes(w));
  return short.filter((w) => !shared.includes(w)).every((w) => rest.some((r) => r.startsWith(w) || w.startsWith(r)));
}

function domainsOf(candidate: DuplicateCandidate, extraPublic: readonly string[]): Set<string> {
  const domains = new Set<string>();
  for (const raw of candidate.emails ?? []) {
    const n = normaliseAddress(raw);
    if (n.ok && !isPublicMailDomain(n.domain, extraPublic)) domains.add(n.domain);
  }
  for (const d of candidate.domains ?? []) if (!isPublicMailDomain(d, extraPublic)) domains.add(d.toLowerCase());
  return domains;
}

/**
 * The candidates that look like the same person or organisation as `subject`, best first (same name
 * before similar name at the same domain). The subject itself and other kinds are never offered.
 */
export function likelyDuplicates(subject: DuplicateCandidate, candidates: readonly DuplicateCandidate[], extraPublic: readonly string[] = []): LikelyDuplicate[] {
  const own = domainsOf(subject, extraPublic);
  const seen = new Set([entityKey(subject.ref)]);
  const found: LikelyDuplicate[] = [];
  for (const candidate of candidates) {
    const key = entityKey(candidate.ref);
    if (candidate.ref.kind !== subject.ref.kind || seen.has(key)) continue;
    seen.add(key);
    if (sameName(subject.name, candidate.name)) {
      found.push({ candidate, reason: 'sameName' });
      continue;
    }
    const theirs = domainsOf(candidate, extraPublic);
    const shareDomain = [...theirs].some((d) => own.has(d));
    if (!shareDomain) continue;
    // Two organisations at one domain are one organisation; two people there are two colleagues unless their names agree.
    if (subject.ref.kind === 'organisation') found.push({ candidate, reason: 'sharedDomain' });
    else if (similarName(subject.name, candidate.name)) found.push({ candidate, reason: 'sameDomainSimilarName' });
  }
  const order: Record<DuplicateReason, number> = { sameName: 0, sharedDomain: 1, sameDomainSimilarName: 2 };
  return found.sort((a, b) => order[a.reason] - order[b.reason]);
}

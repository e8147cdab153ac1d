import { isDomainWithin, normaliseAddress, organisationDomainOf } from './addresses';
import { entityKey, type EntityRef, type EntitySummary } from './entities';

/**
 * What to suggest filing the open item to, and why. Pure: the store's answers come in, an ordered
 * list goes out. The order is how likely the user is to want each: the sender (or organizer) first,
 * their organisation, projects the thread is already filed to, then the other people and theirs,
 * then what the user filed to lately.
 */

export type ParticipantRole = 'sender' | 'recipient' | 'organizer' | 'attendee';

export interface Participant {
  name: string;
  address: string;
  role: ParticipantRole;
}

export type SuggestionReason =
  | { kind: 'person'; role: ParticipantRole; address: string }
  /** The organisation of a participant's domain; the role is whose domain it is (the sender's, a recipient's…). */
  | { kind: 'domain'; domain: string; role: ParticipantRole }
  | { kind: 'conversation' }
  | { kind: 'recent' };

export interface Suggestion {
  entity: EntitySummary;
  /** The first (strongest) reason is the one shown. */
  reason: SuggestionReason;
}

/** An address that is known nowhere: offered as "create person". */
export interface UnknownParticipant extends Participant {
  /** Its organisation domain, when not a public mail domain. */
  domain: string | undefined;
}

export interface SuggestionInput {
  participants: readonly Participant[];
  people: ReadonlyMap<string, EntitySummary>;
  organisations: ReadonlyMap<string, EntitySummary>;
  conversation: readonly EntitySummary[];
  /** What the user filed to lately, with a project's closed status as now known (closed ones are left out). */
  recent: readonly EntitySummary[];
  /** Already filed to: never suggested again. */
  filed: readonly EntityRef[];
  /** The user's own address: they are on every mail, and so is their own organisation. */
  self: string;
  /** The organisation's additions to the public mail domains (tenant settings). */
  extraPublicDomains?: readonly string[];
  /**
   * Domains whose people are never suggested, offered for creating, or their organisation suggested
   * (tenant settings): typically the organisation's other own domains, or a system's.
   */
  neverFileDomains?: readonly string[];
  /** Cap on the list; the rest is one search away. */
  limit?: number;
}

export const DEFAULT_SUGGESTION_LIMIT = 8;
/** Recently used entities fill in after the item's own, and never crowd them out. */
export const MAX_RECENT_SUGGESTIONS = 3;

const ROLE_ORDER: Record<ParticipantRole, number> = { sender: 0, organizer: 0, recipient: 1, attendee: 1 };

export function suggestFilings(input: SuggestionInput): { suggestions: Suggestion[]; unknown: UnknownParticipant[] } {
  const self = normaliseAddress(input.self);
  const ownDomain = self.ok ? self.domain : undefined;
  const taken = new Set(input.filed.map(entityKey));
  const suggestions: Suggestion[] = [];
  const add = (entity: EntitySummary | undefined, reason: SuggestionReason) => {
    if (!entity || taken.has(entityKey(entity.ref))) return;
    taken.add(entityKey(entity.ref));
    suggestions.push({ entity, reason });
  };

  // One entry per address, in its strongest role, sender before recipients.
  const seen = new Set<string>();
  const participants: Array<Participant & { normalised: string }> = [];
  for (const p of [...input.participants].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])) {
    const n = normaliseAddress(p.address);
    if (!n.ok || seen.has(n.address) || (self.ok && n.address === self.address)) continue;
    if (input.neverFileDomains?.length && isDomainWithin(n.domain, input.neverFileDomains)) continue;
    seen.add(n.address);
    participants.push({ ...p, normalised: n.address });
  }

  const unknown: UnknownParticipant[] = [];
  const domainOf = (address: string) => {
    const domain = organisationDomainOf(address, input.extraPublicDomains);
    return domain && domain !== ownDomain ? domain : undefined;
  };
  const addParticipant = (p: (typeof participants)[number]) => {
    const person = input.people.get(p.normalised);
    const domain = domainOf(p.normalised);
    if (person) add(person, { kind: 'person', role: p.role, address: p.address });
    else if (!ownDomain || !p.normalised.endsWith(`@${ownDomain}`)) unknown.push({ name: p.name, address: p.address, role: p.role, domain });
    if (domain) add(input.organisations.get(domain), { kind: 'domain', domain, role: p.role });
  };

  const [first, ...rest] = participants;
  if (first && ROLE_ORDER[first.role] === 0) addParticipant(first);
  for (const project of input.conversation) add(project, { kind: 'conversation' });
  for (const p of first && ROLE_ORDER[first.role] === 0 ? rest : participants) addParticipant(p);
  const beforeRecent = suggestions.length;
  for (const entity of input.recent) {
    if (suggestions.length - beforeRecent >= MAX_RECENT_SUGGESTIONS) break;
    // A closed project is done with: found and filed to on purpose, never offered as "filed lately".
    if (!entity.closed) add(entity, { kind: 'recent' });
  }

  return { suggestions: suggestions.slice(0, input.limit ?? DEFAULT_SUGGESTION_LIMIT), unknown };
}

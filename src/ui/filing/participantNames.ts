/**
 * The names an unknown participant is created under: theirs from their display name or address, and
 * their organisation's when it is to be made from their mail domain. Pure.
 */
import { normaliseAddress } from '../../domain/addresses';
import { withoutInvisibleFormatting } from '../../domain/nameWords';
import { organisationFromDisplayName, organisationFromSignature, personFromDisplayName } from '../../domain/organisationNames';
import type { UnknownParticipant } from '../../domain/suggestions';
import type { FilingView } from '../../services/filing/filingService';

/** "datariihi.fi" → "Datariihi": a starting point the user can correct later, never a guess presented as fact. */
export const organisationNameFromDomain = (domain: string): string => {
  const label = domain.split('.').slice(-2, -1)[0] ?? domain;
  return label.charAt(0).toLocaleUpperCase('fi') + label.slice(1);
};

/** "liisa.korhonen@x.fi" with no display name → "Liisa Korhonen". */
export const personNameFrom = (participant: UnknownParticipant): string => {
  // The marks a mail client wrapped the name in are not part of it.
  const name = withoutInvisibleFormatting(participant.name).trim();
  // "Maija Virtanen | Mäntyrinteen kansalaisopisto": the person is the part before their organisation.
  if (name && !name.includes('@')) return personFromDisplayName(name);
  const n = normaliseAddress(participant.address);
  const local = n.ok ? n.address.slice(0, n.address.indexOf('@')) : participant.address;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase('fi') + w.slice(1))
    .join(' ');
};

/**
 * The name offered for an organisation made from a participant's mail domain, for the user to correct
 * before it is saved: their display name's organisation ("Maija Virtanen | Mäntyrinteen kansalaisopisto"),
 * else the organisation line under their name in the body's signature, else the domain's name.
 */
export const offeredOrganisationName = (participant: UnknownParticipant & { domain: string }, bodyLines: readonly string[] | null): string =>
  organisationFromDisplayName(participant.name) ??
  (bodyLines ? organisationFromSignature(bodyLines, personNameFrom(participant)) : null) ??
  organisationNameFromDomain(participant.domain);

/** The domains of the view's unknown participants the record has no organisation for: made when they are. */
export function domainsToMake(view: FilingView): string[] {
  const known = new Set(view.suggestions.flatMap((s) => (s.reason.kind === 'domain' ? [s.reason.domain] : [])));
  const senderDomain = view.sender?.organisation ? view.sender.address.split('@').pop()?.toLowerCase() : undefined;
  if (senderDomain) known.add(senderDomain);
  return [...new Set(view.unknown.flatMap((u) => (u.domain && !known.has(u.domain) ? [u.domain] : [])))];
}

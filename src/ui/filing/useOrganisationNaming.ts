import { useEffect, useRef, useState } from 'react';
import type { UnknownParticipant } from '../../domain/suggestions';
import type { FilingView } from '../../services/filing/filingService';
import { NAME_MAX } from '../../services/filingRuntime';
import type { AsyncState } from '../shared/useAsync';
import { domainsToMake, offeredOrganisationName } from './participantNames';

/**
 * The names of organisations to be made from unknown participants' mail domains: offered from the
 * message (display name, else the body's signature, read once per item and only when one is to be
 * made), corrected by the user per domain, and checked (blank, too long) before anything is created.
 */
export function useOrganisationNaming(load: AsyncState<FilingView>, itemId: string, bodyText: (() => Promise<string | null>) | undefined) {
  // Organisation names as the user corrected them, by domain; and the body's lines once read (null: unreadable).
  const [organisationNames, setOrganisationNames] = useState<Record<string, string>>({});
  const [body, setBody] = useState<{ itemId: string; lines: string[] | null } | null>(null);
  const current = useRef(itemId);
  const bodyRead = useRef<string | null>(null);
  const readBody = useRef(bodyText);
  readBody.current = bodyText;
  const toMake = load.status === 'ready' ? domainsToMake(load.value) : [];
  const wantsBody = toMake.length > 0;

  useEffect(() => {
    current.current = itemId;
    setOrganisationNames({});
  }, [itemId]);

  // The body is read when an organisation is about to be made (not on every item change), once per item.
  useEffect(() => {
    const read = readBody.current;
    if (!wantsBody || !read || bodyRead.current === itemId) return;
    bodyRead.current = itemId;
    const keep = (lines: string[] | null) => {
      if (current.current === itemId) setBody({ itemId, lines });
    };
    read().then(
      // Blank lines dropped: a signature's organisation line is looked for in the few lines under the name.
      (text) => keep(text ? text.split(/\r\n|[\r\n\u2028\u2029]/).map((line) => line.trim()).filter(Boolean) : null),
      () => keep(null),
    );
  }, [wantsBody, itemId]);

  const bodyLines = body?.itemId === itemId ? body.lines : null;
  /** The organisation's name as the row shows it (offered, or as corrected); null when none is to be made. */
  const organisationNameFor = (participant: UnknownParticipant): string | null => {
    const domain = participant.domain;
    if (!domain || !toMake.includes(domain)) return null;
    return organisationNames[domain] ?? offeredOrganisationName({ ...participant, domain }, bodyLines);
  };
  const setOrganisationName = (participant: UnknownParticipant, name: string) => {
    const domain = participant.domain;
    if (domain) setOrganisationNames((names) => ({ ...names, [domain]: name.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ') }));
  };
  /** Blank, or longer than the record holds: the row says so and nothing is created. */
  const organisationNameProblem = (participant: UnknownParticipant): 'missing' | 'tooLong' | null => {
    const name = organisationNameFor(participant)?.trim();
    if (name === undefined) return null;
    if (!name) return 'missing';
    return name.length > NAME_MAX ? 'tooLong' : null;
  };
  /** The name the organisation is created under: as the row shows it, or as offered when the field was cleared. */
  const organisationNameToCreate = (participant: UnknownParticipant & { domain: string }): string =>
    organisationNameFor(participant)?.trim() || offeredOrganisationName(participant, bodyLines);

  return { organisationNameFor, setOrganisationName, organisationNameProblem, organisationNameToCreate };
}

export type OrganisationNaming = ReturnType<typeof useOrganisationNaming>;

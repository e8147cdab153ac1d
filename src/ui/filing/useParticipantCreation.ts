import { normaliseAddress } from '../../domain/addresses';
import type { EntitySummary } from '../../domain/entities';
import type { UnknownParticipant } from '../../domain/suggestions';
import type { FilingRuntime } from '../../services/filingRuntime';
import type { FilingResult } from './useFiling';
import type { OrganisationNaming } from './useOrganisationNaming';
import { personNameFrom } from './participantNames';

type Run = (key: string, work: () => Promise<FilingResult>) => Promise<boolean>;

/**
 * Someone on the item Trail does not know, created in one click: as a person with their organisation
 * by domain (found, or made under the name the row shows), then filed to both, or only created (the
 * card's one click for an unknown sender).
 */
export interface CreationContext {
  run: Run;
  /** Files the open item (as chosen: message, occurrence or series) to these, with the note typed. */
  fileEntities: (entities: EntitySummary[]) => Promise<FilingResult>;
  ready: boolean;
  noteTooLong: boolean;
}

export function useParticipantCreation(runtime: FilingRuntime, naming: OrganisationNaming, { run, fileEntities, ready, noteTooLong }: CreationContext) {
  /** The unknown participant as a person, with their organisation by domain (found or made). */
  const createPerson = async (participant: UnknownParticipant): Promise<EntitySummary[]> => {
    const store = runtime.filing;
    const n = normaliseAddress(participant.address);
    // By the name the row shows, as the user left it; a domain the record knows finds its organisation.
    const domain = participant.domain;
    const organisation = domain ? await store.createOrganisation({ name: naming.organisationNameToCreate({ ...participant, domain }), domains: [domain] }) : undefined;
    const person = await store.createPerson({ name: personNameFrom(participant), emails: [n.ok ? n.address : participant.address], organisationId: organisation?.entity.ref.id ?? null });
    const summary = (o: { entity: { ref: EntitySummary['ref']; name: string } }): EntitySummary => ({ ref: o.entity.ref, name: o.entity.name, detail: '' });
    return [summary(person), ...(organisation ? [summary(organisation)] : [])];
  };

  const refuseBadName = (participant: UnknownParticipant) => {
    if (naming.organisationNameProblem(participant)) throw new Error('the organisation name is blank or longer than the record holds');
  };

  /**
   * Duplicate checks as for an edited person: other people already called what this one would be are
   * named (with their addresses) and nothing is created, unless the user chose to create them anyway.
   */
  const sameNameOf = async (participant: UnknownParticipant, andFile: boolean, anyway: boolean): Promise<FilingResult | null> => {
    if (anyway) return null;
    const name = personNameFrom(participant);
    const others = await runtime.keeping.peopleNamed(name);
    return others.length > 0 ? { kind: 'sameName', participant, name, others, andFile } : null;
  };

  /** Creates the unknown participant (and their organisation) and files to both. */
  const createAndFile = (participant: UnknownParticipant, anyway = false) =>
    run(`create:${participant.address}`, async () => {
      if (!ready) throw new Error('not ready');
      refuseBadName(participant);
      if (noteTooLong) throw new Error('the note is longer than the record holds');
      return (await sameNameOf(participant, true, anyway)) ?? fileEntities(await createPerson(participant));
    });

  /** Creates them without filing: the card's one click for an unknown sender. */
  const createOnly = (participant: UnknownParticipant, anyway = false) =>
    run(`createOnly:${participant.address}`, async () => {
      refuseBadName(participant);
      return (await sameNameOf(participant, false, anyway)) ?? { kind: 'created', names: (await createPerson(participant)).map((e) => e.name) };
    });

  return { createAndFile, createOnly };
}

import { Body1, Button, Caption1, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Subtitle2 } from '@fluentui/react-components';
import { ArrowLeft16Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { type Entity, type EntitySummary, type Person } from '../../domain/entities';
import type { UnknownParticipant } from '../../domain/suggestions';
import type { OfficeHost } from '../../office/host';
import type { FilingRuntime } from '../../services/filingRuntime';
import { RecordEditor } from '../projects/RecordEditor';
import { NewNoteButton } from '../notes/NewNoteButton';
import { ErasedNotice, type ErasedPerson } from '../dataRights/ErasedNotice';
import { EntityKeeping } from '../people/EntityKeeping';
import { RoleChips } from '../people/RoleChips';
import { RoleFilter } from '../people/RoleFilter';
import { roleText, withRole } from '../people/roleText';
import { EntityLink } from '../shared/EntityLink';
import { ErrorNotice } from '../shared/ErrorNotice';
import { KIND_LABEL } from './entityCaption';
import { Timeline } from './Timeline';
import { usePersonDetails, useRelated } from './useEntityView';
import { useEntityViewStyles } from './useEntityViewStyles';


export { KIND_LABEL };

export { roleText };

function Details() {
  const intl = useIntl();
  return (
    <Skeleton aria-label={intl.formatMessage({ id: 'entity.loading' })}>
      <SkeletonItem size={12} />
    </Skeleton>
  );
}

/** Where other parts of the pane have long found it. */
export { EntityLink };

/** `shownAddress`: the address the card already shows above, not repeated among the contact details. */
function PersonFacts({ person, shownAddress }: { person: Person; shownAddress?: string }) {
  const styles = useEntityViewStyles();
  const lines = [
    person.jobTitle,
    person.emails.filter((e) => e.toLowerCase() !== shownAddress?.toLowerCase()).join(', '),
    person.phone,
  ].filter(Boolean);
  return (
    <div data-testid="person-facts" style={{ display: 'contents' }}>
      <RoleChips roles={person.roles} />
      {lines.map((line, i) => (
        <Caption1 key={i} className={i === 0 ? undefined : styles.muted}>
          {line}
        </Caption1>
      ))}
    </div>
  );
}

export interface PersonCardProps {
  runtime: FilingRuntime;
  host: OfficeHost;
  address: string;
  name: string;
  person?: EntitySummary | undefined;
  organisation?: EntitySummary | undefined;
  /** Set when the record does not know them: the card offers to create them. */
  unknown?: UnknownParticipant | undefined;
  onCreate?: ((participant: UnknownParticipant) => void) | undefined;
  creating?: boolean;
  onOpen: (entity: EntitySummary) => void;
  /** The shared mailbox the open item is in: recent mail with them is looked for there. */
  mailbox?: string | null;
  /** Changes when the open item's filings change, so the timeline shows them. */
  revision?: string;
}

/** Who they are (as the record has them) and everything around them. */
export function PersonCard({ runtime, host, address, name, person, organisation, unknown, onCreate, creating, onOpen, mailbox = null, revision = '' }: PersonCardProps) {
  const styles = useEntityViewStyles();
  const intl = useIntl();
  const details = usePersonDetails(runtime, person);
  const title = person?.name ?? (name || address);
  const subjects = [person, organisation].filter((e): e is EntitySummary => !!e);
  const [noted, setNoted] = useState(0);
  return (
    <section className={styles.card} aria-labelledby="person-card-title" tabIndex={-1} data-testid="person-card">
      <Subtitle2 as="h3" id="person-card-title">
        {intl.formatMessage({ id: 'history.title' }, { name: title })}
      </Subtitle2>
      <Body1>{address}</Body1>
      {organisation && (
        <span>
          <EntityLink entity={organisation} onOpen={onOpen} />
        </span>
      )}
      {person && details.status === 'loading' && <Details />}
      {details.status === 'ready' && details.value && <PersonFacts person={details.value} shownAddress={address} />}
      {person && <NewNoteButton keeping={runtime.keeping} prefilled={subjects} onSaved={() => setNoted((n) => n + 1)} />}
      {!person && (
        <>
          <Caption1 className={styles.muted} data-testid="person-card-unknown">
            {intl.formatMessage({ id: 'entity.unknownPerson' })}
          </Caption1>
          {unknown && onCreate && (
            <Button size="small" className={styles.back} disabled={creating} onClick={() => onCreate(unknown)} data-testid="person-card-create">
              {intl.formatMessage({ id: 'entity.createPerson' })}
            </Button>
          )}
        </>
      )}
      <Timeline runtime={runtime} host={host} subjects={subjects} address={address} mailbox={mailbox} revision={`${revision}:${noted}`} />
    </section>
  );
}

/** A person, organisation or project opened from the pane: who is involved, with their roles, and its timeline. */
export function EntityView({ runtime, host, entity, onBack, onOpen }: { runtime: FilingRuntime; host: OfficeHost; entity: EntitySummary; onBack: () => void; onOpen: (entity: EntitySummary) => void }) {
  const styles = useEntityViewStyles();
  const intl = useIntl();
  const [revision, setRevision] = useState(0);
  const [role, setRole] = useState<string | null>(null);
  const related = useRelated(runtime, entity, revision);
  const people = related.status === 'ready' ? withRole(related.value.people, role) : [];
  const full = related.status === 'ready' ? related.value.entity : null;
  // The entity as it is now (renamed since it was listed): what the merge and data panels name.
  const current = useMemo(() => (full && full.name !== entity.name ? { ...entity, name: full.name } : entity), [entity, full]);
  const organisationId = full?.ref.kind === 'person' ? (full as Person).organisationId : null;
  const address = full?.ref.kind === 'person' ? ((full as Person).emails[0] ?? null) : null;
  // Merged into another entry or erased (since it was listed): said in words, with nothing to do with it.
  const gone = related.status === 'error' && runtime.filing.isEntityGone(related.error);
  const heading = entity.ref.kind === 'organisation' ? 'entity.people' : entity.ref.kind === 'project' ? 'entity.involved' : 'entity.projects';
  // Erased from here: the view says what went, and nothing of the person is left to act on.
  const [erased, setErased] = useState<ErasedPerson | null>(null);
  if (erased)
    return (
      <section className={styles.card} aria-labelledby="entity-title" data-testid={`entity-view-${entity.ref.kind}`}>
        <Subtitle2 as="h3" id="entity-title">
          {erased.name}
        </Subtitle2>
        <ErasedNotice erased={erased} onBack={onBack} />
      </section>
    );
  return (
    <section className={styles.card} aria-labelledby="entity-title" data-testid={`entity-view-${entity.ref.kind}`}>
      <Button size="small" appearance="subtle" icon={<ArrowLeft16Regular />} className={styles.back} onClick={onBack} data-testid="entity-back">
        {intl.formatMessage({ id: 'entity.back' })}
      </Button>
      <Subtitle2 as="h3" id="entity-title">
        {full?.name ?? entity.name}
      </Subtitle2>
      <Caption1 className={styles.muted}>
        {[
          intl.formatMessage({ id: KIND_LABEL[entity.ref.kind] }),
          full?.ref.kind === 'organisation' ? (full as Extract<Entity, { domains: string[] }>).domains.join(', ') : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Caption1>
      {full && full.ref.kind !== 'person' && <RoleChips roles={full.roles} />}
      {related.status === 'loading' && <Details />}
      {related.status === 'error' && !gone && <ErrorNotice error={related.error} />}
      {gone && (
        <MessageBar intent="warning" data-testid="entity-gone">
          <MessageBarBody>{intl.formatMessage({ id: 'entity.gone' }, { kind: entity.ref.kind })}</MessageBarBody>
        </MessageBar>
      )}
      {full?.ref.kind === 'person' && <PersonFacts person={full as Person} />}
      {related.status === 'ready' && <RecordEditor runtime={runtime} host={host} entity={entity} onChanged={() => setRevision((r) => r + 1)} onOpen={onOpen} />}
      {organisationId && related.status === 'ready' && (
        <span>
          <EntityLink
            entity={{ ref: { kind: 'organisation', id: organisationId }, name: runtime.index.entity({ kind: 'organisation', id: organisationId })?.name ?? intl.formatMessage({ id: 'entity.organisation' }), detail: '' }}
            onOpen={onOpen}
          />
        </span>
      )}
      {/* A project's participants are listed once: in its editor, where they are changed. */}
      {related.status === 'ready' && related.value.people.length > 0 && entity.ref.kind !== 'project' && (
        <>
          <Caption1 as="h4">{intl.formatMessage({ id: heading })}</Caption1>
          <RoleFilter roles={[...new Set(related.value.people.flatMap((p) => p.roles ?? []))].sort((a, b) => a.localeCompare(b, 'fi'))} value={role} onChange={setRole} />
          <ul className={styles.list} data-testid="entity-related">
            {people.map((p) => (
              <li key={`${p.entity.ref.kind}:${p.entity.ref.id}`}>
                <EntityLink entity={p.entity} onOpen={onOpen} />
                {p.role ? <Caption1 className={styles.muted}>{` · ${roleText(intl, p.role)}`}</Caption1> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {related.status !== 'loading' && !gone && (
        <>
          <EntityKeeping
            keeping={runtime.keeping}
            entity={current}
            full={full}
            organisation={organisationId ? { ref: { kind: 'organisation', id: organisationId }, name: runtime.index.entity({ kind: 'organisation', id: organisationId })?.name ?? intl.formatMessage({ id: 'entity.organisation' }), detail: '' } : null}
            onChanged={() => setRevision((r) => r + 1)}
            onErased={setErased}
            onBack={onBack}
            onOpen={onOpen}
          />
          <Caption1 as="h4">{intl.formatMessage({ id: 'entity.timeline' })}</Caption1>
          <Timeline
            runtime={runtime}
            host={host}
            subjects={[entity, ...(organisationId ? [{ ref: { kind: 'organisation' as const, id: organisationId }, name: '', detail: '' }] : [])]}
            address={address}
            revision={String(revision)}
            testId="entity-timeline"
          />
        </>
      )}
    </section>
  );
}

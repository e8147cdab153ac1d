import { Button, Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { entityKey, type EntitySummary } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';
import { OWNER_ROLE, type Participation } from '../../services/record/projectKeeping';
import { OwnerField } from './OwnerField';
import { RoleFilter } from '../people/RoleFilter';
import { roleText, withRole } from '../people/roleText';
import { EntityLink } from '../shared/EntityLink';
import { ParticipantPicker } from './ParticipantPicker';
import { rolesToNarrow, roleToKeep } from './projectRoles';
import { RoleField } from './RoleField';
import { ProjectFields } from './ProjectFields';
import { saveErrorText } from './recordWords';
import { useProjectEditor } from './useProjectEditor';
import { useRecordFormStyles } from './useRecordFormStyles';

/** One participant: their role, changed where it is shown (a role chosen, Enter or leaving the field saves), and Remove. */
function ParticipantRow({ runtime, me, p, busy, onRole, onRemove, onEdit, onOpen }: { runtime: FilingRuntime; me: { name: string }; p: Participation; busy: boolean; onRole: (role: string) => void; onRemove: () => void; onEdit: () => void; onOpen?: ((entity: EntitySummary) => void) | undefined }) {
  const styles = useRecordFormStyles();
  const intl = useIntl();
  const shown = p.role === OWNER_ROLE ? intl.formatMessage({ id: 'projects.role.owner' }) : roleText(intl, p.role);
  const [role, setRole] = useState(shown);
  const commit = (text: string) => onRole(text === intl.formatMessage({ id: 'projects.role.owner' }) ? OWNER_ROLE : roleToKeep(intl, text));
  return (
    <li className={styles.item} data-testid="project-participant">
      <span className={styles.itemName}>{onOpen ? <EntityLink entity={p.entity} onOpen={onOpen} /> : p.entity.name}</span>
      <RoleField
        runtime={runtime}
        me={me}
        size="small"
        className={styles.grow}
        value={role}
        onChange={(text) => {
          setRole(text);
          onEdit();
        }}
        onCommit={commit}
        inPlace
        aria-label={intl.formatMessage({ id: 'projects.roleOf' }, { name: p.entity.name })}
        testId="project-participant-role"
      />
      <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} disabled={busy} onClick={onRemove} aria-label={intl.formatMessage({ id: 'projects.remove' }, { name: p.entity.name })} data-testid="project-participant-remove" />
    </li>
  );
}

/** A project's status, kind, dates and who takes part, edited in its view. */
export function ProjectEditor({ runtime, me, entity, onChanged, onOpen }: { runtime: FilingRuntime; me: { name: string }; entity: EntitySummary; onChanged?: (() => void) | undefined; onOpen?: ((entity: EntitySummary) => void) | undefined }) {
  const styles = useRecordFormStyles();
  const intl = useIntl();
  const e = useProjectEditor(runtime, me, entity, onChanged);
  const [role, setRole] = useState<string | null>(null);
  if (e.state.status !== 'ready' || !e.fields) return null;
  const { owner } = e.state.value;
  // "Show only" a role among them: their role in the project and their stakeholder roles as the index knows them.
  const all = e.state.value.participants.map((p) => ({ p, roles: rolesToNarrow(p.role, runtime.index.entity(p.entity.ref)?.roles) }));
  const roles = [...new Set(all.flatMap((x) => x.roles))].sort((a, b) => a.localeCompare(b, 'fi'));
  const participants = withRole(all, role && roles.includes(role) ? role : null).map((x) => x.p);
  return (
    <div className={styles.form} role="group" aria-label={intl.formatMessage({ id: 'projects.edit' })} data-testid="project-editor">
      <ProjectFields value={e.fields} onChange={e.set} onDateProblem={e.reportDate} testId="project-edit" />
      <OwnerField runtime={runtime} ownerName={owner?.name ?? null} disabled={e.busy} onChoose={e.changeOwner} testId="project-edit-owner" />
      {e.changed && (
        // Not while a date field holds text that is no day: its field says so.
        <Button appearance="primary" className={styles.start} disabled={e.busy || e.datesRefused} onClick={() => void e.save()} data-testid="project-edit-save">
          {intl.formatMessage({ id: 'projects.save' })}
        </Button>
      )}
      <Caption1 as="h4">{intl.formatMessage({ id: 'projects.participants' })}</Caption1>
      <RoleFilter roles={roles} value={role && roles.includes(role) ? role : null} onChange={setRole} />
      {all.length === 0 ? (
        <Caption1 className={styles.muted}>{intl.formatMessage({ id: 'projects.noParticipants' })}</Caption1>
      ) : (
        <ul className={styles.list} data-testid="project-participants">
          {participants.map((p) => (
            <ParticipantRow key={`${entityKey(p.entity.ref)}:${p.role}`} runtime={runtime} me={me} p={p} busy={e.busy} onRole={(role) => void e.changeRole(p, role)} onRemove={() => void e.remove(p)} onEdit={e.edited} onOpen={onOpen} />
          ))}
        </ul>
      )}
      <ParticipantPicker runtime={runtime} me={me} onAdd={e.involve} onEdit={e.edited} />
      {e.outcome?.kind === 'saved' && <Caption1 role="status">{intl.formatMessage({ id: 'projects.saved' })}</Caption1>}
      {e.outcome?.kind === 'failed' && (
        <MessageBar intent="error" data-testid="project-edit-error">
          <MessageBarBody>{saveErrorText(intl, e.outcome.error)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

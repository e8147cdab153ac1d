import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { EntitySummary } from '../../domain/entities';
import { excerpt } from '../../i18n/errors';
import type { MessageKey } from '../../i18n/messages';
import { draftOf } from '../../services/record/recordKeeping';
import { ErrorNotice } from '../shared/ErrorNotice';
import { SameNameWarning } from './SameNameWarning';
import type { PersonEditorControls } from './usePersonEditor';

/** What became of the last save, in words, with the choice a conflict or a name someone else has asks for. Pure. */
export function EditorNotice({ e, onOpen, onMerge }: { e: PersonEditorControls; onOpen?: ((entity: EntitySummary) => void) | undefined; onMerge?: ((entity: EntitySummary) => void) | undefined }) {
  const intl = useIntl();
  const s = e.status;
  const field = (f: string) => intl.formatMessage({ id: `people.field.${f}` as MessageKey });
  switch (s.kind) {
    case 'saved':
      return (
        <MessageBar intent="success" data-testid="person-saved">
          <MessageBarBody>{intl.formatMessage({ id: 'people.saved' })}</MessageBarBody>
        </MessageBar>
      );
    case 'error':
      return <ErrorNotice error={s.error} />;
    case 'conflict': {
      const theirs = draftOf(s.latest);
      return (
        <MessageBar intent="warning" layout="multiline" data-testid="person-conflict">
          <MessageBarBody>
            {intl.formatMessage({ id: 'people.conflict' }, { fields: s.fields.map(field).join(', ') })}
            {s.fields.map((f) => (
              <div key={f}>{`${field(f)}: ${intl.formatMessage({ id: 'people.conflictTheirs' }, { value: String([theirs[f]].flat().join(', ')) })}`}</div>
            ))}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={e.keepMine} data-testid="person-keep-mine">
              {intl.formatMessage({ id: 'people.keepMine' })}
            </Button>
            <Button size="small" onClick={e.takeTheirs} data-testid="person-take-theirs">
              {intl.formatMessage({ id: 'people.takeTheirs' })}
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    }
    case 'duplicate':
      return (
        <MessageBar intent="error" data-testid="person-duplicate">
          <MessageBarBody>
            {s.owner
              ? intl.formatMessage({ id: 'people.duplicate' }, { address: s.address, owner: s.owner.name })
              : intl.formatMessage({ id: 'people.duplicateUnknown' }, { address: s.address })}
          </MessageBarBody>
        </MessageBar>
      );
    case 'sameName':
      return <SameNameWarning name={s.name} others={s.others} action="save" onAnyway={e.saveAnyway} onOpen={onOpen} onMerge={onMerge} />;
    case 'invalid':
      return (
        <MessageBar intent="error" data-testid="person-invalid">
          <MessageBarBody>
            {s.problems.map((p, i) => (
              <div key={i}>{intl.formatMessage({ id: 'people.invalid' }, { field: p.field in { name: 1, emails: 1, roles: 1 } ? field(p.field) : p.field, value: excerpt(p.value) })}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      );
    default:
      return null;
  }
}

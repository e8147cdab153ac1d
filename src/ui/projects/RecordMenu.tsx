import { Button, Toolbar } from '@fluentui/react-components';
import { Add16Regular } from '@fluentui/react-icons';
import { useIntl } from 'react-intl';
import { entityKey } from '../../domain/entities';
import type { OfficeHost } from '../../office/host';
import type { FilingRuntime } from '../../services/filingRuntime';
import { EntityView } from '../filing/EntityView';
import type { AsyncState } from '../shared/useAsync';
import { ProjectForm } from './ProjectForm';
import { useRecordFormStyles } from './useRecordFormStyles';
import { useRecordMenu } from './useRecordMenu';

/**
 * With no item open: what can be added to the record from the pane ("New project"; room for more),
 * and what was made, opened in its view.
 */
export function RecordMenu({ host, state }: { host: OfficeHost; state: AsyncState<FilingRuntime> }) {
  const styles = useRecordFormStyles();
  const intl = useIntl();
  const menu = useRecordMenu();
  if (state.status !== 'ready') return null;
  const runtime = state.value;
  const { view } = menu;
  return (
    <section className={styles.form} aria-label={intl.formatMessage({ id: 'record.menu' })} data-testid="record-menu">
      {view.kind === 'menu' && (
        <Toolbar aria-label={intl.formatMessage({ id: 'record.menu' })} size="small">
          <Button icon={<Add16Regular />} onClick={menu.newProject} data-testid="record-new-project">
            {intl.formatMessage({ id: 'record.newProject' })}
          </Button>
        </Toolbar>
      )}
      {view.kind === 'newProject' && <ProjectForm runtime={runtime} me={{ name: host.user().displayName }} onCancel={menu.close} onCreated={menu.open} />}
      {view.kind === 'opened' && (
        <EntityView key={entityKey(view.stack[view.stack.length - 1]!.ref)} runtime={runtime} host={host} entity={view.stack[view.stack.length - 1]!} onBack={menu.back} onOpen={menu.open} />
      )}
    </section>
  );
}

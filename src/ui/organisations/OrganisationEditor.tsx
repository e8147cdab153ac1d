import { Button, Caption1, Field, Input, mergeClasses, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { Dismiss16Regular, Edit16Regular } from '@fluentui/react-icons';
import { useIntl } from 'react-intl';
import type { EntitySummary } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';
import { saveErrorText } from '../projects/recordWords';
import { useRecordFormStyles } from '../projects/useRecordFormStyles';
import { nameLooksMadeFromDomain, useOrganisationEditor } from './useOrganisationEditor';

/** Rename an organisation, add and remove its mail domains: in its own view. */
export function OrganisationEditor({ runtime, me, entity, onChanged }: { runtime: FilingRuntime; me: { name: string }; entity: EntitySummary; onChanged?: (() => void) | undefined }) {
  const styles = useRecordFormStyles();
  const intl = useIntl();
  const e = useOrganisationEditor(runtime, me, entity, onChanged);
  if (!e.org) return null;
  const { org, outcome } = e;
  return (
    <div className={styles.form} data-testid="organisation-editor">
      {e.renaming ? (
        <form
          className={styles.row}
          onSubmit={(ev) => {
            ev.preventDefault();
            void e.rename();
          }}
        >
          <Field className={styles.grow} label={intl.formatMessage({ id: 'organisations.renameLabel' })}>
            <Input value={e.name} onChange={(_, d) => e.setName(d.value)} autoFocus data-testid="organisation-name" />
          </Field>
          <Button type="submit" appearance="primary" disabled={e.busy || !e.name.trim()} data-testid="organisation-rename-save">
            {intl.formatMessage({ id: 'projects.save' })}
          </Button>
          <Button onClick={e.cancelRename} disabled={e.busy}>
            {intl.formatMessage({ id: 'projects.cancel' })}
          </Button>
        </form>
      ) : (
        <>
          {outcome?.kind === 'renamed' && (
            <Caption1 role="status" data-testid="organisation-renamed">
              {intl.formatMessage({ id: 'organisations.renamed' }, { name: outcome.name })}
            </Caption1>
          )}
          {nameLooksMadeFromDomain(org) && <Caption1 className={styles.muted}>{intl.formatMessage({ id: 'organisations.fromDomain' })}</Caption1>}
          <Button size="small" icon={<Edit16Regular />} className={styles.start} onClick={e.startRename} data-testid="organisation-rename">
            {intl.formatMessage({ id: 'organisations.rename' })}
          </Button>
        </>
      )}
      <Caption1 as="h4">{intl.formatMessage({ id: 'organisations.domains' })}</Caption1>
      {org.domains.length === 0 ? (
        <Caption1 className={styles.muted}>{intl.formatMessage({ id: 'organisations.noDomains' })}</Caption1>
      ) : (
        <ul className={styles.list} data-testid="organisation-domains">
          {org.domains.map((d) => (
            <li key={d} className={styles.item}>
              <span className={mergeClasses(styles.itemName, styles.address)}>{d}</span>
              <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} disabled={e.busy} aria-label={intl.formatMessage({ id: 'organisations.removeDomain' }, { domain: d })} onClick={() => void e.removeDomain(d)} />
            </li>
          ))}
        </ul>
      )}
      <form
        className={styles.row}
        onSubmit={(ev) => {
          ev.preventDefault();
          void e.addDomain();
        }}
      >
        <Field className={styles.grow} label={intl.formatMessage({ id: 'organisations.addDomain' })}>
          <Input value={e.domain} onChange={(_, d) => e.setDomain(d.value)} placeholder={intl.formatMessage({ id: 'organisations.domainPlaceholder' })} data-testid="organisation-domain" />
        </Field>
        <Button type="submit" disabled={e.busy || !e.domain.trim()} data-testid="organisation-domain-add">
          {intl.formatMessage({ id: 'projects.add' })}
        </Button>
      </form>
      {outcome?.kind === 'domainsSaved' && <Caption1 role="status">{intl.formatMessage({ id: 'organisations.domainsSaved' })}</Caption1>}
      {outcome?.kind === 'failed' && (
        <MessageBar intent="error" data-testid="organisation-error">
          <MessageBarBody>{saveErrorText(intl, outcome.error)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

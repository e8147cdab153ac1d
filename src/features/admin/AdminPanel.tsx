import { Body1, Button, Field, Input, makeStyles, MessageBar, MessageBarBody, ProgressBar, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { isForbiddenError } from '../../graph/errors';
import type { MessageKey } from '../../i18n/messages';
import { planIsEmpty, type ListPlan } from '../../store/provision';
import { NotASiteUrlError, SiteNotFoundError } from '../../store/site';
import { ErrorNotice } from '../errors/ErrorNotice';
import type { ProvisioningService } from './provisioningService';
import { useProvisioning, type ProvisioningState } from './useProvisioning';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  plan: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Setting up the shared record on a SharePoint site: check what is there, then create what is missing. */
export function AdminPanel({ service, defaultSiteUrl }: { service: ProvisioningService; defaultSiteUrl: string }) {
  const styles = useStyles();
  const intl = useIntl();
  const [siteUrl, setSiteUrl] = useState(defaultSiteUrl);
  const { state, check, apply } = useProvisioning(service);
  const shown = state.step === 'failed' ? state.previous : state;
  const working = state.step === 'checking' || state.step === 'applying';

  return (
    <section className={styles.panel} aria-labelledby="admin-title">
      <Subtitle2 as="h2" id="admin-title">
        {intl.formatMessage({ id: 'admin.title' })}
      </Subtitle2>
      <Body1>{intl.formatMessage({ id: 'admin.intro' })}</Body1>
      <form
        className={styles.panel}
        onSubmit={(event) => {
          event.preventDefault();
          void check(siteUrl);
        }}
      >
        <Field label={intl.formatMessage({ id: 'admin.siteUrl' })}>
          <Input type="url" value={siteUrl} onChange={(_, data) => setSiteUrl(data.value)} disabled={working} data-testid="admin-site-url" />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" disabled={working || !siteUrl.trim()} data-testid="admin-check">
            {intl.formatMessage({ id: 'admin.check' })}
          </Button>
          {(shown.step === 'planned' || shown.step === 'applying') && !planIsEmpty(shown.plan) && (
            <Button appearance="primary" disabled={working} onClick={() => void apply()} data-testid="admin-apply">
              {intl.formatMessage({ id: 'admin.apply' })}
            </Button>
          )}
        </div>
      </form>

      {state.step === 'checking' && <Spinner size="tiny" label={intl.formatMessage({ id: 'admin.checking' })} />}
      {state.step === 'applying' && (
        <Field validationMessage={intl.formatMessage({ id: 'admin.applying' }, { done: state.progress?.done ?? 0, total: state.plan.lists.length })} validationState="none">
          <ProgressBar value={(state.progress?.done ?? 0) / state.plan.lists.length} />
        </Field>
      )}
      {state.step === 'failed' && <ProvisioningError error={state.error} />}
      {(shown.step === 'planned' || shown.step === 'applying') && <PlanList lists={shown.plan.lists} empty={planIsEmpty(shown.plan)} />}
      {state.step === 'done' && (
        <MessageBar intent="success" data-testid="admin-done">
          <MessageBarBody>{intl.formatMessage({ id: 'admin.done' }, { site: state.site.webUrl })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function PlanList({ lists, empty }: { lists: ListPlan[]; empty: boolean }) {
  const styles = useStyles();
  const intl = useIntl();
  if (empty && !lists.some((list) => list.conflicts.length)) return <Body1 data-testid="admin-nothing-to-do">{intl.formatMessage({ id: 'admin.nothingToDo' })}</Body1>;
  const lines = lists.flatMap((list) => {
    const say = (id: MessageKey, values: Record<string, string> = {}) => intl.formatMessage({ id }, { list: list.displayName, ...values });
    if (list.create) return [say('admin.list.create')];
    const out = [
      ...(list.addColumns.length ? [say('admin.list.addColumns', { columns: list.addColumns.join(', ') })] : []),
      ...(list.indexColumns.length ? [say('admin.list.index', { columns: list.indexColumns.map((c) => c.name).join(', ') })] : []),
      ...list.conflicts.map((c) => say('admin.list.conflict', { column: c.name, found: c.found, expected: c.expected })),
    ];
    return out.length ? out : [say('admin.list.ok')];
  });
  return (
    <ul className={styles.plan} data-testid="admin-plan">
      {lines.map((line) => (
        <li key={line}>
          <Body1>{line}</Body1>
        </li>
      ))}
    </ul>
  );
}

function ProvisioningError({ error }: { error: unknown }) {
  const intl = useIntl();
  const key: MessageKey | undefined =
    error instanceof NotASiteUrlError ? 'admin.error.notASite' : error instanceof SiteNotFoundError ? 'admin.error.notFound' : isForbiddenError(error) ? 'admin.error.forbidden' : undefined;
  if (!key) return <ErrorNotice error={error} />;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{intl.formatMessage({ id: key })}</MessageBarBody>
    </MessageBar>
  );
}

export type { ProvisioningState };

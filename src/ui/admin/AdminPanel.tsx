import { Body1, Button, Field, Input, MessageBar, MessageBarBody, ProgressBar, Spinner, Subtitle2 } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { PlanList } from './PlanList';
import { TenantSettingsSummary } from './TenantSettingsSummary';
import { provisioningErrorWords } from './provisioningErrors';
import { planConflicts, planIsEmpty, type ProvisioningService, type Site, type StoreLocation } from '../../services/provisioning/provisioningService';
import { useAdminPanelStyles } from './useAdminPanelStyles';
import { useProvisioning, type ProvisioningState } from './useProvisioning';

export interface AdminPanelProps {
  service: ProvisioningService;
  /** The site address the field starts with (the runtime's configured site). */
  defaultSiteUrl: string;
  /** Called once the record is ready, with where it lives. */
  onReady?: (location: StoreLocation, site: Site) => void;
}

/** Setting up the shared record on a SharePoint site: check what is there, then create what is missing. */
export function AdminPanel({ service, defaultSiteUrl, onReady }: AdminPanelProps) {
  const styles = useAdminPanelStyles();
  const intl = useIntl();
  const titleId = useId();
  const [siteUrl, setSiteUrl] = useState(defaultSiteUrl);
  const { state, check, apply, forget } = useProvisioning(service, onReady);
  const shown = state.step === 'failed' ? state.previous : state;
  const working = state.step === 'checking' || state.step === 'applying';
  const planShown = shown.step === 'planned' || shown.step === 'applying' ? shown : undefined;

  return (
    <section className={styles.panel} aria-labelledby={titleId}>
      <Subtitle2 as="h2" id={titleId}>
        {intl.formatMessage({ id: 'admin.title' })}
      </Subtitle2>
      <Body1>{intl.formatMessage({ id: 'admin.intro' })}</Body1>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void check(siteUrl);
        }}
      >
        <Field label={intl.formatMessage({ id: 'admin.siteUrl' })} hint={intl.formatMessage({ id: 'admin.siteUrlHint' })}>
          {/* Text, not type=url: the browser's own check would refuse an address typed without https://. */}
          <Input
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            value={siteUrl}
            readOnly={working}
            onChange={(_, data) => {
              setSiteUrl(data.value);
              forget();
            }}
            data-testid="admin-site-url"
          />
        </Field>
        <div className={styles.actions}>
          {/* disabledFocusable: a keyboard user's focus stays on the button while it waits. */}
          <Button type="submit" disabledFocusable={working || !siteUrl.trim()} data-testid="admin-check">
            {intl.formatMessage({ id: 'admin.check' })}
          </Button>
          {planShown && (
            <Button appearance="primary" disabledFocusable={working || planIsEmpty(planShown.plan)} onClick={() => void apply()} data-testid="admin-apply">
              {intl.formatMessage({ id: 'admin.apply' })}
            </Button>
          )}
        </div>
      </form>

      <div aria-live="polite" className={styles.panel}>
        {state.step === 'checking' && <Spinner size="tiny" label={intl.formatMessage({ id: 'admin.checking' })} />}
        {state.step === 'applying' && <Progress state={state} />}
        {state.step === 'done' && <Ready site={state.site} location={state.location} conflicts={planConflicts(state.plan).length} />}
      </div>
      {state.step === 'failed' && <ProvisioningError error={state.error} />}
      {planShown && (
        <>
          <Body1 className={styles.wrap}>{intl.formatMessage({ id: 'admin.planFor' }, { site: planShown.site.webUrl })}</Body1>
          <PlanList plan={planShown.plan} />
          <TenantSettingsSummary read={planShown.settings} />
        </>
      )}
    </section>
  );
}

function Progress({ state }: { state: Extract<ProvisioningState, { step: 'applying' }> }) {
  const intl = useIntl();
  const done = state.progress?.done ?? 0;
  const total = state.progress?.total ?? state.plan.lists.length;
  return (
    <Field validationMessage={intl.formatMessage({ id: 'admin.applying' }, { done, total })} validationState="none">
      <ProgressBar value={done} max={total} />
    </Field>
  );
}

function Ready({ site, location, conflicts }: { site: Site; location: StoreLocation; conflicts: number }) {
  const styles = useAdminPanelStyles();
  const intl = useIntl();
  return (
    <>
      <MessageBar intent="success" data-testid="admin-done">
        <MessageBarBody className={styles.wrap}>{intl.formatMessage({ id: 'admin.done' }, { site: site.webUrl })}</MessageBarBody>
      </MessageBar>
      {conflicts > 0 && (
        <MessageBar intent="warning" data-testid="admin-conflicts">
          <MessageBarBody>{intl.formatMessage({ id: 'admin.doneWithConflicts' }, { count: conflicts })}</MessageBarBody>
        </MessageBar>
      )}
      <details>
        <summary className={styles.summary}>
          <Body1>{intl.formatMessage({ id: 'admin.location' })}</Body1>
        </summary>
        <pre className={styles.location} data-testid="admin-location">
          {JSON.stringify(location, null, 2)}
        </pre>
      </details>
    </>
  );
}

function ProvisioningError({ error }: { error: unknown }) {
  const styles = useAdminPanelStyles();
  const intl = useIntl();
  const { key, values } = provisioningErrorWords(error);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody className={styles.wrap}>{intl.formatMessage({ id: key }, values)}</MessageBarBody>
    </MessageBar>
  );
}

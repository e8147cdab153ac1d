import { Button, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { OfficeHost } from '../../office/host';
import type { FilingRuntime } from '../../services/filingRuntime';
import type { TriageRuntime } from '../../services/triageRuntime';
import type { CurrentItemState } from '../currentItem/useCurrentItem';
import { ErrorNotice } from '../shared/ErrorNotice';
import type { AsyncState } from '../shared/useAsync';
import { DepartedNotice } from './DepartedNotice';
import { ItemFiling } from './ItemFiling';
import { Loading } from './Loading';
import { useFilingPanel } from './useFilingPanel';
import { useFilingPanelStyles } from './useFilingPanelStyles';

export interface FilingPanelProps {
  host: OfficeHost;
  /** The open item, as the shell read it once for the whole pane. */
  item: CurrentItemState;
  /** The shared record, located (or not) for the pane. */
  state: AsyncState<FilingRuntime>;
  triage?: TriageRuntime;
  onRetry?: () => void;
}

/** Filing the open message or meeting to people, organisations and projects: suggested in one click, or searched. */
export function FilingPanel({ host, item, state, triage, onRetry }: FilingPanelProps) {
  const styles = useFilingPanelStyles();
  const intl = useIntl();
  const { shown, departed, setDeparted, onFinished, setUpKey } = useFilingPanel(item, state, onRetry);
  const body = (() => {
    if (state.status === 'error') {
      return setUpKey ? (
        <MessageBar intent="info" data-testid="filing-not-set-up">
          <MessageBarBody>{intl.formatMessage({ id: setUpKey })}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <ErrorNotice error={state.error} />
          {onRetry && (
            <Button size="small" className={styles.retry} onClick={onRetry} data-testid="filing-retry">
              {intl.formatMessage({ id: 'filing.retry' })}
            </Button>
          )}
        </>
      );
    }
    if (!shown) return null;
    if (state.status === 'loading') return <Loading />;
    return <ItemFiling key={shown.id} runtime={state.value} host={host} item={shown} triage={triage} onDeparted={setDeparted} />;
  })();
  const notice = departed && triage ? <DepartedNotice key={departed.record.id} departed={departed} triage={triage} runtime={state.status === 'ready' ? state.value : null} onGone={() => setDeparted(null)} onFinished={onFinished} /> : null;
  if (!body && !notice) return null;
  return (
    <section className={styles.panel} aria-labelledby="filing-title" data-testid="filing-panel">
      <Subtitle2 as="h2" id="filing-title">
        {intl.formatMessage({ id: shown?.kind === 'appointment' ? 'filing.titleMeeting' : 'filing.title' })}
      </Subtitle2>
      {notice}
      {body}
    </section>
  );
}

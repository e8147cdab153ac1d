import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useIntl } from 'react-intl';
import { triageLabel, triageWorkingText } from '../../i18n/triage';
import type { OfficeHost } from '../../office/host';
import type { TriageRuntime } from '../../services/triageRuntime';
import type { TriageAction } from '../../services/triage/types';
import type { TriageRunOutcome } from '../../services/triage/runner';
import type { CurrentItemState } from '../currentItem/useCurrentItem';
import { ErrorNotice } from '../shared/ErrorNotice';
import { BookTime } from './BookTime';
import { outboxEntryText } from './outboxEntryText';
import { outcomeIsWarning, outcomeText } from './outcomeText';
import { resumedText } from './resumedText';
import { MAX_SELECTION, useTriage, type TriageOutcome } from './useTriage';

// Opened now and then, so loaded when the settings are first expanded.
const TriageSettingsForm = lazy(() => import(/* webpackChunkName: "triage-settings" */ './TriageSettingsForm').then((m) => ({ default: m.TriageSettingsForm })));

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
});

const ACTIONS: TriageAction[] = ['asap', 'readLater', 'archive'];

/** ASAP / Read later / Archive on the selected messages, with counts, undo and what is still to do. */
export function TriagePanel({ host, runtime, item }: { host: OfficeHost; runtime: TriageRuntime; item: CurrentItemState }) {
  const styles = useStyles();
  const intl = useIntl();
  const t = useTriage(host, runtime, item);
  const count = t.selection.length;
  const tooMany = count > MAX_SELECTION;

  return (
    <section className={styles.panel} aria-labelledby="triage-title" data-testid="triage-panel">
      <Subtitle2 as="h2" id="triage-title">
        {intl.formatMessage({ id: 'triage.title' })}
      </Subtitle2>
      {t.counts && (
        <Caption1 data-testid="triage-counts">
          {intl.formatMessage({ id: 'triage.counts' }, { asap: t.counts.asap, overdue: t.counts.overdue, readLater: t.counts.readLater, unread: t.counts.readLaterUnread, asapFolder: t.counts.asapFolder, readLaterFolder: t.counts.readLaterFolder })}
        </Caption1>
      )}
      <Body1 data-testid="triage-selection">
        {count === 0 ? intl.formatMessage({ id: 'triage.none' }) : tooMany ? intl.formatMessage({ id: 'triage.tooMany' }, { max: MAX_SELECTION }) : intl.formatMessage({ id: 'triage.selection' }, { count })}
      </Body1>
      <div className={styles.actions} role="group" aria-labelledby="triage-title">
        {ACTIONS.map((action) => (
          <Button key={action} disabled={count === 0 || tooMany || t.busy !== null} onClick={() => void t.triage(action)} data-testid={`triage-${action}`}>
            {triageLabel(intl, action)}
          </Button>
        ))}
      </div>
      {t.busy && t.busy !== 'undo' && t.busy !== 'retry' && (
        <Spinner size="tiny" label={triageWorkingText(intl, t.busy, count)} />
      )}
      {t.outcome && <Outcome outcome={t.outcome} />}
      {t.resumed.length > 0 && <Resumed outcomes={t.resumed} />}

      {count === 1 && (
        <>
          <Caption1 as="h3">{intl.formatMessage({ id: 'bookTime.book' })}</Caption1>
          <BookTime booking={runtime.booking} message={{ mailbox: t.mailbox, id: t.selection[0]!.id }} />
        </>
      )}

      {t.history.length > 0 && (
        <>
          <Caption1 as="h3">{intl.formatMessage({ id: 'triage.recent' })}</Caption1>
          <ul className={styles.list} data-testid="triage-history">
            {t.history.slice(0, 5).map((record) => (
              <li key={record.id} className={styles.row}>
                <Body1>{`${triageLabel(intl, record.action)}: ${record.messages.map((m) => m.before.subject).join(', ')}`}</Body1>
                <Button size="small" disabled={t.busy !== null} onClick={() => void t.undo(record)} data-testid="triage-undo">
                  {intl.formatMessage({ id: 'triage.undo' })}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}

      {t.outbox.length > 0 && (
        <>
          <Caption1 as="h3">{intl.formatMessage({ id: 'triage.outbox' })}</Caption1>
          <ul className={styles.list} data-testid="triage-outbox">
            {t.outbox.map((entry) => (
              <li key={entry.id} className={styles.row}>
                <Body1>
                  {outboxEntryText(intl, entry)}
                </Body1>
                <span>
                  <Button size="small" disabled={t.busy !== null} onClick={() => void t.retry(entry.id)}>
                    {intl.formatMessage({ id: 'triage.retry' })}
                  </Button>
                  <Button size="small" appearance="subtle" onClick={() => t.discard(entry.id)}>
                    {intl.formatMessage({ id: 'triage.discard' })}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <Accordion collapsible>
        <AccordionItem value="settings">
          <AccordionHeader size="small" data-testid="triage-settings-toggle">
            {intl.formatMessage({ id: 'triageSettings.title' })}
          </AccordionHeader>
          <AccordionPanel>
            <Suspense fallback={<Spinner size="tiny" />}>
              <TriageSettingsForm service={runtime.service} onSaved={t.refreshCounts} />
            </Suspense>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}

function Resumed({ outcomes }: { outcomes: readonly TriageRunOutcome[] }) {
  const intl = useIntl();
  const warning = outcomes.some((o) => o.kind !== 'done');
  return (
    <MessageBar intent={warning ? 'warning' : 'info'} data-testid="triage-resumed">
      <MessageBarBody>{resumedText(intl, outcomes)}</MessageBarBody>
    </MessageBar>
  );
}

function Outcome({ outcome }: { outcome: TriageOutcome }) {
  const intl = useIntl();
  if (outcome.kind === 'error') return <ErrorNotice error={outcome.error} />;
  const text = outcomeText(intl, outcome);
  return (
    <MessageBar intent={outcomeIsWarning(outcome) ? 'warning' : 'success'} data-testid="triage-outcome">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

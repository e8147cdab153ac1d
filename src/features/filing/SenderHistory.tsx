import { Body1, Button, Caption1, Link, makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { EntitySummary } from '../../domain/entities';
import type { FilingView } from '../../filing/filingService';
import { firstTimelinePage, nextTimelinePage, type TimelineEntry } from '../../history/personHistory';
import type { FilingRuntime } from '../../runtime/filingRuntime';
import { ErrorNotice } from '../errors/ErrorNotice';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  entry: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type State = { status: 'loading' } | { status: 'ready'; entries: TimelineEntry[]; next: Record<string, string>; more: boolean } | { status: 'error'; error: unknown };

/**
 * Who sent the open message and everything around them: colleagues' filings about them and their
 * organisation, and the user's own mail with them. Loads on its own, so it never holds up filing.
 */
export function SenderHistory({ runtime, sender }: { runtime: FilingRuntime; sender: NonNullable<FilingView['sender']> }) {
  const styles = useStyles();
  const intl = useIntl();
  const [state, setState] = useState<State>({ status: 'loading' });
  const subjects: EntitySummary[] = [sender.person, sender.organisation].filter((e): e is EntitySummary => !!e);
  const subjectKey = subjects.map((s) => `${s.ref.kind}:${s.ref.id}`).join(',');

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    firstTimelinePage(runtime.filing.store, runtime.graph, subjects, sender.address).then(
      (page) => live && setState({ status: 'ready', entries: page.entries, next: page.next, more: false }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
    // subjects is derived from subjectKey
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runtime, sender.address, subjectKey]);

  const showMore = useCallback(async () => {
    if (state.status !== 'ready' || state.more) return;
    setState({ ...state, more: true });
    try {
      const page = await nextTimelinePage(runtime.filing.store, subjects, state.next);
      setState({ status: 'ready', entries: [...state.entries, ...page.entries], next: page.next, more: false });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, [runtime, state, subjects]);

  const title = sender.person?.name ?? (sender.name || sender.address);
  return (
    <section className={styles.card} aria-labelledby="history-title" data-testid="sender-history">
      <Caption1 as="h3" id="history-title">
        {intl.formatMessage({ id: 'history.title' }, { name: title })}
      </Caption1>
      <Body1>
        {[sender.address, sender.organisation?.name].filter(Boolean).join(' · ')}
      </Body1>
      {state.status === 'loading' && (
        <Skeleton aria-label={intl.formatMessage({ id: 'history.loading' })} data-testid="history-loading">
          <SkeletonItem size={12} />
          <SkeletonItem size={12} />
          <SkeletonItem size={12} />
        </Skeleton>
      )}
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'ready' && state.entries.length === 0 && <Caption1 className={styles.muted}>{intl.formatMessage({ id: 'history.empty' })}</Caption1>}
      {state.status === 'ready' && state.entries.length > 0 && (
        <ul className={styles.list} data-testid="history-entries">
          {state.entries.map((entry) => (
            <li key={entry.key} className={styles.entry} data-testid={`history-${entry.kind}`}>
              <Caption1 className={styles.muted}>{entry.date ? intl.formatDate(new Date(entry.date), { day: 'numeric', month: 'numeric', year: 'numeric' }) : ''}</Caption1>
              {entry.webLink ? (
                <Link href={entry.webLink} target="_blank" rel="noopener noreferrer">
                  {entry.subject || intl.formatMessage({ id: 'item.noSubject' })}
                </Link>
              ) : (
                <Body1>{entry.subject || intl.formatMessage({ id: 'item.noSubject' })}</Body1>
              )}
              <Caption1 className={styles.muted}>
                {entry.kind === 'filing'
                  ? intl.formatMessage({ id: 'history.filed' }, { entity: intl.formatList(entry.entityNames, { type: 'conjunction' }), name: entry.filedBy }) + (entry.note ? ` · ${entry.note}` : '')
                  : intl.formatMessage({ id: 'history.mail' })}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {state.status === 'ready' && Object.keys(state.next).length > 0 && (
        <Button size="small" appearance="subtle" disabled={state.more} onClick={() => void showMore()} data-testid="history-more">
          {intl.formatMessage({ id: 'history.more' })}
        </Button>
      )}
    </section>
  );
}

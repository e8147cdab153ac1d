import { Body1, Button, Caption1, Link, makeStyles, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { entityKey, type EntitySummary } from '../../domain/entities';
import { findInOwnMailbox, firstTimelinePage, nextTimelinePage, type TimelineEntry } from '../../services/timeline/timeline';
import { civilDay, DAY } from '../../i18n/dates';
import type { MessageKey } from '../../i18n/messages';
import type { OfficeHost } from '../../office/host';
import type { FilingRuntime } from '../../services/filingRuntime';
import { ErrorNotice } from '../shared/ErrorNotice';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  entry: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  open: { textAlign: 'start' },
});

type State = { status: 'loading' } | { status: 'ready'; entries: TimelineEntry[]; next: Record<string, string>; more: boolean } | { status: 'error'; error: unknown };

/**
 * A timeline of the record and, for a person, the user's own mail and meetings with them. Loads on
 * its own (skeleton meanwhile), so it never holds up filing; each entry opens in Outlook where it can.
 * The next page loads as "Show more" scrolls into view; the button stays for keyboards and hosts
 * without IntersectionObserver.
 */
export function Timeline({
  runtime,
  host,
  subjects,
  address,
  mailbox = null,
  revision = '',
  testId = 'history',
}: {
  runtime: FilingRuntime;
  host: OfficeHost;
  subjects: EntitySummary[];
  address: string | null;
  /** The shared mailbox the open item is in, whose mail with them is shown instead of the user's own. */
  mailbox?: string | null;
  /** Changes when the record changed under it (a filing made or undone): the first page is read again. */
  revision?: string;
  testId?: string;
}) {
  const styles = useStyles();
  const intl = useIntl();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [notice, setNotice] = useState<'notInMailbox' | null>(null);
  const source = { store: runtime.filing.store, graph: runtime.graph, self: runtime.self, mailbox };
  const subjectKey = subjects.map((s) => entityKey(s.ref)).join(',');
  const whose = `${address ?? ''}|${subjectKey}|${mailbox ?? ''}`;
  const loadedFor = useRef(whose);

  useEffect(() => {
    let live = true;
    // Someone else's history starts from a skeleton; the same one, re-read after a filing, stays in place until the new page comes.
    if (loadedFor.current !== whose) {
      loadedFor.current = whose;
      setState({ status: 'loading' });
    }
    firstTimelinePage(source, subjects, address).then(
      (page) => live && setState({ status: 'ready', entries: page.entries, next: page.next, more: false }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
    // subjects and source are derived from subjectKey and runtime
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runtime, address, subjectKey, mailbox, revision]);

  const showMore = useCallback(async () => {
    if (state.status !== 'ready' || state.more) return;
    setState({ ...state, more: true });
    try {
      const page = await nextTimelinePage(source, subjects, state.next);
      setState({ status: 'ready', entries: [...state.entries, ...page.entries], next: page.next, more: false });
    } catch (error) {
      setState({ status: 'error', error });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runtime, state, subjectKey]);

  const moreButton = useRef<HTMLButtonElement | null>(null);
  const latestShowMore = useRef(showMore);
  useEffect(() => {
    latestShowMore.current = showMore;
  });
  const hasMore = state.status === 'ready' && Object.keys(state.next).length > 0;
  const shown = state.status === 'ready' ? state.entries.length : 0;
  useEffect(() => {
    const target = moreButton.current;
    if (!hasMore || !target || typeof IntersectionObserver === 'undefined') return;
    // Observed afresh after each page, so a page too short to fill the pane leads on to the next.
    const observer = new IntersectionObserver((seen) => seen.some((e) => e.isIntersecting) && void latestShowMore.current(), { rootMargin: '0px 0px 160px 0px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, shown]);

  const open = async (entry: TimelineEntry) => {
    if (!entry.open) return;
    setNotice(null);
    const found = await findInOwnMailbox(runtime.graph, entry.open).catch(() => null);
    if (found) host.openItem(found);
    else setNotice('notInMailbox');
  };

  const caption = (entry: TimelineEntry): string => {
    switch (entry.kind) {
      case 'filing': {
        const what = entry.itemKind === 'series' ? 'history.kind.series' : entry.itemKind === 'event' ? 'history.kind.event' : entry.itemKind === 'note' ? 'history.kind.note' : null;
        const filed = intl.formatMessage({ id: 'history.filed' }, { entity: intl.formatList(entry.entityNames, { type: 'conjunction' }), name: entry.filedBy });
        return [what ? intl.formatMessage({ id: what as MessageKey }) : null, filed, entry.note || null].filter(Boolean).join(' · ');
      }
      case 'mail':
        return intl.formatMessage({ id: 'history.mail' });
      case 'meeting':
        return intl.formatMessage({ id: entry.upcoming ? 'history.meetingUpcoming' : 'history.meeting' });
    }
  };

  return (
    <>
      {notice && (
        <MessageBar intent="info" data-testid={`${testId}-notice`}>
          <MessageBarBody>{intl.formatMessage({ id: 'history.notInMailbox' })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'loading' && (
        <Skeleton aria-label={intl.formatMessage({ id: 'history.loading' })} data-testid={`${testId}-loading`}>
          <SkeletonItem size={12} />
          <SkeletonItem size={12} />
          <SkeletonItem size={12} />
        </Skeleton>
      )}
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'ready' && state.entries.length === 0 && <Caption1 className={styles.muted} data-testid={`${testId}-empty`}>{intl.formatMessage({ id: 'history.empty' })}</Caption1>}
      {state.status === 'ready' && state.entries.length > 0 && (
        <ul className={styles.list} data-testid={`${testId}-entries`}>
          {state.entries.map((entry) => {
            const subject = entry.subject || intl.formatMessage({ id: 'item.noSubject' });
            return (
              <li key={entry.key} className={styles.entry} data-testid={`history-${entry.kind}`}>
                <Caption1 className={styles.muted}>
                  {entry.date ? (entry.kind === 'meeting' && entry.allDay ? intl.formatDate(civilDay(entry.date), DAY) : intl.formatDate(new Date(entry.date), { ...DAY, ...(entry.kind === 'meeting' ? { hour: 'numeric', minute: '2-digit' } : {}) })) : ''}
                </Caption1>
                {entry.open ? (
                  <Link as="button" className={styles.open} onClick={() => void open(entry)} aria-label={intl.formatMessage({ id: 'history.open' }, { subject })}>
                    {subject}
                  </Link>
                ) : (
                  <Body1>{subject}</Body1>
                )}
                <Caption1 className={styles.muted}>{caption(entry)}</Caption1>
              </li>
            );
          })}
        </ul>
      )}
      {hasMore && (
        <Button ref={moreButton} size="small" appearance="subtle" disabled={state.more} onClick={() => void showMore()} data-testid={`${testId}-more`}>
          {state.more ? <Spinner size="extra-tiny" label={intl.formatMessage({ id: 'history.loadingMore' })} /> : intl.formatMessage({ id: 'history.more' })}
        </Button>
      )}
    </>
  );
}

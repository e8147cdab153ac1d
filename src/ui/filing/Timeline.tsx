import { Body1, Button, Caption1, Link, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Spinner } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { EntitySummary } from '../../domain/entities';
import type { TimelineEntry } from '../../services/timeline/timeline';
import { civilDay, DAY } from '../../i18n/dates';
import type { MessageKey } from '../../i18n/messages';
import type { OfficeHost } from '../../office/host';
import type { FilingRuntime } from '../../services/filingRuntime';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useTimeline } from './useTimeline';
import { useTimelineStyles } from './useTimelineStyles';

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
  const styles = useTimelineStyles();
  const intl = useIntl();
  const { state, hasMore, showMore, moreButton, open, notice } = useTimeline({ runtime, host, subjects, address, mailbox, revision });

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
      {state.status === 'ready' && state.value.entries.length === 0 && <Caption1 className={styles.muted} data-testid={`${testId}-empty`}>{intl.formatMessage({ id: 'history.empty' })}</Caption1>}
      {state.status === 'ready' && state.value.entries.length > 0 && (
        <ul className={styles.list} data-testid={`${testId}-entries`}>
          {state.value.entries.map((entry) => {
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
        <Button ref={moreButton} size="small" appearance="subtle" disabled={state.status === 'ready' && state.value.more} onClick={() => void showMore()} data-testid={`${testId}-more`}>
          {state.status === 'ready' && state.value.more ? <Spinner size="extra-tiny" label={intl.formatMessage({ id: 'history.loadingMore' })} /> : intl.formatMessage({ id: 'history.more' })}
        </Button>
      )}
    </>
  );
}

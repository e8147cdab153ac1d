import { Button, Caption1, Field, Link, makeStyles, MessageBar, MessageBarBody, Select, Spinner, tokens } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { BookingService } from '../../services/booking/bookingService';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useBookTime, type BookingTarget } from './useBookTime';

const LENGTHS = [30, 60, 90, 120] as const;

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  length: { minWidth: '7rem' },
});

/**
 * "Book time" for one mail: a block at the first free slot of the working week, with the mail's text
 * and a link back to it, in the mailbox the mail is in. The mail itself is left as it is (an ASAP mail
 * keeps its flag).
 */
export function BookTime({ booking, message }: { booking: BookingService; message: BookingTarget }) {
  const styles = useStyles();
  const intl = useIntl();
  const { lengthMinutes, setLength, state, book } = useBookTime(booking, message);

  const when = (startIso: string, endIso: string): string => {
    const start = new Date(startIso);
    const end = new Date(endIso);
    return `${intl.formatDate(start, { weekday: 'short', day: 'numeric', month: 'numeric' })} ${intl.formatTime(start, { hour: '2-digit', minute: '2-digit' })}–${intl.formatTime(end, { hour: '2-digit', minute: '2-digit' })}`;
  };

  return (
    <div data-testid="book-time">
      <div className={styles.row}>
        <Field label={intl.formatMessage({ id: 'bookTime.length' })} size="small">
          {/* A native select: the platform's own picker on touch, and no popup layer to load for four choices. */}
          <Select className={styles.length} size="small" value={String(lengthMinutes)} onChange={(_, data) => setLength(Number(data.value))} data-testid="book-time-length">
            {LENGTHS.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {intl.formatMessage({ id: 'bookTime.minutes' }, { minutes })}
              </option>
            ))}
          </Select>
        </Field>
        <Button size="small" disabled={state.kind === 'busy'} onClick={() => void book(new Date())} data-testid="book-time-button">
          {intl.formatMessage({ id: 'bookTime.book' })}
        </Button>
      </div>
      {state.kind === 'busy' && <Spinner size="tiny" label={intl.formatMessage({ id: 'bookTime.finding' })} />}
      {state.kind === 'error' && <ErrorNotice error={state.error} />}
      {state.kind === 'done' && state.result.status === 'booked' && (
        <MessageBar intent="success" data-testid="book-time-outcome">
          <MessageBarBody>
            {intl.formatMessage({ id: state.result.alreadyBooked ? 'bookTime.alreadyBooked' : 'bookTime.booked' }, { when: when(state.result.event.start, state.result.event.end) })}{' '}
            {state.result.event.webLink && (
              <Link href={state.result.event.webLink} target="_blank" rel="noreferrer">
                {intl.formatMessage({ id: 'bookTime.open' })}
              </Link>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'done' && state.result.status === 'noFreeSlot' && (
        <MessageBar intent="warning" data-testid="book-time-outcome">
          <MessageBarBody>
            {intl.formatMessage({ id: 'bookTime.noSlot' }, { minutes: state.lengthMinutes })}{' '}
            <Button size="small" appearance="transparent" onClick={() => void book(new Date((state.result as { weekEnd: string }).weekEnd))}>
              {intl.formatMessage({ id: 'bookTime.nextWeek' })}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1>{intl.formatMessage({ id: 'bookTime.hint' })}</Caption1>
    </div>
  );
}

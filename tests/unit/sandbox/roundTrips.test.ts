import type { LoggedRequest } from '../../../dev/sandbox';
import { mailboxOf, peakInFlightByMailbox, sequentialRoundTrips } from '../../integration/helpers/roundTrips';

/** A logged request open from `arrived` to `answered`; `inner` urls make it a $batch. */
const call = (arrived: number, answered: number, more: Partial<LoggedRequest> = {}): LoggedRequest => ({
  method: 'POST',
  url: '/v1.0/$batch',
  status: 200,
  arrived,
  answered,
  at: '',
  ...more,
});
const batch = (arrived: number, answered: number, mostInFlight: number, url = '/me/messages/a') =>
  call(arrived, answered, { inner: [{ id: '1', method: 'GET', url, status: 200 }], mostInFlight });

test('calls sent one after another are as many round trips; calls side by side share one', () => {
  expect(sequentialRoundTrips([call(1, 2), call(3, 4), call(5, 6)])).toBe(3);
  expect(sequentialRoundTrips([call(1, 5), call(2, 6), call(3, 7), call(4, 8)])).toBe(1);
  expect(sequentialRoundTrips([call(1, 3), call(2, 4), call(5, 6)])).toBe(2);
  expect(sequentialRoundTrips([])).toBe(0);
});

test('a parallel batch counts as the requests it ran at once, a serial one as 1, for as long as it is open', () => {
  expect(peakInFlightByMailbox([batch(1, 4, 4), batch(5, 6, 4)]).get('me')).toBe(4);
  expect(peakInFlightByMailbox([batch(1, 8, 1), batch(2, 7, 1), batch(3, 6, 1), batch(4, 5, 1)]).get('me')).toBe(4);
  expect(peakInFlightByMailbox([batch(1, 4, 4), batch(2, 3, 1)]).get('me')).toBe(5);
});

test('requests in flight are counted per mailbox', () => {
  const peaks = peakInFlightByMailbox([batch(1, 4, 4), batch(2, 3, 4, '/users/shared%40contoso.com/messages/b'), call(5, 6, { method: 'GET', url: '/v1.0/sites/root' })]);
  expect(Object.fromEntries(peaks)).toEqual({ me: 4, 'shared@contoso.com': 4 });
  expect(mailboxOf('/v1.0/me/mailFolders/inbox')).toBe('me');
  expect(mailboxOf('/sites/x/lists')).toBeUndefined();
});

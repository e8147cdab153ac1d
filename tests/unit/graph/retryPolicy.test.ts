import { asksLongerThanAllowed, mayRetry, parseRetryAfter, retryDelayMs, retryMethodOf } from '../../../src/graph/retryPolicy';

describe('which failures may be retried', () => {
  const table: Array<[string, number | 'network', boolean]> = [
    ['GET', 429, true],
    ['GET', 503, true],
    ['GET', 504, true],
    ['GET', 'network', true],
    ['GET', 500, false],
    ['GET', 404, false],
    ['PATCH', 429, true],
    ['PATCH', 503, true],
    ['PATCH', 'network', true],
    ['DELETE', 503, true],
    ['PUT', 504, true],
    // A POST (move, create, $batch) may have taken effect before a 503 or a dropped connection.
    ['POST', 429, true],
    ['POST', 503, false],
    ['POST', 504, false],
    ['POST', 'network', false],
    ['POST', 400, false],
    ['get', 429, true],
    ['OPTIONS', 429, false],
  ];
  test.each(table)('%s after %s → %s', (method, trigger, expected) => {
    expect(mayRetry(method, trigger)).toBe(expected);
  });
});

describe('how long to wait', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  const half = () => 0.5;

  test('Retry-After in seconds wins', () => {
    expect(retryDelayMs(0, '7', now, half)).toBe(7000);
  });

  test('Retry-After as an HTTP date counts from now', () => {
    expect(retryDelayMs(0, 'Sun, 22 Nov 2026 10:00:05 GMT', now, half)).toBe(5000);
  });

  test('an unreadable header (as in browsers, where Graph does not expose it) falls back to exponential backoff', () => {
    expect([0, 1, 2, 3].map((attempt) => retryDelayMs(attempt, null, now, half))).toEqual([750, 1500, 3000, 6000]);
    expect(retryDelayMs(1, 'soon', now, half)).toBe(1500);
  });

  test('jitter stays within half to all of the step', () => {
    expect(retryDelayMs(2, undefined, now, () => 0)).toBe(2000);
    expect(retryDelayMs(2, undefined, now, () => 1)).toBe(4000);
  });

  test('no wait exceeds the cap, whatever the server says', () => {
    expect(retryDelayMs(0, '3600', now, half)).toBe(30_000);
    expect(retryDelayMs(10, null, now, half)).toBe(30_000);
  });

  test.each([
    ['', undefined],
    ['  ', undefined],
    ['abc', undefined],
    ['0', 0],
    ['Sun, 22 Nov 2026 09:00:00 GMT', 0],
  ])('parseRetryAfter(%j) → %j', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('a $batch follows the rules of what it carries', () => {
  const batch = (...methods: string[]) => JSON.stringify({ requests: methods.map((method, i) => ({ id: String(i), method, url: '/me' })) });
  const url = 'https://graph.microsoft.com/v1.0/$batch';
  test('reads only: retried as a read, so a 503 on locating the record is sent again', () => {
    expect(retryMethodOf('POST', url, batch('GET', 'GET'))).toBe('GET');
    expect(mayRetry(retryMethodOf('post', url, batch('GET', 'head')), 503)).toBe(true);
  });
  test('any write inside keeps it a POST: the write may have happened before the 503', () => {
    expect(retryMethodOf('POST', url, batch('GET', 'POST'))).toBe('POST');
    expect(retryMethodOf('POST', url, batch('POST'))).toBe('POST');
  });
  test('idempotent writes only (PATCH, DELETE, PUT): as safe to send again as the reads', () => {
    expect(retryMethodOf('POST', url, batch('DELETE', 'DELETE'))).toBe('GET');
    expect(retryMethodOf('POST', url, batch('GET', 'PATCH', 'PUT'))).toBe('GET');
  });
  test('anything unreadable, empty, or not a $batch stays what it was', () => {
    expect(retryMethodOf('POST', url, '{not json')).toBe('POST');
    expect(retryMethodOf('POST', url, batch())).toBe('POST');
    expect(retryMethodOf('POST', url, undefined)).toBe('POST');
    expect(retryMethodOf('POST', 'https://graph.microsoft.com/v1.0/me/messages/x/move', batch('GET'))).toBe('POST');
    expect(retryMethodOf('GET', url, undefined)).toBe('GET');
  });
});

describe('asksLongerThanAllowed', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  test('a Retry-After past the longest wait is not retried early; a short one, a missing one or a date within it is', () => {
    expect(asksLongerThanAllowed('45', now)).toBe(true);
    expect(asksLongerThanAllowed('Mon, 07 Dec 2026 12:01:00 GMT', now)).toBe(true);
    expect(asksLongerThanAllowed('30', now)).toBe(false);
    expect(asksLongerThanAllowed(undefined, now)).toBe(false);
    expect(asksLongerThanAllowed('soon', now)).toBe(false);
  });
});

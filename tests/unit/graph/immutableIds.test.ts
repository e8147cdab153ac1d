import { IMMUTABLE_ID_PREFERENCE, isBatchUrl, preferImmutableIdsInBatch, withPreference } from '../../../src/graph/middleware/immutableIds';

describe('Prefer header', () => {
  test('adds the preference to an empty header', () => {
    expect(withPreference(undefined, IMMUTABLE_ID_PREFERENCE)).toBe('IdType="ImmutableId"');
  });

  test('keeps other preferences', () => {
    expect(withPreference('HonorNonIndexedQueriesWarningMayFailRandomly', IMMUTABLE_ID_PREFERENCE)).toBe(
      'HonorNonIndexedQueriesWarningMayFailRandomly, IdType="ImmutableId"',
    );
  });

  test('does not add it twice, whatever the case', () => {
    expect(withPreference('idtype="ImmutableId"', IMMUTABLE_ID_PREFERENCE)).toBe('idtype="ImmutableId"');
  });
});

describe('$batch bodies', () => {
  test('every inner request asks for immutable ids, keeping its own headers', () => {
    const body = JSON.stringify({
      requests: [
        { id: '1', method: 'GET', url: '/me/messages/a' },
        { id: '2', method: 'POST', url: '/me/messages/a/move', headers: { 'Content-Type': 'application/json' }, body: { destinationId: 'archive' }, dependsOn: ['1'] },
        { id: '3', method: 'GET', url: '/sites/root/lists', headers: { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
      ],
    });
    const rewritten = JSON.parse(preferImmutableIdsInBatch(body));
    expect(rewritten.requests.map((r: { headers: Record<string, string> }) => r.headers)).toEqual([
      { Prefer: 'IdType="ImmutableId"' },
      { 'Content-Type': 'application/json', Prefer: 'IdType="ImmutableId"' },
      { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly, IdType="ImmutableId"' },
    ]);
    expect(rewritten.requests[1].dependsOn).toEqual(['1']);
    expect(rewritten.requests[1].body).toEqual({ destinationId: 'archive' });
  });

  test.each([
    ['https://graph.microsoft.com/v1.0/$batch', true],
    ['https://localhost:3001/v1.0/$batch?x=1', true],
    ['https://graph.microsoft.com/v1.0/me/messages', false],
    ['https://graph.microsoft.com/v1.0/$batchy', false],
  ])('isBatchUrl(%s) → %s', (url, expected) => {
    expect(isBatchUrl(url)).toBe(expected);
  });
});

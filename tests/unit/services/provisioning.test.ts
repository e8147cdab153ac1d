/**
 * The provisioning service's own parts that need no Graph: the service handed to the admin screen
 * before its code is loaded, and what each failure means to the admin.
 */
import { GraphRequestError } from '../../../src/graph/errors';
import { SignInError } from '../../../src/graph/tokens';
import { ProvisioningIncompleteError } from '../../../src/record/provision';
import { NotASiteUrlError, SiteNotFoundError } from '../../../src/record/site';
import { deferredProvisioningService } from '../../../src/services/provisioning/deferred';
import { provisioningFailure, type ProvisioningService } from '../../../src/services/provisioning/provisioningService';

const site = { id: 'site-1', webUrl: 'https://seutuopisto.sharepoint.com/sites/trail', displayName: 'Trail' };
const plan = { siteId: 'site-1', lists: [] };

test('the deferred service loads its code once, on first use, and answers as the loaded one', async () => {
  const asked: string[] = [];
  const real: ProvisioningService = {
    check: async (url) => (asked.push(`check ${url}`), { site, plan, settings: null }),
    apply: async () => (asked.push('apply'), { siteId: 'site-1' } as never),
  };
  let loads = 0;
  const service = deferredProvisioningService(async () => (loads++, real));
  expect(loads).toBe(0);
  expect(await service.check('x')).toEqual({ site, plan, settings: null });
  await service.apply(site, plan, () => undefined);
  expect(loads).toBe(1);
  expect(asked).toEqual(['check x', 'apply']);
});

test('code that failed to load (offline) is loaded again on the next use', async () => {
  let loads = 0;
  const real: ProvisioningService = { check: async () => ({ site, plan, settings: null }), apply: async () => ({}) as never };
  const service = deferredProvisioningService(async () => {
    if (loads++ === 0) throw new Error('ChunkLoadError');
    return real;
  });
  await expect(service.check('x')).rejects.toThrow('ChunkLoadError');
  await expect(service.check('x')).resolves.toEqual({ site, plan, settings: null });
  expect(loads).toBe(2);
});

test.each([
  ['a text that is no site address', new NotASiteUrlError('x'), { kind: 'notASite' }],
  ['no such site', new SiteNotFoundError('x'), { kind: 'siteNotFound' }],
  ['lists left unfinished', new ProvisioningIncompleteError(['Trail People'], 'd'), { kind: 'incomplete', lists: ['Trail People'] }],
  ['no right to manage lists', new GraphRequestError(403, 'accessDenied', 'no'), { kind: 'forbidden' }],
  ['Graph throttling', new GraphRequestError(429, 'tooManyRequests', 'slow'), { kind: 'graph', error: expect.any(GraphRequestError) }],
  ['no token', new SignInError('cancelled', 'closed'), { kind: 'graph', error: expect.any(SignInError) }],
  ['a fault in Trail', new TypeError('boom'), { kind: 'unexpected', detail: 'boom' }],
])('%s', (_, error, failure) => {
  expect(provisioningFailure(error)).toEqual(failure);
});

/**
 * The sandbox's one route table (dev/sandbox/core/router.ts): mail and SharePoint add their routes
 * to the same router, and the `{~name}` address segment takes a site address of one segment or a
 * path-based one that spans several.
 */
import { SandboxRouter, type RouteMatch } from '../../../dev/sandbox/core/router';
import type { SandboxResponse } from '../../../dev/sandbox/core/types';

const handler = (name: string) => (): SandboxResponse => ({ status: 200, body: name });

function router(): SandboxRouter {
  const r = new SandboxRouter();
  r.add('GET', '/me/mailFolders/{folderId}', handler('folder'));
  r.add('GET', '/sites/{~site}', handler('site'));
  r.add('GET', '/sites/{~site}/lists', handler('lists'));
  r.add('POST', '/sites/{~site}/lists', handler('createList'));
  r.add('GET', '/sites/{~site}/lists/{list}/items/{item}', handler('item'));
  r.add('GET', '/sites/{~site}/lists/{list}/items/delta()', handler('delta'));
  return r;
}

async function found(match: RouteMatch): Promise<{ name: unknown; params: Record<string, string> }> {
  if (match.kind !== 'found') throw new Error(`expected a route, got ${JSON.stringify(match)}`);
  const res = await match.handler({} as never);
  return { name: res.body, params: match.params };
}

describe('one router for mail and SharePoint', () => {
  test('routes of both are matched by the same table', async () => {
    const r = router();
    expect(await found(r.match('GET', '/me/mailFolders/inbox'))).toMatchObject({ name: 'folder', params: { folderId: 'inbox' } });
    expect(await found(r.match('GET', '/users/someone@x.fi/mailFolders/inbox'))).toMatchObject({ name: 'folder' });
    expect(await found(r.match('GET', '/sites/root/lists'))).toEqual({ name: 'lists', params: { site: 'root' } });
  });

  test.each([
    ['/sites/root', 'root'],
    ['/sites/contoso.sharepoint.com,abc,def', 'contoso.sharepoint.com,abc,def'],
    ['/sites/contoso.sharepoint.com', 'contoso.sharepoint.com'],
    ['/sites/contoso.sharepoint.com:', 'contoso.sharepoint.com:'],
    ['/sites/contoso.sharepoint.com:/sites/team', 'contoso.sharepoint.com:/sites/team'],
    ['/sites/contoso.sharepoint.com:/sites/team:', 'contoso.sharepoint.com:/sites/team:'],
  ])('a site address spans what Graph reads as the site: %s', async (path, site) => {
    expect(await found(router().match('GET', path))).toEqual({ name: 'site', params: { site } });
  });

  test('what follows a path-based address is matched after it', async () => {
    const r = router();
    expect(await found(r.match('GET', '/sites/contoso.sharepoint.com:/sites/team:/lists'))).toEqual({
      name: 'lists',
      params: { site: 'contoso.sharepoint.com:/sites/team:' },
    });
    expect(await found(r.match('GET', '/sites/contoso.sharepoint.com:/a/b:/lists/Filings/items/7'))).toEqual({
      name: 'item',
      params: { site: 'contoso.sharepoint.com:/a/b:', list: 'Filings', item: '7' },
    });
  });

  test('an address left open takes the rest of the path, as Graph reads it', async () => {
    // No closing `:`: `/lists` is part of the site's path, not a segment after it.
    expect(await found(router().match('GET', '/sites/contoso.sharepoint.com:/sites/team/lists'))).toEqual({
      name: 'site',
      params: { site: 'contoso.sharepoint.com:/sites/team/lists' },
    });
  });

  test('delta() beats {item}, in every spelling', async () => {
    const r = router();
    for (const name of ['delta', 'delta()', 'microsoft.graph.delta', 'Microsoft.Graph.Delta()']) {
      expect(await found(r.match('GET', `/sites/root/lists/L/items/${name}`))).toMatchObject({ name: 'delta' });
    }
  });

  test('the first unknown segment is named, counted after a spanning address', () => {
    const r = router();
    expect(r.match('GET', '/sites/contoso.sharepoint.com:/sites/team:/bogus')).toEqual({ kind: 'notFound', segment: 'bogus' });
    expect(r.match('GET', '/sites/root/lists/L/nope')).toEqual({ kind: 'notFound', segment: 'nope' });
    expect(r.match('GET', '/sites/root/lists/L/items/7/fields')).toEqual({ kind: 'notFound', segment: 'fields' });
  });

  test('a known path with another method is methodNotAllowed', () => {
    const r = router();
    expect(r.match('DELETE', '/sites/contoso.sharepoint.com:/sites/team:/lists')).toEqual({ kind: 'methodNotAllowed' });
    expect(r.match('PATCH', '/sites/root')).toEqual({ kind: 'methodNotAllowed' });
  });
});

/**
 * The organisation's settings item against the sandbox: provisioned with the other lists (one empty
 * item), edited as an administrator edits it in SharePoint, read back by every client through a
 * cache, and a missing, corrupt or unreachable item never costs the defaults.
 */
import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { createGraphClient } from '../../../src/graph/client';
import { locateStore } from '../../../src/record/locate';
import { applyProvisioning, planIsEmpty, planProvisioning } from '../../../src/record/provision';
import { createFilingService } from '../../../src/services/filing/filingService';
import { graphProvisioningService } from '../../../src/services/provisioning/provisioningService';
import { PROVISIONED_LISTS } from '../../../src/record/schema';
import { cachedTenantSettings, loadTenantSettings, readTenantSettings, TENANT_SETTINGS_MAX_AGE_MS, TENANT_SETTINGS_TITLE } from '../../../src/record/tenantSettings';
import { tenantSettingsKey } from '../../../src/services/storage/keys';
import { json } from '../helpers/sandbox';
import { storePerFile, TRAIL_SITE_URL } from '../helpers/store';

const s = storePerFile();

class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem'> {
  readonly map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
}

const settingsList = () => `/sites/${encodeURIComponent(s().location.siteId)}/lists/${encodeURIComponent(PROVISIONED_LISTS.settings.displayName)}`;

async function settingsItems(): Promise<Array<{ id: string; fields: Record<string, unknown> }>> {
  return (await s().t.graphJson<{ value: Array<{ id: string; fields: Record<string, unknown> }> }>(`${settingsList()}/items?$expand=fields`)).body.value;
}

/** What an administrator does in SharePoint's list form: change the item's fields. */
async function editSettings(fields: Record<string, unknown>): Promise<void> {
  const [item] = await settingsItems();
  const res = await s().t.graphFetch(`${settingsList()}/items/${item!.id}/fields`, json('PATCH', fields));
  expect(res.status).toBe(200);
}

test('provisioning made the settings list with exactly one item, every setting at its default', async () => {
  const items = await settingsItems();
  expect(items).toHaveLength(1);
  expect(items[0]!.fields).toMatchObject({ Title: TENANT_SETTINGS_TITLE });
  expect(await readTenantSettings(s().graph, s().location.siteId)).toEqual({ settings: { publicDomains: [], neverFileDomains: [] }, problems: [], source: 'item' });
  // A second run adds no second item.
  expect(planIsEmpty(await planProvisioning(s().graph, s().location.siteId))).toBe(true);
});

test("an administrator's edit is what every client reads", async () => {
  await editSettings({ AsapFolderName: 'Kiireelliset', ReadLaterFolderName: 'Luettavat', PublicDomains: 'kotiposti.fi\nposti.fi', NeverFileDomains: 'seutuopisto.fi, seutuopisto.onmicrosoft.com' });
  const read = await readTenantSettings(s().graph, s().location.siteId);
  expect(read).toEqual({
    settings: { asapFolderName: 'Kiireelliset', readLaterFolderName: 'Luettavat', publicDomains: ['kotiposti.fi', 'posti.fi'], neverFileDomains: ['seutuopisto.fi', 'seutuopisto.onmicrosoft.com'] },
    problems: [],
    source: 'item',
  });
});

test('a corrupt value falls back alone, and says which', async () => {
  await editSettings({ AsapFolderName: 'Saapuneet/ASAP', ReadLaterFolderName: 'Luettavat', PublicDomains: 'kotiposti.fi, ei domain', NeverFileDomains: '' });
  const read = await readTenantSettings(s().graph, s().location.siteId);
  expect(read.settings).toEqual({ readLaterFolderName: 'Luettavat', publicDomains: ['kotiposti.fi'], neverFileDomains: [] });
  expect(read.problems.map((p) => `${p.column}: ${p.value}`)).toEqual(['AsapFolderName: Saapuneet/ASAP', 'PublicDomains: ei', 'PublicDomains: domain']);
});

test('the admin screen’s Check reads the settings in force beside the plan, in parallel and read only', async () => {
  await editSettings({ AsapFolderName: 'Kiireelliset', ReadLaterFolderName: 'kiireelliset', PublicDomains: 'kotiposti.fi', NeverFileDomains: 'x' });
  s().t.sandbox.control.clearRequests();
  const checked = await graphProvisioningService(s().graph).check(TRAIL_SITE_URL);
  expect(planIsEmpty(checked.plan)).toBe(true);
  expect(checked.settings).toEqual({
    settings: { publicDomains: ['kotiposti.fi'], neverFileDomains: [] },
    problems: [
      { column: 'ReadLaterFolderName', value: 'kiireelliset', problem: 'sameFolderNames' },
      { column: 'NeverFileDomains', value: 'x', problem: 'invalidDomain' },
    ],
    source: 'item',
  });
  expect(s().t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/') && r.method !== 'GET' && !r.url.includes('$batch'))).toEqual([]);

  // Settings SharePoint cannot give just now do not hide the plan.
  s().t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'GET', pathPattern: 'Settings/items', next: 50 }] });
  const degraded = await graphProvisioningService(s().graph).check(TRAIL_SITE_URL);
  expect(planIsEmpty(degraded.plan)).toBe(true);
  expect(degraded.settings).toBeNull();
});

test('clients read through a cache: one request an hour, and the last copy survives a failed read', async () => {
  await editSettings({ AsapFolderName: 'Nyt', ReadLaterFolderName: null, PublicDomains: 'kotiposti.fi', NeverFileDomains: null });
  const storage = new MemoryStorage();
  const cache = { storage, key: tenantSettingsKey(TRAIL_SITE_URL) };
  let now = Date.parse('2026-11-20T08:00:00Z');
  const clock = () => now;
  expect(cachedTenantSettings(cache)).toEqual({ publicDomains: [], neverFileDomains: [] });

  s().t.sandbox.control.clearRequests();
  const first = await loadTenantSettings(s().graph, s().location.siteId, cache, clock);
  expect(first).toEqual({ asapFolderName: 'Nyt', publicDomains: ['kotiposti.fi'], neverFileDomains: [] });
  expect(cachedTenantSettings(cache)).toEqual(first);
  now += TENANT_SETTINGS_MAX_AGE_MS - 1;
  expect(await loadTenantSettings(s().graph, s().location.siteId, cache, clock)).toEqual(first);
  expect(s().t.sandbox.control.requests().filter((r) => r.url.includes('/items'))).toHaveLength(1);

  // An hour on, SharePoint is down: the last copy stays in force.
  now += 2;
  s().t.sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: '/items' }] });
  expect(await loadTenantSettings(s().graph, s().location.siteId, cache, clock)).toEqual(first);
  // With nothing cached either, the defaults.
  expect(await loadTenantSettings(s().graph, s().location.siteId, { storage: new MemoryStorage(), key: tenantSettingsKey(TRAIL_SITE_URL) }, clock)).toEqual({ publicDomains: [], neverFileDomains: [] });
});

test('without the settings list (a site set up before it existed) the defaults hold and the record is still found; setting up again brings it back', async () => {
  const list = (await s().t.graphJson<{ id: string }>(settingsList())).body;
  expect((await s().t.graphFetch(`/sites/${encodeURIComponent(s().location.siteId)}/lists/${list.id}`, { method: 'DELETE' })).status).toBe(204);

  expect(await readTenantSettings(s().graph, s().location.siteId)).toEqual({ settings: { publicDomains: [], neverFileDomains: [] }, problems: [], source: 'noList' });
  const fresh = createGraphClient({ baseUrl: s().t.sandbox.origin, tokens: new SandboxTokenSource(s().t.sandbox.origin) });
  expect(await locateStore(fresh, TRAIL_SITE_URL)).toEqual(s().location);

  const plan = await planProvisioning(s().graph, s().location.siteId);
  expect(plan.lists.filter((l) => l.create).map((l) => l.displayName)).toEqual([PROVISIONED_LISTS.settings.displayName]);
  await applyProvisioning(s().graph, s().location.siteId, plan);
  expect(await settingsItems()).toHaveLength(1);
  expect((await readTenantSettings(s().graph, s().location.siteId)).source).toBe('item');
});

test('an item deleted by mistake: the defaults, not an error; two items: the first created counts', async () => {
  const [item] = await settingsItems();
  await s().t.graphFetch(`${settingsList()}/items/${item!.id}`, { method: 'DELETE' });
  expect((await readTenantSettings(s().graph, s().location.siteId)).source).toBe('noItem');

  await s().t.graphFetch(`${settingsList()}/items`, json('POST', { fields: { Title: 'first', AsapFolderName: 'Ensin' } }));
  await s().t.graphFetch(`${settingsList()}/items`, json('POST', { fields: { Title: 'second', AsapFolderName: 'Toinen' } }));
  expect((await readTenantSettings(s().graph, s().location.siteId)).settings.asapFolderName).toBe('Ensin');
});

test('applied: the filing view honours the never-file domains and the public-domain additions read from the item', async () => {
  const inbox = (await s().t.graphJson<{ value: Array<{ id: string; subject: string; from: { emailAddress: { name: string; address: string } }; internetMessageId: string; receivedDateTime: string }> }>(
    // Graph's default (REST) ids, as Office describes the open message once converted.
    '/me/mailFolders/inbox/messages?$top=200&$select=id,subject,from,internetMessageId,receivedDateTime',
  )).body.value;
  const m = inbox.find((x) => x.from.emailAddress.address.endsWith('@harjuamk.fi'))!;
  const domain = 'harjuamk.fi';
  await s().store.createOrganisation({ name: 'Harjuseudun ammattikorkeakoulu', domains: [domain] });
  const open = { kind: 'message' as const, id: m.id, officeItemId: m.id, mailbox: null, subject: m.subject, from: m.from.emailAddress, to: [], cc: [], conversationId: null, internetMessageId: m.internetMessageId, receivedAt: m.receivedDateTime };
  const viewWith = async (fields: Record<string, unknown>) => {
    await editSettings(fields);
    const { settings } = await readTenantSettings(s().graph, s().location.siteId);
    return createFilingService({ store: s().store, graph: s().graph, self: s().t.user.userPrincipalName, organisation: () => settings }).view(open);
  };

  const plain = await viewWith({ PublicDomains: '', NeverFileDomains: '' });
  expect(plain.suggestions.map((x) => x.reason.kind)).toContain('domain');
  expect(plain.unknown.map((u) => u.domain)).toEqual([domain]);

  const asPublic = await viewWith({ PublicDomains: domain, NeverFileDomains: '' });
  expect(asPublic.suggestions.filter((x) => x.reason.kind === 'domain')).toEqual([]);
  expect(asPublic.unknown.map((u) => [u.address, u.domain])).toEqual([[m.from.emailAddress.address, undefined]]);

  const neverFiled = await viewWith({ PublicDomains: '', NeverFileDomains: domain });
  expect(neverFiled.suggestions).toEqual([]);
  expect(neverFiled.unknown).toEqual([]);
});

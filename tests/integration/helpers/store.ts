/**
 * A provisioned Trail store on a test sandbox: the real provisioning, the real Graph client and the
 * real GraphTrailStore, over HTTP. Retry waits are recorded instead of slept.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { createGraphClient } from '../../../src/graph/client';
import { createGraphTrailStore } from '../../../src/record/graphTrailStore';
import type { StoreLocation } from '../../../src/record/location';
import { applyProvisioning, planProvisioning } from '../../../src/record/provision';
import { resolveSite } from '../../../src/record/site';
import type { TrailStore } from '../../../src/record/trailStore';
import { expectNoContractViolations, startTestSandbox, type TestSandbox, type TestSandboxOptions } from './sandbox';

export const TRAIL_SITE_URL = 'https://seutuopisto.sharepoint.com/sites/trail';

export interface TestStore {
  t: TestSandbox;
  graph: Client;
  store: TrailStore;
  location: StoreLocation;
  /** Retry waits the client and batching would have slept. */
  waits: number[];
  /** Another signed-in colleague's view of the same record. */
  storeAs(filer: { name: string; upn: string }): TrailStore;
}

export async function startTestStore(options: TestSandboxOptions = {}): Promise<TestStore> {
  const t = await startTestSandbox(options);
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  const graph = createGraphClient({ baseUrl: t.sandbox.origin, tokens: new SandboxTokenSource(t.sandbox.origin), retry: { sleep } });
  const site = await resolveSite(graph, TRAIL_SITE_URL);
  const location = await applyProvisioning(graph, site.id, await planProvisioning(graph, site.id), () => undefined);
  const storeAs = (filer: { name: string; upn: string }) => createGraphTrailStore({ graph, location, filer, batch: { sleep } });
  const store = storeAs({ name: t.user.displayName, upn: t.user.userPrincipalName });
  return { t, graph, store, location, waits, storeAs };
}

export interface StorePerFileOptions extends TestSandboxOptions {
  /** Clear the sandbox's fault rules after each test (default true). */
  clearFaultsAfterEach?: boolean;
}

/**
 * One provisioned store for the whole file, the same way in every file: started in beforeAll, its
 * sandbox closed in afterAll and checked for contract violations, its faults cleared after each test
 * (unless `clearFaultsAfterEach: false`). Returns the file's store; call it inside hooks and tests.
 */
export function storePerFile(options: StorePerFileOptions = {}): () => TestStore {
  const { clearFaultsAfterEach = true, ...sandboxOptions } = options;
  let s: TestStore | undefined;
  const current = (): TestStore => {
    if (!s) throw new Error('the store is started in beforeAll: use it inside hooks and tests');
    return s;
  };
  beforeAll(async () => {
    s = await startTestStore(sandboxOptions);
  });
  afterAll(() => current().t.close());
  if (clearFaultsAfterEach) afterEach(() => current().t.sandbox.control.clearFaults());
  expectNoContractViolations(() => s?.t);
  return current;
}

/**
 * Triage against a Graph sandbox: the harness the integration tests and `npm run bench` share (a
 * service on the one Graph client, settings kept in memory as roaming settings would be, waits
 * recorded instead of slept). Nothing here asserts.
 */
import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { defaultTriageSettings, type TriageSettings } from '../../../src/domain/triage/settings';
import { createGraphClient, type GraphClient } from '../../../src/graph/client';
import { createFetchGraphClient } from '../../../src/graph/fetchClient';
import { toMessageState } from '../../../src/services/triage/messageState';
import { createTriageService, type TriageService } from '../../../src/services/triage/triageService';
import type { MessageState } from '../../../src/services/triage/types';
import type { RoamingSettings } from '../../../src/office/host';
import { MAILBOX_CONTEXT_KEY } from '../../../src/services/storage/keys';
import { rememberedContextIn } from '../../../src/services/triage/rememberedContext';
import { TEST_ANCHOR, type TestSandbox } from '../helpers/sandbox';

const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };

export interface TriageHarness {
  graph: GraphClient;
  service: TriageService;
  /** The roaming settings as saved so far. */
  settings: SharedSettings;
  /** Every wait the client or the service would have slept, in ms. */
  waits: number[];
  /** The clock the service reads; tests move it. */
  clock: { now: Date };
}

/** The user's roaming settings: the triage settings, and the rest of the bag (the remembered mailbox context). */
export interface SharedSettings {
  current: TriageSettings;
  roaming?: Record<string, unknown>;
}

export interface HarnessOptions {
  now?: Date;
  settings?: TriageSettings;
  /** Share settings with another harness: two sessions of the same user. */
  sharedSettings?: SharedSettings;
  waits?: number[];
  /** Really sleep (the bench), instead of recording. */
  realSleep?: boolean;
  /** Failed attempts allowed per message (3 by default). */
  maxRetries?: number;
  /** Triage in this shared mailbox (its address or id) instead of the user's own. */
  sharedMailbox?: string;
  /** The Graph client: the SDK's (the pane's, by default) or the fetch-only one the ribbon's function file runs on. */
  graphClient?: 'sdk' | 'fetch';
}

export function triageHarness(t: TestSandbox, options: HarnessOptions = {}): TriageHarness {
  const waits = options.waits ?? [];
  const record = async (ms: number) => void waits.push(ms);
  const sleep = options.realSleep ? undefined : record;
  const graph = (options.graphClient === 'fetch' ? createFetchGraphClient : createGraphClient)({
    baseUrl: t.sandbox.origin,
    tokens: new SandboxTokenSource(t.sandbox.origin),
    retry: { ...(sleep ? { sleep } : {}), random: () => 0.5 },
  });
  const settings: SharedSettings = options.sharedSettings ?? { current: options.settings ?? defaultTriageSettings('en') };
  const bag = (settings.roaming ??= {});
  const roaming: RoamingSettings = {
    get: <T>(key: string) => bag[key] as T | undefined,
    set: async <T>(key: string, value: T) => void (bag[key] = JSON.parse(JSON.stringify(value)) as unknown),
  };
  const clock = { now: options.now ?? TEST_ANCHOR };
  const service = createTriageService({
    graph,
    ...(options.sharedMailbox ? { sharedMailbox: options.sharedMailbox } : {}),
    settings: () => settings.current,
    saveSettings: async (next) => {
      settings.current = next;
    },
    now: () => clock.now,
    batch: { ...(sleep ? { sleep } : {}), ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}) },
    rememberedContext: rememberedContextIn(roaming, MAILBOX_CONTEXT_KEY, options.sharedMailbox?.toLowerCase() ?? null),
  });
  return { graph, service, settings, waits, clock };
}

/** The messages of a folder (newest first) as triage sees them, with immutable ids. */
export async function statesIn(t: TestSandbox, folder: string, count = 200): Promise<MessageState[]> {
  const page = await t.graphJson<{ value: unknown[] }>(`/me/mailFolders/${folder}/messages?$select=id,subject,parentFolderId,isRead,flag,categories&$top=${count}`, {
    headers: IMMUTABLE,
  });
  return page.body.value.map((m) => toMessageState(m)!);
}

/** The first `count` messages of a folder, newest first, with immutable ids. */
export async function messagesIn(t: TestSandbox, folder: string, count: number, ids: 'immutable' | 'rest' = 'immutable'): Promise<Array<{ id: string; subject: string }>> {
  const path = `/me/mailFolders/${folder}/messages?$select=id,subject&$top=${count}`;
  // REST ids are what Office names items by (convertToRestId); Trail's records use immutable ones.
  const page = await t.graphJson<{ value: Array<{ id: string; subject: string }> }>(path, ids === 'immutable' ? { headers: IMMUTABLE } : {});
  return page.body.value;
}

/** A message as Graph shows it now, or undefined when it is gone. */
export async function readMessage(t: TestSandbox, id: string): Promise<MessageState | undefined> {
  const res = await t.graphJson(`/me/messages/${encodeURIComponent(id)}?$select=id,subject,parentFolderId,isRead,flag,categories`, { headers: IMMUTABLE });
  return res.status === 200 ? toMessageState(res.body) : undefined;
}

export async function folderId(t: TestSandbox, wellKnown: string): Promise<string> {
  return (await t.graphJson<{ id: string }>(`/me/mailFolders/${wellKnown}?$select=id`)).body.id;
}

/** Graph calls the sandbox saw since the last clear ($batch counts once: it is one round trip). */
export const graphCalls = (t: TestSandbox) => t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/'));

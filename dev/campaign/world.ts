/**
 * The campaign's world: a Graph sandbox in this process (mail and SharePoint, seeded), the record
 * provisioned on it, and "panes": what one open taskpane holds (its Graph client, the triage runtime,
 * the filing runtime) over local storage that outlives it. A pane can be closed at any moment, even
 * mid-action: from then on it sends nothing and writes nothing to storage, as a closed browser pane.
 *
 * Ground truth is read from the sandbox's state in-process, never over HTTP, so no fault touches it.
 */
import { createSandbox, type Sandbox } from '../sandbox/core/server';
import type { FaultRule } from '../sandbox/core/faults';
import type { DirectoryUser } from '../sandbox/core/types';
import { createMailModule, type MailState, type MailboxState, type MessageRecord } from '../sandbox/mail';
import { createSharePointModule, TEAM_SITE_PATH, TENANT_HOST, type SharePointState } from '../sandbox/sharepoint';
import { SandboxTokenSource } from '../../src/auth/sandboxTokens';
import { createGraphClient, type GraphClient } from '../../src/graph/client';
import type { AccessTokenSource } from '../../src/graph/middleware/auth';
import type { OfficeHost, MessageSnapshot } from '../../src/office/host';
import { applyProvisioning, planProvisioning } from '../../src/record/provision';
import { resolveSite } from '../../src/record/site';
import { createTriageRuntime, type TriageRuntime } from '../../src/services/triageRuntime';
import { startFilingRuntime, type FilingRuntime } from '../../src/services/filingRuntime';

export const SITE_URL = `https://${TENANT_HOST}${TEAM_SITE_PATH}`;
const ANCHOR = new Date('2025-03-12T10:00:00Z');

/** localStorage as the browser keeps it for the add-in's origin: it outlives every pane. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.has(key) ? this.items.get(key)! : null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

/** One pane's view of the shared storage: after the pane closes, its writes go nowhere. */
class PaneStorage implements Storage {
  constructor(
    private readonly shared: Storage,
    private readonly pane: { closed: boolean },
  ) {}
  get length(): number {
    return this.shared.length;
  }
  key(index: number): string | null {
    return this.shared.key(index);
  }
  getItem(key: string): string | null {
    return this.shared.getItem(key);
  }
  setItem(key: string, value: string): void {
    if (!this.pane.closed) this.shared.setItem(key, value);
  }
  removeItem(key: string): void {
    if (!this.pane.closed) this.shared.removeItem(key);
  }
  clear(): void {
    if (!this.pane.closed) this.shared.clear();
  }
}

export class PaneClosedError extends Error {
  constructor() {
    super('The pane was closed.');
  }
}

export interface Pane {
  closed: boolean;
  /** Requests this pane has sent (each asks for a token first). */
  requests: number;
  /** The pane closes as it is about to send this request (1-based), if set. */
  closeAt?: number;
  graph: GraphClient;
  triage: TriageRuntime;
  /** Started on first use: its start reads the record's location and settings, which may fail. */
  filing(): Promise<FilingRuntime>;
  close(): void;
}

export interface World {
  sandbox: Sandbox;
  user: DirectoryUser;
  storage: MemoryStorage;
  host: OfficeHost;
  openPane(): Promise<Pane>;
  setFaultRate(rate: number): void;
  clearFaults(): void;
  mailbox(): MailboxState;
  message(immutableId: string): MessageRecord | undefined;
  snapshotOf(record: MessageRecord): MessageSnapshot;
  /** A list of the record by its display name (`Trail People`): item id → values. */
  list(displayName: string): Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * The fault rules for an overall rate: before the write (503, 429, reset) and after it (the write is
 * applied, then its answer is lost: after503, afterReset; on an inner $batch step only that step's
 * answer), in equal shares. The sandbox draws each from its seeded PRNG; the first rule that draws
 * fires, so each later rule's rate is conditioned on the earlier ones not firing.
 */
export function faultRules(rate: number): FaultRule[] {
  const kinds: FaultRule['kind'][] = ['503', '429', 'reset', 'after503', 'afterReset'];
  const share = Math.min(1, Math.max(0, rate)) / kinds.length;
  return kinds.map((kind, i) => ({
    kind,
    rate: share / (1 - i * share),
    // Retry-After as Graph sends it with a 429 (its throttling guidance); a 503 sends none.
    ...(kind === '429' ? { retryAfterSeconds: 1 } : {}),
  }));
}

function roamingSettings(): OfficeHost['roamingSettings'] {
  const values = new Map<string, unknown>();
  return {
    get: <T,>(key: string) => values.get(key) as T | undefined,
    set: async <T,>(key: string, value: T) => void values.set(key, structuredClone(value)),
  };
}

function hostFor(user: DirectoryUser): OfficeHost {
  const notInTheCampaign = (): never => {
    throw new Error('Not used by the campaign.');
  };
  return {
    currentItem: notInTheCampaign,
    onItemChanged: () => () => undefined,
    selectedItems: notInTheCampaign,
    onSelectionChanged: () => () => undefined,
    notify: async () => undefined,
    // Roaming settings live in the mailbox: every pane sees the same ones.
    roamingSettings: roamingSettings(),
    displayLanguage: () => 'en-US',
    theme: () => 'light',
    onThemeChanged: () => () => undefined,
    user: () => ({ displayName: user.displayName, emailAddress: user.mail ?? user.userPrincipalName, timeZone: 'Europe/Helsinki' }),
    openItem: () => undefined,
  };
}

const addressOf = (value: unknown): { name: string; address: string } | null => {
  const email = (value as { emailAddress?: { name?: string; address?: string } } | undefined)?.emailAddress;
  return email?.address ? { name: email.name ?? '', address: email.address } : null;
};

export async function startWorld(seed: number): Promise<World> {
  const sandbox = await createSandbox({ port: 0, host: '127.0.0.1', seed, anchor: ANCHOR, modules: [createMailModule(), createSharePointModule()] });
  const user = sandbox.control.users()[0]!;
  const storage = new MemoryStorage();
  const host = hostFor(user);
  const sleep = async (): Promise<void> => undefined;

  // The record is set up once, without faults (an administrator's provisioning, not under test).
  const setup = createGraphClient({ baseUrl: sandbox.origin, tokens: new SandboxTokenSource(sandbox.origin), retry: { sleep } });
  const site = await resolveSite(setup, SITE_URL);
  await applyProvisioning(setup, site.id, await planProvisioning(setup, site.id), () => undefined);

  async function openPane(): Promise<Pane> {
    const tokens = new SandboxTokenSource(sandbox.origin);
    const pane = { closed: false, requests: 0 } as Pane;
    const paneTokens: AccessTokenSource = {
      getAccessToken: async () => {
        if (pane.closed) throw new PaneClosedError();
        pane.requests += 1;
        if (pane.closeAt !== undefined && pane.requests >= pane.closeAt) {
          pane.closed = true;
          throw new PaneClosedError();
        }
        return tokens.getAccessToken();
      },
    };
    // The production chain, retry middleware included; only its sleeps are skipped (see fastSleeps.ts).
    const graph = createGraphClient({ baseUrl: sandbox.origin, tokens: paneTokens, retry: { sleep } });
    const paneStorage = new PaneStorage(storage, pane);
    let filing: Promise<FilingRuntime> | undefined;
    Object.assign(pane, {
      graph,
      triage: createTriageRuntime(host, graph, paneStorage),
      filing: () => {
        // As the pane starts it: note saves an earlier pane left unfinished are finished (awaited here, so the campaign reads after it).
        filing ??= startFilingRuntime(host, graph, SITE_URL, paneStorage).then(async (runtime) => {
          await runtime.filing.resume();
          return runtime;
        });
        // A start that failed is tried again on the next use, as the pane's "Try again" would.
        filing.catch(() => (filing = undefined));
        return filing;
      },
      close: () => void (pane.closed = true),
    });
    await resumeIfAble(pane.triage);
    return pane;
  }

  const mailbox = (): MailboxState => (sandbox.control.state.mail as MailState).mailboxes[user.id]!;

  function list(displayName: string): Map<string, Record<string, unknown>> {
    const state = sandbox.control.state.sharepoint as SharePointState;
    const siteRecord = state.sites.find((s) => s.path.toLowerCase() === TEAM_SITE_PATH);
    const found = siteRecord?.lists.find((l) => l.displayName === displayName);
    const rows = new Map<string, Record<string, unknown>>();
    for (const [id, item] of Object.entries(found?.items ?? {})) rows.set(id, item.values);
    return rows;
  }

  return {
    sandbox,
    user,
    storage,
    host,
    openPane,
    setFaultRate: (rate) => sandbox.control.setFaults({ rules: faultRules(rate) }),
    clearFaults: () => sandbox.control.clearFaults(),
    mailbox,
    message: (id) => mailbox().messages.find((m) => m.immutableId === id || m.restId === id),
    snapshotOf: (m) => ({
      kind: 'message',
      id: m.restId,
      officeItemId: m.restId,
      subject: String(m.data.subject ?? ''),
      mailbox: null,
      from: addressOf(m.data.from),
      to: ((m.data.toRecipients as unknown[]) ?? []).map(addressOf).filter((a): a is { name: string; address: string } => !!a),
      cc: ((m.data.ccRecipients as unknown[]) ?? []).map(addressOf).filter((a): a is { name: string; address: string } => !!a),
      conversationId: (m.data.conversationId as string | undefined) ?? null,
      internetMessageId: (m.data.internetMessageId as string | undefined) ?? null,
      receivedAt: (m.data.receivedDateTime as string | undefined) ?? null,
    }),
    list,
    close: () => sandbox.close(),
  };
}

/**
 * A pane that opens resumes what an earlier pane wrote down and did not finish, if the runtime offers
 * it (issue 17: "the triage intent written down before it is sent and resumed when the pane reopens").
 * The campaign looks for a `resume()` on the triage runtime or its runner.
 */
async function resumeIfAble(runtime: TriageRuntime): Promise<void> {
  for (const target of [runtime, runtime.runner] as unknown as Array<{ resume?: () => Promise<unknown> }>) {
    if (typeof target.resume === 'function') {
      await target.resume().catch(() => undefined);
      return;
    }
  }
}

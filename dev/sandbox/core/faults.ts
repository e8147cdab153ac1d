/**
 * Fault injection for tests and manual trials: added latency, 429s, 503s and connection resets,
 * chosen per request (inner $batch requests included) by method and path.
 *
 * `after503` and `afterReset` are faults after the write: the request is applied, then its answer is
 * lost (a 503 in its place, or the connection dropped). A client cannot tell them from a fault before
 * the write, which is the case a retry or an undo must survive: Graph gives no guarantee either way
 * ("Microsoft Graph error responses": a 503 or a dropped connection says nothing of whether it applied).
 * On an inner $batch request, after503 replaces that step's answer; on the `$batch` itself, every step
 * runs and the whole answer is lost.
 */
import { GraphError } from './errors';
import { createPrng } from './prng';

export type FaultKind = '429' | '503' | 'reset' | 'after503' | 'afterReset';

/** True for the faults that let the request apply and lose only its answer. */
export const isAfterWrite = (rule: FaultRule): boolean => rule.kind === 'after503' || rule.kind === 'afterReset';

export interface FaultRule {
  kind: FaultKind;
  /** Retry-After in seconds (429 defaults to 1; 503 sends none unless set). */
  retryAfterSeconds?: number;
  /** Fire on the next N matching requests only, then retire. */
  next?: number;
  /** Let this many matching requests through first (the third $batch of a flow, not the first). */
  after?: number;
  /** Fire on this share (0..1) of matching requests, drawn from a seeded PRNG (deterministic). */
  rate?: number;
  /** Only requests with this method. */
  method?: string;
  /** Substring of the path after /v1.0, or a glob with `*` (e.g. `/me/messages/*\/move`). */
  pathPattern?: string;
}

export interface FaultPlan {
  /** Added to every HTTP request (a $batch costs one latency: it is one round trip). */
  latencyMs?: number;
  rules?: FaultRule[];
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

function pathMatches(pattern: string | undefined, path: string): boolean {
  if (!pattern) return true;
  if (pattern.includes('*')) return globToRegExp(pattern).test(path);
  return path.toLowerCase().includes(pattern.toLowerCase());
}

interface ActiveRule extends FaultRule {
  remaining?: number;
  toPass?: number;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private latency = 0;
  private random: () => number;

  constructor(private readonly seed: number) {
    this.random = createPrng(seed ^ 0x5eed);
  }

  setPlan(plan: FaultPlan): void {
    this.latency = Math.max(0, plan.latencyMs ?? 0);
    this.rules = (plan.rules ?? []).map((r) => ({ ...r, ...(r.next !== undefined ? { remaining: r.next } : {}), ...(r.after ? { toPass: r.after } : {}) }));
    this.random = createPrng(this.seed ^ 0x5eed);
  }

  clear(): void {
    this.setPlan({});
  }

  plan(): FaultPlan {
    return { latencyMs: this.latency, rules: this.rules.map(({ remaining, toPass, ...r }) => ({ ...r, ...(remaining !== undefined ? { next: remaining } : {}), ...(toPass !== undefined ? { after: toPass } : {}) })) };
  }

  latencyMs(): number {
    return this.latency;
  }

  /** The fault to inject for this request, if any; consumes one use of a `next` rule. */
  pick(method: string, path: string): FaultRule | undefined {
    for (const rule of this.rules) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!pathMatches(rule.pathPattern, path)) continue;
      if (rule.remaining !== undefined && rule.remaining <= 0) continue;
      if (rule.toPass) {
        rule.toPass -= 1;
        continue;
      }
      if (rule.rate !== undefined && this.random() >= rule.rate) continue;
      if (rule.remaining !== undefined) rule.remaining -= 1;
      return rule;
    }
    return undefined;
  }
}

/** The error a 429/503/after503 rule produces (a reset has no response: the socket is destroyed). */
export function faultError(rule: FaultRule): GraphError {
  if (rule.kind === '429') {
    // Body and headers as in the sample of "Microsoft Graph throttling guidance".
    const retryAfter = String(rule.retryAfterSeconds ?? 1);
    return new GraphError(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': retryAfter }, {
      code: '429',
      message: 'Please retry after',
      status: '429',
    });
  }
  const headers: Record<string, string> = rule.retryAfterSeconds !== undefined ? { 'Retry-After': String(rule.retryAfterSeconds) } : {};
  // "serviceNotAvailable" is the 503 code listed in "Microsoft Graph error responses and resource types".
  return new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.', headers);
}

/** Reads SANDBOX_LATENCY_MS, SANDBOX_FAULT_RATE and SANDBOX_FAULT (429|503|reset) for manual trials. */
export function faultPlanFromEnv(env: NodeJS.ProcessEnv): FaultPlan | undefined {
  const latencyMs = Number(env.SANDBOX_LATENCY_MS ?? '') || 0;
  const kind = env.SANDBOX_FAULT as FaultKind | undefined;
  const rateText = env.SANDBOX_FAULT_RATE;
  const rules: FaultRule[] = [];
  if (kind === '429' || kind === '503' || kind === 'reset' || kind === 'after503' || kind === 'afterReset') {
    const rate = rateText !== undefined && rateText !== '' ? Number(rateText) : 0.1;
    rules.push({ kind, rate: Number.isFinite(rate) ? Math.min(1, Math.max(0, rate)) : 0.1 });
  } else if (kind) {
    throw new Error(`SANDBOX_FAULT must be 429, 503, reset, after503 or afterReset (got ${kind})`);
  }
  if (!latencyMs && rules.length === 0) return undefined;
  return { latencyMs, rules };
}

/**
 * `npm run sandbox -- --reset` while a sandbox is already running (under `npm start`, say): the running
 * sandbox is asked for its seed and anchor, the lived-in state is built for them here, and the running
 * sandbox takes it whole (PUT /_sandbox/state). With `--empty` it goes back to the bare mailbox and an
 * unprovisioned site (POST /_sandbox/reset). Nothing is deleted under a running sandbox's feet.
 */
import http from 'node:http';
import https from 'node:https';
import type { SharePointReadings } from '../sharepoint';
import { buildLivedInState } from './build';
import type { LivedInSummary } from './write';

export interface ControlAnswer {
  status: number;
  body: unknown;
}

/** One control call; `ca` is the dev CA the sandbox's certificate comes from (https origins). */
export function controlCall(origin: string, method: string, path: string, body?: unknown, ca?: string): Promise<ControlAnswer> {
  const url = new URL(path, origin);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method,
        ...(ca ? { ca } : {}),
        headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : {},
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.setTimeout(120_000, () => request.destroy(new Error(`${origin} did not answer ${method} ${path}`)));
    request.end(payload);
  });
}

export interface SandboxHealth {
  seed: number;
  anchor: string;
  persisted: string | null;
}

/** The running sandbox's health, or undefined when nothing answers there. */
export async function runningSandbox(origin: string, ca?: string): Promise<SandboxHealth | undefined> {
  try {
    const answer = await controlCall(origin, 'GET', '/_sandbox/health', undefined, ca);
    return answer.status === 200 ? (answer.body as SandboxHealth) : undefined;
  } catch {
    return undefined;
  }
}

/** Resets a running sandbox to the lived-in record (or, `empty`, to an unprovisioned site). */
export async function resetRunningSandbox(
  origin: string,
  options: { empty?: boolean; ca?: string; readings?: Partial<SharePointReadings> } = {},
): Promise<LivedInSummary | undefined> {
  const health = await runningSandbox(origin, options.ca);
  if (!health) throw new Error(`no Graph sandbox answers at ${origin}`);
  if (options.empty) {
    const answer = await controlCall(origin, 'POST', '/_sandbox/reset', undefined, options.ca);
    if (answer.status !== 204) throw new Error(`the sandbox refused the reset (HTTP ${answer.status})`);
    return undefined;
  }
  const { state, summary } = await buildLivedInState({ seed: health.seed, anchor: new Date(health.anchor), ...(options.readings ? { readings: options.readings } : {}) });
  const answer = await controlCall(origin, 'PUT', '/_sandbox/state', state, options.ca);
  if (answer.status !== 204) throw new Error(`the sandbox refused the lived-in state (HTTP ${answer.status}); is it an older sandbox? Stop it and run this again.`);
  return summary;
}

export const describeSummary = (s: LivedInSummary): string =>
  `${s.people} people, ${s.organisations} organisations, ${s.projects} projects (${s.participations} participants), ${s.filings} filings and ${s.notes} notes by ${s.filers} colleagues`;

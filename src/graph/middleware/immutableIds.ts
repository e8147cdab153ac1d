import type { Context } from '@microsoft/microsoft-graph-client';
import { ChainedMiddleware, getHeader, requestUrl, setHeader } from './chain';

export const IMMUTABLE_ID_PREFERENCE = 'IdType="ImmutableId"';

/**
 * Asks for immutable ids on every request, and on every request inside a `$batch` (Graph applies
 * the outer request's headers to none of the inner ones). Without them, a message's id changes when
 * triage moves it, and every filing keyed by that id would be orphaned.
 */
export class ImmutableIdMiddleware extends ChainedMiddleware {
  async execute(context: Context): Promise<void> {
    setHeader(context, 'Prefer', withPreference(getHeader(context, 'Prefer'), IMMUTABLE_ID_PREFERENCE));
    if (isBatchUrl(requestUrl(context)) && typeof context.options?.body === 'string') {
      context.options.body = preferImmutableIdsInBatch(context.options.body);
    }
    await this.callNext(context);
  }
}

export function isBatchUrl(url: string): boolean {
  return /\/\$batch(?:\?|$)/.test(url);
}

/** Adds one preference to a Prefer header value, keeping the ones already there. */
export function withPreference(existing: string | undefined, preference: string): string {
  const parts = (existing ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  const name = preference.split('=')[0]!.toLowerCase();
  if (parts.some((part) => part.split('=')[0]!.toLowerCase() === name)) return parts.join(', ');
  return [...parts, preference].join(', ');
}

interface BatchBody {
  requests?: Array<{ headers?: Record<string, string> }>;
}

export function preferImmutableIdsInBatch(body: string): string {
  const batch = JSON.parse(body) as BatchBody;
  for (const request of batch.requests ?? []) {
    const headers = (request.headers ??= {});
    const key = Object.keys(headers).find((name) => name.toLowerCase() === 'prefer') ?? 'Prefer';
    headers[key] = withPreference(headers[key], IMMUTABLE_ID_PREFERENCE);
  }
  return JSON.stringify(batch);
}

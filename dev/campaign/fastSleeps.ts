/**
 * The campaign counts, it does not time: every `await sleep(ms)` the services make (a promise resolved
 * by a timer: the retry middleware's backoff, $batch and triage waits, Retry-After) fires at once, so
 * 1,000 clicks at 50% faults take minutes, not hours. What is retried, and how many times, is untouched.
 * Only timers whose callback is a native function (a promise's resolve) are shortened; sockets' and
 * servers' own timers pass through as they are.
 */
const NATIVE = /\{\s*\[native code\]\s*\}\s*$/;

export interface FastSleeps {
  /** How long the skipped sleeps would have taken, in ms. */
  skippedMs(): number;
  restore(): void;
}

export function installFastSleeps(): FastSleeps {
  const real = globalThis.setTimeout;
  let skipped = 0;
  const fast = ((callback: unknown, ms?: number, ...args: unknown[]) => {
    if (typeof callback === 'function' && typeof ms === 'number' && ms >= 50 && NATIVE.test(Function.prototype.toString.call(callback))) {
      skipped += ms;
      return real(callback as (...a: unknown[]) => void, 0, ...args);
    }
    return real(callback as (...a: unknown[]) => void, ms, ...args);
  }) as typeof setTimeout;
  globalThis.setTimeout = fast;
  return {
    skippedMs: () => skipped,
    restore: () => {
      if (globalThis.setTimeout === fast) globalThis.setTimeout = real;
    },
  };
}

/**
 * Long work in slices, so no task holds the taskpane's main thread for long (issue 18: none over
 * 50 ms while the entity index loads, restores or searches). A `Pause` resolves at once while the
 * current slice is within its budget, and otherwise after yielding to the host (a MessageChannel
 * message: a macrotask without setTimeout's 4 ms clamp), so rendering and input run in between.
 *
 * Slices bound the index's own code, not the garbage collector: building 200,000 records on the main
 * thread still gives collector pauses of 50-600 ms in Chromium (bench/entityIndexChromium.ts, December
 * 2026, a loaded machine). Only a heap off the main thread (a Web Worker) removes those.
 */
export type Pause = () => Promise<void>;

export const noPause: Pause = () => Promise.resolve();

/** Slices of `budgetMs` of work each (default 8 ms: well under 50 even at 4× CPU throttling). */
export function slicedPause(budgetMs = 8, now: () => number = () => performance.now()): Pause {
  let started = now();
  return async () => {
    if (now() - started < budgetMs) return;
    await yieldToHost();
    started = now();
  };
}

/** One macrotask later. */
export function yieldToHost(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** After the page has painted once: a frame, then a task (in Node, where nothing paints, one task). */
export function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined') return yieldToHost();
  return new Promise((resolve) => requestAnimationFrame(() => void yieldToHost().then(resolve)));
}

/**
 * A test hook for ordering without clocks: while held, every Graph call (top-level or inside a $batch)
 * waits once it has been routed and has taken its mailbox slot, before latency, faults and the handler.
 * A test holds, starts requests, waits until they are all waiting (so they hold their slots), does what
 * must happen meanwhile, then releases.
 */
export class RequestHold {
  private held = false;
  private readonly waiting: Array<() => void> = [];
  private readonly watchers: Array<{ count: number; resolve: () => void }> = [];

  hold(): void {
    this.held = true;
  }

  /** Lets every waiting call go on; calls that arrive later no longer wait. Pending `whenWaiting` promises are dropped. */
  release(): void {
    this.held = false;
    this.watchers.length = 0;
    for (const go of this.waiting.splice(0)) go();
  }

  /** Resolves once `count` calls are waiting (at once, when they already are). */
  whenWaiting(count: number): Promise<void> {
    if (this.waiting.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.watchers.push({ count, resolve }));
  }

  /** Where a call waits while the hold is on. */
  pass(): Promise<void> | undefined {
    if (!this.held) return undefined;
    const waited = new Promise<void>((resolve) => this.waiting.push(resolve));
    for (let i = this.watchers.length - 1; i >= 0; i--) {
      const watcher = this.watchers[i]!;
      if (this.waiting.length >= watcher.count) {
        this.watchers.splice(i, 1);
        watcher.resolve();
      }
    }
    return waited;
  }
}

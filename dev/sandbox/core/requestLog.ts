/** What the sandbox was asked over HTTP, for tests that assert on traffic (e.g. "one $batch, not 20 GETs"). */
export interface LoggedInnerRequest {
  id: string;
  method: string;
  url: string;
  status: number;
}

export interface LoggedRequest {
  method: string;
  /** Path and query as sent, e.g. `/v1.0/me/messages?$top=5`. */
  url: string;
  status: number;
  /** For $batch: how many inner requests it carried, and what became of each. */
  batchCount?: number;
  inner?: LoggedInnerRequest[];
  /** For $batch: the most inner requests it ran at the same time (a parallel batch up to 4, a serial or "same" one 1). */
  mostInFlight?: number;
  /**
   * Places in one count of arrivals and answers, shared by all requests: a request that arrived before
   * another was answered overlapped it. Lets tests count sequential round trips without timing them.
   */
  arrived: number;
  answered: number;
  /** True when a fault rule reset the connection (no status was sent; `status` is 0). */
  reset?: boolean;
  at: string;
}

export class RequestLog {
  private readonly entries: LoggedRequest[] = [];
  private events = 0;

  /** The next place in the count of arrivals and answers. */
  tick(): number {
    return ++this.events;
  }

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  list(): LoggedRequest[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries.length = 0;
  }
}

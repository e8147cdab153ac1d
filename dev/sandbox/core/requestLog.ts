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
  /** True when a fault rule reset the connection (no status was sent; `status` is 0). */
  reset?: boolean;
  at: string;
}

export class RequestLog {
  private readonly entries: LoggedRequest[] = [];

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

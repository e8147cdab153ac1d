/**
 * The request checker's interface (implemented in dev/contract/checker.ts by the contract work),
 * declared here structurally so the core does not depend on that file existing.
 */
export interface ContractRequest {
  method: string;
  /** After /v1.0, percent-decoded, no query. */
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

export interface ContractChecker {
  check(r: ContractRequest): string[];
}

export interface ContractViolation {
  method: string;
  url: string;
  problems: string[];
}

/** Runs the checker and keeps what it finds; never rejects the request (tests assert the list is empty). */
export class ContractRecorder {
  private readonly found: ContractViolation[] = [];

  constructor(private readonly checker: ContractChecker | undefined) {}

  check(request: ContractRequest, url: string): void {
    if (!this.checker) return;
    let problems: string[];
    try {
      problems = this.checker.check(request);
    } catch (error) {
      problems = [`contract checker threw: ${error instanceof Error ? error.message : String(error)}`];
    }
    if (problems.length > 0) this.found.push({ method: request.method, url, problems });
  }

  list(): ContractViolation[] {
    return [...this.found];
  }

  clear(): void {
    this.found.length = 0;
  }
}

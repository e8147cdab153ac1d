/**
 * The checker's interface (implemented in dev/contract/checker.ts), declared here structurally so the
 * core does not depend on that file existing. It judges requests and, when it can, responses.
 */
export interface ContractRequest {
  method: string;
  /** After /v1.0, percent-decoded, no query. */
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

export interface ContractResponse {
  status: number;
  body?: unknown;
}

export interface ContractChecker {
  check(r: ContractRequest): string[];
  /** Optional: a checker without it judges requests only. */
  checkResponse?(r: ContractRequest, response: ContractResponse): string[];
}

export interface ContractViolation {
  method: string;
  url: string;
  /** What is wrong with the request, then with the response (those sentences name the status). */
  problems: string[];
}

/**
 * Runs the checker on a request and the sandbox's response to it, and keeps what it finds as one
 * violation per exchange; never changes either (tests assert the list is empty).
 */
export class ContractRecorder {
  private readonly found: ContractViolation[] = [];

  constructor(private readonly checker: ContractChecker | undefined) {}

  /** `response` is undefined when there was none (the connection was dropped on purpose). */
  check(request: ContractRequest, url: string, response?: ContractResponse): void {
    const checker = this.checker;
    if (!checker) return;
    const problems = [...attempt(() => checker.check(request))];
    if (response && checker.checkResponse) problems.push(...attempt(() => checker.checkResponse?.(request, response) ?? []));
    if (problems.length > 0) this.found.push({ method: request.method, url, problems });
  }

  list(): ContractViolation[] {
    return [...this.found];
  }

  clear(): void {
    this.found.length = 0;
  }
}

function attempt(run: () => string[]): string[] {
  try {
    return run();
  } catch (error) {
    return [`contract checker threw: ${error instanceof Error ? error.message : String(error)}`];
  }
}

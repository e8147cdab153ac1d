/** The Graph sandbox's public surface (see dev/sandbox/core/server.ts and README). */
export { createSandbox, DEFAULT_SANDBOX_SEED, type Sandbox, type SandboxOptions } from './core/server';
export type { SandboxControl } from './core/control';
export type { FaultPlan, FaultRule, FaultKind } from './core/faults';
export type { LoggedRequest, LoggedInnerRequest } from './core/requestLog';
export type { ContractChecker, ContractRequest, ContractResponse, ContractViolation } from './core/contract';
export { makeSandboxToken, GRAPH_AUDIENCE, type SandboxTokenUser } from './core/token';
export { mailModule } from './mail';
export type * from './core/types';

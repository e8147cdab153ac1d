import { SandboxTokenSource } from '../auth/sandboxTokens';
import type { AccessTokenSource } from '../graph/middleware/auth';

/**
 * Tokens in a development build: the local Graph sandbox's issuer. startRuntime imports this module only
 * inside a branch that is literally false in other builds, so neither it nor its name reaches them.
 */
export const sandboxTokens = (origin: string): AccessTokenSource => new SandboxTokenSource(origin);

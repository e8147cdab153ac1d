/**
 * Who Trail is connected as, and whether a sign-in problem is one a click can get past: what the
 * pane's account line needs, without Graph or the token layer in the UI.
 */
import type { GraphClient } from '../graph/client';
import { SignInError, type SignInProblem } from '../graph/tokens';

/** Problems a click can get past: the click lets a sign-in window open, or asks for consent again. */
const RETRIED_BY_A_CLICK = new Set<SignInProblem>(['consentRequired', 'consentDeclined', 'cancelled', 'blocked', 'offline', 'failed']);

export interface AccountService {
  /** The signed-in user's display name; proves the Graph path (token, CORS, base URL) end to end. */
  connectedAs(): Promise<{ name: string }>;
  /** True when a Sign in click may mend this failure (a window it lets open, consent asked again). */
  clickMaySignIn(error: unknown): boolean;
}

export function createAccountService(graph: GraphClient): AccountService {
  return {
    async connectedAs() {
      const me = (await graph.api('/me').select(['displayName', 'mail']).get()) as { displayName: string };
      return { name: me.displayName };
    },
    clickMaySignIn: (error) => error instanceof SignInError && RETRIED_BY_A_CLICK.has(error.problem),
  };
}

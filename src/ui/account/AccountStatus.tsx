import { Button, Caption1, Spinner } from '@fluentui/react-components';
import type { Client } from '@microsoft/microsoft-graph-client';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { SignInError, type SignInProblem } from '../../graph/tokens';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useLatest } from '../shared/useAsync';

/** Problems a click can get past: the click lets a sign-in window open, or asks for consent again. */
const RETRIED_BY_A_CLICK = new Set<SignInProblem>(['consentRequired', 'consentDeclined', 'cancelled', 'blocked', 'offline', 'failed']);

type AccountState = { status: 'loading' } | { status: 'ready'; name: string } | { status: 'error'; error: unknown };

/**
 * Who Trail is connected as: proves the Graph path (token, CORS, base URL) works end to end. When
 * sign-in needs the user, a Sign in button retries from their click, which browsers let open a
 * sign-in window; `onSignedIn` then tells the pane to load what failed for want of a token.
 */
export function AccountStatus({ graph, onSignedIn }: { graph: Client; onSignedIn?: () => void }) {
  const [state, setState] = useState<AccountState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const failedBefore = useRef(false);
  // onSignedIn is a notification, not an input: a new function must not re-run the sign-in.
  const signedIn = useLatest(onSignedIn);
  useEffect(() => {
    let current = true;
    graph
      .api('/me')
      .select(['displayName', 'mail'])
      .get()
      .then(
        (me: { displayName: string }) => {
          if (!current) return;
          setState({ status: 'ready', name: me.displayName });
          if (failedBefore.current) signedIn.current?.();
          failedBefore.current = false;
        },
        (error: unknown) => {
          if (!current) return;
          failedBefore.current = true;
          setState({ status: 'error', error });
        },
      );
    return () => {
      current = false;
    };
  }, [graph, attempt, signedIn]);
  if (state.status === 'loading') return <Spinner size="tiny" label={<FormattedMessage id="account.connecting" />} />;
  if (state.status === 'error') {
    const retry = state.error instanceof SignInError && RETRIED_BY_A_CLICK.has(state.error.problem);
    return (
      <>
        <ErrorNotice error={state.error} />
        {retry && (
          <Button appearance="primary" size="small" onClick={() => setAttempt((n) => n + 1)} data-testid="account-sign-in">
            <FormattedMessage id="account.signIn" />
          </Button>
        )}
      </>
    );
  }
  return (
    <Caption1 data-testid="account-status">
      <FormattedMessage id="account.connected" values={{ name: state.name }} />
    </Caption1>
  );
}

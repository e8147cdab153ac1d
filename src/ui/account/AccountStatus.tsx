import { Button, Caption1, Spinner } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { AccountService } from '../../services/account';
import { ErrorNotice } from '../shared/ErrorNotice';

type AccountState = { status: 'loading' } | { status: 'ready'; name: string } | { status: 'error'; error: unknown };

/**
 * Who Trail is connected as: proves the Graph path (token, CORS, base URL) works end to end. When
 * sign-in needs the user, a Sign in button retries from their click, which browsers let open a
 * sign-in window; `onSignedIn` then tells the pane to load what failed for want of a token.
 */
export function AccountStatus({ account, onSignedIn }: { account: AccountService; onSignedIn?: () => void }) {
  const [state, setState] = useState<AccountState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const failedBefore = useRef(false);
  // A notification, not an input: a new function must not run the sign-in again.
  const signedIn = useRef(onSignedIn);
  useEffect(() => {
    signedIn.current = onSignedIn;
  });
  useEffect(() => {
    let current = true;
    account.connectedAs().then(
      ({ name }) => {
        if (!current) return;
        setState({ status: 'ready', name });
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
  }, [account, attempt]);
  if (state.status === 'loading') return <Spinner size="tiny" label={<FormattedMessage id="account.connecting" />} />;
  if (state.status === 'error') {
    return (
      <>
        <ErrorNotice error={state.error} />
        {account.clickMaySignIn(state.error) && (
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

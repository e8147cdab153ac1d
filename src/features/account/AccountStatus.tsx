import { Caption1, Spinner } from '@fluentui/react-components';
import type { Client } from '@microsoft/microsoft-graph-client';
import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { ErrorNotice } from '../errors/ErrorNotice';

type AccountState = { status: 'loading' } | { status: 'ready'; name: string } | { status: 'error'; error: unknown };

/** Who Trail is connected as: proves the Graph path (token, CORS, base URL) works end to end. */
export function AccountStatus({ graph }: { graph: Client }) {
  const [state, setState] = useState<AccountState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    graph
      .api('/me')
      .select(['displayName', 'mail'])
      .get()
      .then(
        (me: { displayName: string }) => current && setState({ status: 'ready', name: me.displayName }),
        (error: unknown) => current && setState({ status: 'error', error }),
      );
    return () => {
      current = false;
    };
  }, [graph]);
  if (state.status === 'loading') return <Spinner size="tiny" label={<FormattedMessage id="account.connecting" />} />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  return (
    <Caption1 data-testid="account-status">
      <FormattedMessage id="account.connected" values={{ name: state.name }} />
    </Caption1>
  );
}

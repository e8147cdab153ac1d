import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { ErrorNotice } from '../shared/ErrorNotice';
import type { EntitySearchState } from './useEntitySearch';

/** Why a search has no answer, with what to do: type more letters, or what the failure asks. Never "no results". */
export function SearchProblem({ problem }: { problem: EntitySearchState['problem'] }) {
  const intl = useIntl();
  if (!problem) return null;
  if (problem.kind === 'failed') {
    return (
      <div data-testid="filing-search-failed">
        <ErrorNotice error={problem.error} />
      </div>
    );
  }
  return (
    <MessageBar intent="warning" data-testid="filing-search-too-broad">
      <MessageBarBody>{intl.formatMessage({ id: 'filing.searchTooBroad' })}</MessageBarBody>
    </MessageBar>
  );
}

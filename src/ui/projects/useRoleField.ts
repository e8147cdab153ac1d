import { useCallback, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { FilingRuntime } from '../../services/filingRuntime';
import { projectKeepingOf } from '../../services/record/projectKeeping';
import { useAsync } from '../shared/useAsync';
import { matchingRoles, roleOptions } from './projectRoles';

/** The roles to offer in a role field: the record's own (read once per pane), then the defaults, those matching what is typed. */
export function useRoleField(runtime: FilingRuntime, me: { name: string }, typed: string) {
  const intl = useIntl();
  const read = useCallback(() => projectKeepingOf(runtime, me).usedRoles(), [runtime, me]);
  const { state } = useAsync(read, 'project-roles');
  const used = state.status === 'ready' ? state.value : null;
  const all = useMemo(() => roleOptions(intl, used ?? []), [intl, used]);
  const [open, setOpen] = useState(false);
  // A role chosen is shown whole: every role is offered again until something else is typed.
  const shown = all.some((o) => o.text === typed) ? all : matchingRoles(all, typed);
  return { options: shown, open, setOpen };
}

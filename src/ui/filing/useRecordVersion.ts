import { useEffect, useState } from 'react';
import { entityKey, type EntityRef } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';

/**
 * A number that grows each time one of the user's own changes to the record (services'
 * `runtime.changes`) touches one of these entities, or any entity when none are named: a view passes it
 * to useAsync as its version, so what it shows is read again at once.
 */
export function useRecordVersion(runtime: FilingRuntime, refs?: ReadonlyArray<EntityRef | undefined>): number {
  const [version, setVersion] = useState(0);
  const keys = refs ? refs.flatMap((r) => (r ? [entityKey(r)] : [])).join('\n') : null;
  useEffect(
    () =>
      runtime.changes.subscribe((changed) => {
        const watched = keys === null ? null : keys.split('\n');
        if (!watched || changed.some((r) => watched.includes(entityKey(r)))) setVersion((v) => v + 1);
      }),
    [runtime, keys],
  );
  return version;
}

import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { entityKey, type EntitySummary } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';
import { roleToKeep } from './projectRoles';
import { useEntitySearch } from './useEntitySearch';

const notAProject = (e: EntitySummary) => e.ref.kind !== 'project';

/** Finding a person or organisation to take part in a project, and the role they have in it. */
export function useParticipantPicker(runtime: FilingRuntime, onAdd: (entity: EntitySummary, role: string) => Promise<boolean> | boolean, onEdit?: () => void) {
  const intl = useIntl();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<EntitySummary | null>(null);
  const [role, setRole] = useState('');
  const [adding, setAdding] = useState(false);
  /** Where focus goes once someone is added (the role field and Add are gone): the search, for the next. */
  const searchRef = useRef<HTMLInputElement>(null);

  const { results, answered } = useEntitySearch(runtime, query, notAProject, !!chosen);
  /** Said when the search answered the text as it stands and found no one. */
  const noneFound = !chosen && answered !== null && results.length === 0;

  const choose = (key: string) => {
    const entity = results.find((e) => entityKey(e.ref) === key);
    if (!entity) return;
    setChosen(entity);
    setQuery(entity.name);
  };
  const change = (text: string) => {
    setQuery(text);
    setChosen(null);
    onEdit?.();
  };
  const changeRole = (text: string) => {
    setRole(text);
    onEdit?.();
  };
  const add = async () => {
    if (!chosen || adding) return;
    setAdding(true);
    try {
      // What was chosen and typed stays when the add fails, for another try.
      if (await onAdd(chosen, roleToKeep(intl, role))) {
        setChosen(null);
        setQuery('');
        setRole('');
        searchRef.current?.focus();
      }
    } finally {
      setAdding(false);
    }
  };
  return { searchRef, query, change, results, noneFound, chosen, choose, role, setRole: changeRole, add, adding };
}

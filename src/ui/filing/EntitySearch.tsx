import { Body1, Caption1, Checkbox, Field, Input, Spinner } from '@fluentui/react-components';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { entityKey, type EntitySummary } from '../../domain/entities';
import type { MessageKey } from '../../i18n/messages';
import type { FilingRuntime } from '../../services/filingRuntime';
import { RoleChips } from '../people/RoleChips';
import { RoleFilter } from '../people/RoleFilter';
import { withRole } from '../people/roleText';
import { entityCaption } from './entityCaption';
import { EntityLink } from './EntityView';
import { SearchProblem } from './SearchProblem';
import { useSearchBox } from './useEntitySearch';
import { FIND_SHORTCUT, useFindShortcut } from './useFindShortcut';
import { useRowStyles } from './useRowStyles';
import { useFilingWords } from './wording';

export interface RowProps {
  entity: EntitySummary;
  caption: string;
  selected: boolean;
  onToggle: (entity: EntitySummary) => void;
  onOpen: (entity: EntitySummary) => void;
  action: ReactNode;
  testId: string;
  /** The entity's stakeholder roles as chips (search results); none shown when left out. */
  showRoles?: boolean;
}

/** One entity to file to: select it (for filing to several), open it, or file at once. */
export function EntityRow({ entity, caption, selected, onToggle, onOpen, action, testId, showRoles = false }: RowProps) {
  const styles = useRowStyles();
  const intl = useIntl();
  const words = useFilingWords();
  return (
    <li className={styles.row} data-testid={testId}>
      <Checkbox checked={selected} onChange={() => onToggle(entity)} aria-label={intl.formatMessage({ id: words.select }, { name: entity.name })} data-testid={`${testId}-select`} />
      <span className={styles.text}>
        <Body1>
          <EntityLink entity={entity} onOpen={onOpen} />
        </Body1>
        <Caption1 className={styles.muted}>{caption}</Caption1>
        {showRoles && <RoleChips roles={entity.roles ?? []} testId={`${testId}-roles`} />}
      </span>
      {action}
    </li>
  );
}

export interface EntitySearchProps {
  runtime: FilingRuntime;
  filedKeys: ReadonlySet<string>;
  isSelected: (entity: EntitySummary) => boolean;
  onToggle: (entity: EntitySummary) => void;
  onOpen: (entity: EntitySummary) => void;
  fileButton: (entity: EntitySummary, testId: string, onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void, ref: (el: HTMLButtonElement | null) => void) => ReactNode;
  /** Offered when what is typed names nothing exactly: e.g. "Create project '…'". */
  create?: (name: string) => ReactNode;
}

/**
 * Search as you type, results grouped by kind. Arrow Down from the box moves to the first result's
 * File button, arrows move between results, Escape returns to the box: file with keys alone. "/" from
 * anywhere in the pane comes back to the box (useFindShortcut), as the hint says.
 */
export function EntitySearch({ runtime, filedKeys, isSelected, onToggle, onOpen, fileButton, create }: EntitySearchProps) {
  const styles = useRowStyles();
  const intl = useIntl();
  const words = useFilingWords();
  const { query, setQuery, search, groups: found, input, buttons, onInputKey, onResultKey } = useSearchBox(runtime);
  useFindShortcut(input);
  // "Show only" a stakeholder role among the results: the roles offered are those the results have.
  const [role, setRole] = useState<string | null>(null);
  const roles = [...new Set(search.results.flatMap((e) => e.roles ?? []))].sort((a, b) => a.localeCompare(b, 'fi'));
  const shownRole = role && roles.includes(role) ? role : null;
  const groups = found.map((g) => ({ ...g, results: withRole(g.results, shownRole) })).filter((g) => g.results.length > 0);

  const typed = query.trim().toLocaleLowerCase('fi');
  const offerCreate = !!create && !!typed && !search.results.some((e) => e.name.trim().toLocaleLowerCase('fi') === typed);
  let position = -1;
  return (
    <>
      <Field label={intl.formatMessage({ id: 'filing.search' })} hint={intl.formatMessage({ id: search.results.length > 0 ? words.searchKeys : 'filing.findShortcut' })}>
        <Input
          ref={input}
          type="search"
          aria-keyshortcuts={FIND_SHORTCUT}
          value={query}
          onChange={(_, d) => setQuery(d.value)}
          onKeyDown={onInputKey}
          onFocus={() => void runtime.index.freshen()}
          placeholder={intl.formatMessage({ id: 'filing.searchPlaceholder' })}
          data-testid="filing-search"
        />
      </Field>
      {search.searching && <Spinner size="tiny" label={intl.formatMessage({ id: 'filing.searching' })} />}
      <SearchProblem problem={search.searching ? null : search.problem} />
      {query.trim() && !search.searching && !search.problem && search.results.length === 0 && <Caption1>{intl.formatMessage({ id: create ? 'projects.noResults' : 'filing.noResults' })}</Caption1>}
      {found.length > 0 && <RoleFilter roles={roles} value={shownRole} onChange={setRole} testId="search-role-filter" />}
      {groups.length > 0 && (
        <div data-testid="filing-results" role="group" aria-label={intl.formatMessage({ id: 'filing.results' })}>
          {groups.map((group) => (
            <div key={group.kind}>
              <Caption1 as="h4" className={styles.muted}>
                {intl.formatMessage({ id: `filing.group.${group.kind}` as MessageKey })}
              </Caption1>
              <ul className={styles.list}>
                {group.results.map((entity) => {
                  const index = ++position;
                  const filed = filedKeys.has(entityKey(entity.ref));
                  return (
                    <EntityRow
                      key={entityKey(entity.ref)}
                      entity={entity}
                      caption={entityCaption(intl, entity)}
                      selected={isSelected(entity)}
                      onToggle={onToggle}
                      onOpen={onOpen}
                      testId="search-result"
                      showRoles
                      action={
                        filed ? (
                          <Caption1>{intl.formatMessage({ id: 'filing.already' })}</Caption1>
                        ) : (
                          fileButton(entity, 'search-result-file', onResultKey, (el) => (buttons.current[index] = el))
                        )
                      }
                    />
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      )}
      {offerCreate && create(query)}
    </>
  );
}

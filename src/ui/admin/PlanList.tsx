import { Body1 } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { MessageKey } from '../../i18n/messages';
import { planIsEmpty, type FoundType, type ListPlan, type ProvisioningPlan } from '../../services/provisioning/provisioningService';
import { useAdminPanelStyles } from './useAdminPanelStyles';

const TYPE_WORDS: Record<FoundType, MessageKey> = {
  text: 'admin.type.text',
  note: 'admin.type.note',
  number: 'admin.type.number',
  dateTime: 'admin.type.dateTime',
  boolean: 'admin.type.boolean',
  choice: 'admin.type.choice',
  other: 'admin.type.other',
};

interface Line {
  text: string;
  conflict: boolean;
}

/** A plan in plain words, one line per thing to do; a conflicting column gets a line of its own. */
export function PlanList({ plan }: { plan: ProvisioningPlan }) {
  const styles = useAdminPanelStyles();
  const intl = useIntl();
  const empty = planIsEmpty(plan);

  const linesOf = (list: ListPlan): Line[] => {
    const say = (id: MessageKey, values: Record<string, string> = {}) => intl.formatMessage({ id }, { list: list.displayName, ...values });
    const typeName = (type: FoundType) => intl.formatMessage({ id: TYPE_WORDS[type] });
    const conflicts = list.conflicts.map((c) => ({
      text: say('admin.list.conflict', { column: c.name, found: typeName(c.found), expected: typeName(c.expected) }),
      conflict: true,
    }));
    if (empty) return conflicts;
    if (list.create) return [{ text: say('admin.list.create'), conflict: false }];
    const work = [
      ...(list.addColumns.length ? [say('admin.list.addColumns', { columns: list.addColumns.join(', ') })] : []),
      ...(list.indexColumns.length ? [say('admin.list.index', { columns: list.indexColumns.map((c) => c.name).join(', ') })] : []),
    ].map((text) => ({ text, conflict: false }));
    return work.length || conflicts.length ? [...work, ...conflicts] : [{ text: say('admin.list.ok'), conflict: false }];
  };
  const lines = plan.lists.flatMap(linesOf);

  return (
    <>
      {empty && <Body1 data-testid="admin-nothing-to-do">{intl.formatMessage({ id: 'admin.nothingToDo' })}</Body1>}
      {lines.length > 0 && (
        <ul className={styles.plan} data-testid="admin-plan">
          {lines.map((line) => (
            <li key={line.text}>
              <Body1 className={line.conflict ? styles.conflict : undefined}>{line.text}</Body1>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

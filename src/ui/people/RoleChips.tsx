import { Tag } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { roleText } from './roleText';
import { usePersonEditorStyles } from './usePersonEditorStyles';

/**
 * Stakeholder roles as chips (on cards, views and search results); nothing when there are none.
 * Shown, not operated: a plain group, not a TagGroup, whose arrow-key focus handling added hidden
 * focusable guards around chips nobody can focus (axe: aria-hidden-focus).
 */
export function RoleChips({ roles, testId = 'role-chips' }: { roles: readonly string[]; testId?: string }) {
  const intl = useIntl();
  const styles = usePersonEditorStyles();
  if (roles.length === 0) return null;
  return (
    <div role="group" className={styles.chips} aria-label={intl.formatMessage({ id: 'people.roles' })} data-testid={testId}>
      {roles.map((role) => (
        <Tag key={role} size="extra-small" appearance="outline" value={role}>
          {roleText(intl, role)}
        </Tag>
      ))}
    </div>
  );
}

import { Tag, TagGroup } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { roleText } from './roleText';

/** Stakeholder roles as chips (on cards, views and search results); nothing when there are none. */
export function RoleChips({ roles, testId = 'role-chips' }: { roles: readonly string[]; testId?: string }) {
  const intl = useIntl();
  if (roles.length === 0) return null;
  return (
    <TagGroup aria-label={intl.formatMessage({ id: 'people.roles' })} data-testid={testId}>
      {roles.map((role) => (
        <Tag key={role} size="extra-small" appearance="outline" value={role}>
          {roleText(intl, role)}
        </Tag>
      ))}
    </TagGroup>
  );
}

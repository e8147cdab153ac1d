import { Field, Select } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { roleText } from './roleText';

/** "Show only" a stakeholder role among a view's people; nothing when none of them has a role. Pure. */
export function RoleFilter({ roles, value, onChange, testId = 'role-filter' }: { roles: readonly string[]; value: string | null; onChange: (role: string | null) => void; testId?: string }) {
  const intl = useIntl();
  if (roles.length === 0) return null;
  return (
    <Field label={intl.formatMessage({ id: 'people.filterByRole' })} orientation="horizontal" size="small">
      <Select size="small" value={value ?? ''} onChange={(_, d) => onChange(d.value || null)} data-testid={testId}>
        <option value="">{intl.formatMessage({ id: 'people.allRoles' })}</option>
        {roles.map((role) => (
          <option key={role} value={role}>
            {roleText(intl, role)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

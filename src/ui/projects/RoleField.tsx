import { Combobox, mergeClasses, Option } from '@fluentui/react-components';
import type { FilingRuntime } from '../../services/filingRuntime';
import { useRecordFormStyles } from './useRecordFormStyles';
import { useRoleField } from './useRoleField';

export interface RoleFieldProps {
  runtime: FilingRuntime;
  me: { name: string };
  /** The role as the user reads it (a known role in their language). */
  value: string;
  onChange: (text: string) => void;
  /** Enter with the list closed; and, for a role changed in place (`inPlace`), a role chosen from the list or leaving the field. */
  onCommit?: (text: string) => void;
  inPlace?: boolean;
  size?: 'small' | 'medium';
  autoFocus?: boolean;
  className?: string;
  'aria-label'?: string;
  testId: string;
}

/**
 * A participant's role: typed freely, or chosen from the roles the record's projects already use and a
 * few defaults in the user's language, so colleagues give the same role the same words (issue 16).
 */
export function RoleField({ runtime, me, value, onChange, onCommit, inPlace = false, size = 'medium', autoFocus = false, className, testId, ...aria }: RoleFieldProps) {
  const styles = useRecordFormStyles();
  const r = useRoleField(runtime, me, value);
  return (
    <Combobox
      freeform
      autoFocus={autoFocus}
      size={size}
      // Fluent's combobox is 250 px at least: in a 320 px pane it ran over the Add beside it.
      className={mergeClasses(styles.shrink, className)}
      input={{ className: styles.shrinkInput }}
      aria-label={aria['aria-label']}
      value={value}
      open={r.open && r.options.length > 0}
      onOpenChange={(_, d) => r.setOpen(d.open)}
      onChange={(e) => {
        onChange(e.target.value);
        r.setOpen(true);
      }}
      onOptionSelect={(_, d) => {
        if (d.optionText === undefined) return;
        onChange(d.optionText);
        if (inPlace) onCommit?.(d.optionText);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !(r.open && r.options.length > 0)) onCommit?.(value);
      }}
      onBlur={() => inPlace && onCommit?.(value)}
      data-testid={testId}
    >
      {r.options.map((o) => (
        <Option key={o.role} value={o.role} text={o.text} data-testid={`${testId}-option`}>
          {o.text}
        </Option>
      ))}
    </Combobox>
  );
}

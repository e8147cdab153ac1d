import { Button, Caption1, Field, Input } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { EntityKind, EntitySummary } from '../../domain/entities';
import type { RecordKeeping } from '../../services/record/recordKeeping';
import { entityCaption } from '../filing/entityCaption';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useEntityPicker } from './useEntityPicker';
import { useNoteFormStyles } from './useNoteFormStyles';

export interface EntityPickerProps {
  keeping: RecordKeeping;
  label: string;
  onPick: (entity: EntitySummary) => void;
  kinds?: readonly EntityKind[];
  /** Left out of the results (already chosen, or the entity itself). */
  exclude?: readonly EntitySummary[];
  testId: string;
}

/** A search box with its results as buttons: type, then Tab to a result and press Enter. */
export function EntityPicker({ keeping, label, onPick, kinds, exclude = [], testId }: EntityPickerProps) {
  const intl = useIntl();
  const styles = useNoteFormStyles();
  const picker = useEntityPicker(keeping, kinds);
  const taken = new Set(exclude.map((e) => `${e.ref.kind}:${e.ref.id}`));
  const results = picker.state.status === 'ready' ? picker.state.value.filter((r) => !taken.has(`${r.ref.kind}:${r.ref.id}`)) : [];
  return (
    <div className={styles.column}>
      <Field label={label}>
        <Input value={picker.text} onChange={(_, d) => picker.setText(d.value)} data-testid={`${testId}-input`} />
      </Field>
      {picker.state.status === 'error' && <ErrorNotice error={picker.state.error} />}
      {results.length > 0 && (
        <ul className={styles.list} data-testid={`${testId}-results`}>
          {results.map((r) => (
            <li key={`${r.ref.kind}:${r.ref.id}`}>
              <Button
                size="small"
                appearance="subtle"
                className={styles.result}
                onClick={() => {
                  onPick(r);
                  picker.clear();
                }}
                data-testid={`${testId}-result`}
              >
                <span>
                  {r.name} <Caption1 className={styles.muted}>{`· ${entityCaption(intl, r)}`}</Caption1>
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

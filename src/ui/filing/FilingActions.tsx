import { Button, Field, Select, Spinner } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { MessageKey } from '../../i18n/messages';
import { TRIAGE_ACTIONS } from '../../services/triage/types';
import type { AfterFiling, FilingControls } from './useFiling';
import { useFilingPanelStyles } from './useFilingPanelStyles';
import { useFilingWords } from './wording';

/** File to the selected entities; and, for a message, what filing does next to it. */
export function FilingActions({ f, offerAfter }: { f: FilingControls; offerAfter: boolean }) {
  const styles = useFilingPanelStyles();
  const intl = useIntl();
  const words = useFilingWords();
  return (
    <div className={styles.actions}>
      {f.selected.length > 0 && (
        <Button appearance="primary" disabled={f.busy !== null || f.noteTooLong} onClick={() => void f.fileTo(f.selected, 'selected')} data-testid="filing-file-selected">
          {f.busy === 'selected' ? <Spinner size="extra-tiny" /> : intl.formatMessage({ id: words.fileSelected }, { count: f.selected.length })}
        </Button>
      )}
      {offerAfter && (
        <Field className={styles.after} label={intl.formatMessage({ id: 'filing.after' })} size="small">
          <Select size="small" value={f.after} onChange={(_, d) => f.setAfter(d.value as AfterFiling)} data-testid="filing-after">
            <option value="stay">{intl.formatMessage({ id: 'filing.after.stay' })}</option>
            {TRIAGE_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {intl.formatMessage({ id: `filing.after.${action}` as MessageKey })}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}

import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Spinner, tokens } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { DEFAULT_DUE_RULE } from '../../domain/triage/dueDate';
import { MAX_FOLDER_NAME_LENGTH, type SettingsProblem, type TriageSettings } from '../../domain/triage/settings';
import type { MessageKey } from '../../i18n/messages';
import { SettingsConflictError, type TriageService } from '../../services/triage/triageService';
import { ErrorNotice } from '../shared/ErrorNotice';
import { timeText, useTriageSettingsForm } from './useTriageSettingsForm';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  due: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const PROBLEM: Record<SettingsProblem, MessageKey> = { invalidName: 'triageSettings.invalidName', sameName: 'triageSettings.sameName' };
// Shown to the user as the rule in settings.ts refuses them (control characters go without saying).
const FORBIDDEN_SHOWN = '[ ] / \\ & ~ ? * | < > " ; : +';
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
// 2024-01-01 was a Monday: ISO weekday n is that date plus n - 1 days, named in the user's language.
const weekdayDate = (weekday: number) => new Date(Date.UTC(2024, 0, weekday, 12));

/**
 * Folder names and when ASAP mail is due. What the user typed stays in the form whatever happens:
 * a refused name says why beside the field, a failed save says why and keeps the draft.
 */
export function TriageSettingsForm({ service, onSaved }: { service: TriageService; onSaved: (settings: TriageSettings) => void }) {
  const styles = useStyles();
  const intl = useIntl();
  const { asap, setAsap, readLater, setReadLater, weekday, setWeekday, time, setTime, saving, problems, save } = useTriageSettingsForm(service, intl.locale, onSaved);

  const nameField = (label: MessageKey, value: string, set: (v: string) => void, problem: SettingsProblem | undefined, testId: string) => (
    <Field label={intl.formatMessage({ id: label })} validationMessage={problem ? intl.formatMessage({ id: PROBLEM[problem] }, { max: MAX_FOLDER_NAME_LENGTH, forbidden: FORBIDDEN_SHOWN }) : undefined}>
      <Input value={value} onChange={(_, d) => set(d.value)} data-testid={testId} />
    </Field>
  );

  return (
    <form className={styles.form} onSubmit={(e) => void save(e)} noValidate data-testid="triage-settings">
      {nameField('triageSettings.asapFolder', asap, setAsap, problems.asapFolderName, 'settings-asap')}
      {nameField('triageSettings.readLaterFolder', readLater, setReadLater, problems.readLaterFolderName, 'settings-read-later')}
      <div className={styles.due}>
        <Field label={intl.formatMessage({ id: 'triageSettings.dueDay' })}>
          <Select value={String(weekday)} onChange={(_, d) => setWeekday(Number(d.value))} data-testid="settings-due-day">
            {WEEKDAYS.map((d) => (
              <option key={d} value={d}>
                {intl.formatDate(weekdayDate(d), { weekday: 'long', timeZone: 'UTC' })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={intl.formatMessage({ id: 'triageSettings.dueTime' })} validationMessage={problems.dueRule ? intl.formatMessage({ id: 'triageSettings.invalidTime' }) : undefined}>
          <Input value={time} inputMode="numeric" placeholder={timeText(DEFAULT_DUE_RULE, intl.locale)} onChange={(_, d) => setTime(d.value)} data-testid="settings-due-time" />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={saving.kind === 'busy'} data-testid="settings-save">
          {intl.formatMessage({ id: 'triageSettings.save' })}
        </Button>
        {saving.kind === 'busy' && <Spinner size="tiny" label={intl.formatMessage({ id: 'triageSettings.saving' })} />}
      </div>
      {saving.kind === 'saved' && (
        <MessageBar intent="success" data-testid="settings-saved">
          <MessageBarBody>{intl.formatMessage({ id: 'triageSettings.saved' })}</MessageBarBody>
        </MessageBar>
      )}
      {saving.kind === 'error' &&
        (saving.error instanceof SettingsConflictError ? (
          <MessageBar intent="error" data-testid="settings-conflict">
            <MessageBarBody>{intl.formatMessage({ id: 'triageSettings.swap' }, { name: saving.error.folderName })}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorNotice error={saving.error} />
        ))}
    </form>
  );
}

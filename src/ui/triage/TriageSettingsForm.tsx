import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Spinner, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { DEFAULT_DUE_RULE, type DueRule } from '../../domain/triage/dueDate';
import { checkSettingsChange, MAX_FOLDER_NAME_LENGTH, type SettingsProblem, type TriageSettings } from '../../domain/triage/settings';
import type { MessageKey } from '../../i18n/messages';
import { SettingsConflictError, type TriageService } from '../../services/triage/triageService';
import { ErrorNotice } from '../shared/ErrorNotice';

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

const pad = (n: number) => String(n).padStart(2, '0');
// Finnish writes times with a period (16.00), English with a colon.
const timeText = (rule: DueRule, locale: string) => `${pad(rule.hour)}${locale.startsWith('fi') ? '.' : ':'}${pad(rule.minute)}`;

/**
 * A time of day as people type it: "16:00", Finnish "16.00", or just "16". A plain text field rather
 * than <input type="time">, whose 12/24-hour display follows the browser's locale, not Office's.
 */
function parseTime(text: string): [number, number] {
  const match = /^\s*(\d{1,2})(?:[:.](\d{2}))?\s*$/.exec(text);
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : [NaN, NaN];
}

type Saving = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved' } | { kind: 'error'; error: unknown };

/**
 * Folder names and when ASAP mail is due. What the user typed stays in the form whatever happens:
 * a refused name says why beside the field, a failed save says why and keeps the draft.
 */
export function TriageSettingsForm({ service, onSaved }: { service: TriageService; onSaved: (settings: TriageSettings) => void }) {
  const styles = useStyles();
  const intl = useIntl();
  const initial = service.settings();
  const [asap, setAsap] = useState(initial.asapFolderName);
  const [readLater, setReadLater] = useState(initial.readLaterFolderName);
  const [weekday, setWeekday] = useState<number>(initial.dueRule.weekday);
  const [time, setTime] = useState(timeText(initial.dueRule, intl.locale));
  const [saving, setSaving] = useState<Saving>({ kind: 'idle' });
  const [showProblems, setShowProblems] = useState(false);

  const [hour, minute] = parseTime(time);
  const check = checkSettingsChange({ asapFolderName: asap, readLaterFolderName: readLater, dueRule: { weekday: weekday as DueRule['weekday'], hour: hour!, minute: minute! } });
  const problems = showProblems && !check.ok ? check.problems : {};

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (!check.ok || saving.kind === 'busy') return;
    setSaving({ kind: 'busy' });
    try {
      const saved = await service.changeSettings(check.change);
      setAsap(saved.asapFolderName);
      setReadLater(saved.readLaterFolderName);
      setSaving({ kind: 'saved' });
      onSaved(saved);
    } catch (error) {
      setSaving({ kind: 'error', error });
    }
  };

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

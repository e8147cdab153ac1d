import { useState, type FormEvent } from 'react';
import type { DueRule } from '../../domain/triage/dueDate';
import { checkSettingsChange, type SettingsCheck, type SettingsProblem, type TriageSettings } from '../../domain/triage/settings';
import type { TriageService } from '../../services/triage/triageService';

export type Saving = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved' } | { kind: 'error'; error: unknown };

const pad = (n: number) => String(n).padStart(2, '0');
// Finnish writes times with a period (16.00), English with a colon.
export const timeText = (rule: DueRule, locale: string) => `${pad(rule.hour)}${locale.startsWith('fi') ? '.' : ':'}${pad(rule.minute)}`;

/**
 * A time of day as people type it: "16:00", Finnish "16.00", or just "16". A plain text field rather
 * than <input type="time">, whose 12/24-hour display follows the browser's locale, not Office's.
 */
export function parseTime(text: string): [number, number] {
  const match = /^\s*(\d{1,2})(?:[:.](\d{2}))?\s*$/.exec(text);
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : [NaN, NaN];
}

type Problems = Partial<Record<'asapFolderName' | 'readLaterFolderName', SettingsProblem>> & { dueRule?: 'invalid' };

/**
 * The settings form's draft and its save. The folders are named as the mailbox names them (as the
 * pane's counts do): a folder made in English is "Read later" to a Finnish user too. A name left as
 * shown is no change, so saving a new due time renames nothing and keeps the names the organisation's.
 */
export function useTriageSettingsForm(service: TriageService, locale: string, onSaved: (settings: TriageSettings) => void) {
  const [shown, setShown] = useState(() => ({ asap: service.destinationName('asap'), readLater: service.destinationName('readLater') }));
  const [asap, setAsap] = useState(shown.asap);
  const [readLater, setReadLater] = useState(shown.readLater);
  const [weekday, setWeekday] = useState<number>(() => service.settings().dueRule.weekday);
  const [time, setTime] = useState(() => timeText(service.settings().dueRule, locale));
  const [saving, setSaving] = useState<Saving>({ kind: 'idle' });
  const [showProblems, setShowProblems] = useState(false);

  const [hour, minute] = parseTime(time);
  const check: SettingsCheck = checkSettingsChange({ asapFolderName: asap, readLaterFolderName: readLater, dueRule: { weekday: weekday as DueRule['weekday'], hour, minute } });
  const problems: Problems = showProblems && !check.ok ? check.problems : {};

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (!check.ok || saving.kind === 'busy') return;
    setSaving({ kind: 'busy' });
    const current = service.settings();
    // Unchanged from what the form showed: the settings' own name, so nothing is renamed.
    const asapChanged = check.change.asapFolderName !== shown.asap;
    const readLaterChanged = check.change.readLaterFolderName !== shown.readLater;
    try {
      const saved = await service.changeSettings({
        ...check.change,
        asapFolderName: asapChanged || shown.asap === current.asapFolderName ? check.change.asapFolderName : current.asapFolderName,
        readLaterFolderName: readLaterChanged || shown.readLater === current.readLaterFolderName ? check.change.readLaterFolderName : current.readLaterFolderName,
      });
      const next = { asap: asapChanged ? saved.asapFolderName : shown.asap, readLater: readLaterChanged ? saved.readLaterFolderName : shown.readLater };
      setShown(next);
      setAsap(next.asap);
      setReadLater(next.readLater);
      setSaving({ kind: 'saved' });
      onSaved(saved);
    } catch (error) {
      setSaving({ kind: 'error', error });
    }
  };

  return { asap, setAsap, readLater, setReadLater, weekday, setWeekday, time, setTime, saving, problems, save };
}

import { useState } from 'react';

/** What the last save of an editor came to: what it saved (said until the form is changed again), or why it failed. */
export type SaveOutcome<Saved> = Saved | { kind: 'failed'; error: unknown };

/**
 * The saves of an editor that corrects one entry of the record (a project, an organisation): one at a
 * time; each reads the entry again afterwards, so what is shown, and the version (If-Match) the next
 * save is sent against, is the latest, also after a conflict. A failure is said once the form can be
 * used again, with what was typed kept. What was saved is said only until the form is changed again
 * (`edited`): a "Saved." never stands beside changes that are not.
 */
export function useRecordSave<Saved extends { kind: string }>(reload: () => Promise<void>, onChanged?: () => void) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome<Saved> | null>(null);

  /** Runs one save; `said` words its result. Resolves false when it failed (or another save was running). */
  const run = async <T>(work: () => Promise<T>, said: (result: T) => Saved): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await work();
      await reload();
      setOutcome(said(result));
      onChanged?.();
      return true;
    } catch (error) {
      await reload(); // the latest version, so the next save is sent against it
      setOutcome({ kind: 'failed', error });
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** The form was changed again: what was saved before is no longer what it shows. A failure stays said. */
  const edited = () => setOutcome((o) => (o && o.kind !== 'failed' ? null : o));

  return { busy, outcome, run, edited };
}

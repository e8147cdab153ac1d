import { useState } from 'react';
import type { AddressProblem } from '../../domain/addresses';
import type { EntitySummary, Person } from '../../domain/entities';
import { draftOf, draftProblems, type DraftField, type DraftProblem, type DuplicateCandidate, type PersonDraft, type RecordKeeping } from '../../services/record/recordKeeping';

export type EditorStatus =
  | { kind: 'editing' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; error: unknown }
  | { kind: 'conflict'; fields: DraftField[]; latest: Person }
  | { kind: 'duplicate'; address: string; owner: EntitySummary | undefined }
  | { kind: 'invalid'; problems: Array<{ field: string; value: string; problem: string }> }
  /** Nothing saved: other people already have the new name; the user opens one, merges, or saves anyway. */
  | { kind: 'sameName'; name: string; others: DuplicateCandidate[] };

/**
 * Editing a person: the draft stays as typed through every failure (nothing typed is lost), and a
 * conflict with a colleague's edit is asked, never overwritten: keep mine (saved over the latest) or
 * take theirs (the draft takes the latest values of the clashing fields).
 */
export function usePersonEditor(keeping: RecordKeeping, person: Person, onSaved: (person: Person) => void) {
  const [base, setBase] = useState(person);
  const [draft, setDraft] = useState<PersonDraft>(() => draftOf(person));
  const [status, setStatus] = useState<EditorStatus>({ kind: 'editing' });
  const set = <K extends DraftField>(field: K, value: PersonDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  // Every field is checked at once (one Save flags them all, each at its field) and nothing is sent
  // while any is wrong. The phone and the name's length are said as the user types; a missing name
  // and the addresses (a half-typed one is not yet wrong) once Save was pressed, then as typed.
  const problems = draftProblems(draft);
  const [asked, setAsked] = useState(false);
  const phoneInvalid = problems.some((p) => p.field === 'phone');
  const nameTooLong = problems.some((p) => p.problem === 'nameTooLong');
  const nameMissing = asked && problems.some((p) => p.problem === 'emptyName');
  const emailProblem = (index: number): AddressProblem | undefined =>
    asked ? problems.find((p): p is Extract<DraftProblem, { field: 'emails' }> => p.field === 'emails' && p.index === index)?.problem : undefined;

  const saveOver = async (over: Person, anyway = false) => {
    setAsked(true);
    if (problems.length) return;
    setStatus({ kind: 'saving' });
    try {
      const result = await keeping.savePerson(over, draft, { anyway });
      if (result.status === 'saved') {
        setBase(result.person);
        setStatus({ kind: 'saved' });
        onSaved(result.person);
      } else if (result.status === 'conflict') setStatus({ kind: 'conflict', fields: result.fields, latest: result.latest });
      else if (result.status === 'duplicate') setStatus({ kind: 'duplicate', address: result.address, owner: result.owner });
      else if (result.status === 'sameName') setStatus({ kind: 'sameName', name: draft.name.trim(), others: result.others });
      else setStatus({ kind: 'invalid', problems: result.problems });
    } catch (error) {
      setStatus({ kind: 'error', error });
    }
  };

  return {
    draft,
    set,
    status,
    phoneInvalid,
    nameMissing,
    nameTooLong,
    nameLength: draft.name.trim().length,
    emailProblem,
    toggleRole: (role: string) => set('roles', draft.roles.includes(role) ? draft.roles.filter((r) => r !== role) : [...draft.roles, role]),
    setEmail: (i: number, value: string) => set('emails', draft.emails.map((e, j) => (j === i ? value : e))),
    addEmail: () => set('emails', [...draft.emails, '']),
    removeEmail: (i: number) => set('emails', draft.emails.filter((_, j) => j !== i)),
    setOrganisation: (organisation: EntitySummary | null) => set('organisationId', organisation?.ref.id ?? null),
    save: () => (status.kind === 'saving' ? undefined : void saveOver(base)),
    /** After the same-name warning: this is someone else, saved under the name all the same. */
    saveAnyway: () => (status.kind === 'sameName' ? void saveOver(base, true) : undefined),
    /** After a conflict: my values saved over what the record holds now. */
    keepMine: () => {
      if (status.kind !== 'conflict') return;
      setBase(status.latest);
      void saveOver(status.latest);
    },
    /** After a conflict: the clashing fields take the record's values; the rest of my draft stays. */
    takeTheirs: () => {
      if (status.kind !== 'conflict') return;
      const theirs = draftOf(status.latest);
      setDraft((d) => ({ ...d, ...Object.fromEntries(status.fields.map((f) => [f, theirs[f]])) }));
      setBase(status.latest);
      setStatus({ kind: 'editing' });
    },
  };
}

export type PersonEditorControls = ReturnType<typeof usePersonEditor>;

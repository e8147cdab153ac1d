import { useCallback, useEffect, useRef, useState } from 'react';
import { sameEntity, type EntitySummary } from '../../domain/entities';
import type { FiledItem } from '../../domain/itemKeys';
import type { UnknownParticipant } from '../../domain/suggestions';
import type { FilingView } from '../../services/filing/filingService';
import { NAME_MAX, NOTE_MAX, type Filing, type FilingOutcome } from '../../services/filingRuntime';
import type { ItemSnapshot } from '../../office/host';
import type { FilingRuntime } from '../../services/filingRuntime';
import type { DuplicateCandidate } from '../../services/record/recordKeeping';
import type { TriageRuntime } from '../../services/triageRuntime';
import { AFTER_FILING_KEY } from '../../services/storage/keys';
import type { TriageAction, TriageRecord } from '../../services/triage/types';
import { useAsync } from '../shared/useAsync';
import { useMoveUndo } from './useMoveUndo';
import { useOrganisationNaming } from './useOrganisationNaming';
import { useParticipantCreation } from './useParticipantCreation';
import { useRecordVersion } from './useRecordVersion';

/** The filing's note goes to a single line of text column; an entity's name is the list's Title: at most this long. */
export { NAME_MAX, NOTE_MAX };

export interface FiledTriage {
  action: TriageAction;
  folder: string;
  /** The move's undo record; null when the move failed and waits in the outbox. */
  record: TriageRecord | null;
  /** The filings the same click made: undoing the move takes them back too. */
  filings?: Filing[];
}

export type FilingResult =
  | { kind: 'filed'; names: string[]; tagged: boolean; moved?: FiledTriage }
  | { kind: 'noted'; names: string[] }
  | { kind: 'created'; names: string[] }
  /** The move and the filings made with it undone; `folder` is where the message is back (null: not known). */
  | { kind: 'moveUndone'; names: string[]; folder: string | null }
  | { kind: 'unfiled'; name: string }
  /** `names` failed (try again); `gone` are no longer in the record (nothing filed to them); `filed`, the rest, were filed. */
  | { kind: 'failed'; names: string[]; gone?: string[]; filed?: string[]; error: unknown }
  | { kind: 'error'; error: unknown }
  /** Nothing created: other people already have the name the participant would be created under. */
  | { kind: 'sameName'; participant: UnknownParticipant; name: string; others: DuplicateCandidate[]; andFile: boolean };

export { organisationNameFromDomain, personNameFrom, offeredOrganisationName, domainsToMake } from './participantNames';

/** What filing does next to a message, chosen once and remembered: leave it, or triage it in the same click. */
export type AfterFiling = 'stay' | TriageAction;

export function readAfterFiling(storage: Pick<Storage, 'getItem'> | undefined): AfterFiling {
  const value = storage?.getItem(AFTER_FILING_KEY);
  return value === 'asap' || value === 'readLater' || value === 'archive' ? value : 'stay';
}

export type MeetingScope = 'occurrence' | 'series';

/**
 * Filing the open message or meeting: its view (suggestions, Filed to), filing one or several
 * entities, unfiling, create-and-file, the series-or-occurrence choice, notes of what was agreed,
 * and a triage action in the same click.
 */
export interface FilingOptions {
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  /**
   * Told when a filing moved the message away: the message leaves the pane (this hook's item with
   * it), so the pane above must say what became of it.
   */
  onMovedAway?: (filed: { names: string[]; moved: FiledTriage & { record: TriageRecord }; filings: Filing[] }) => void;
  /**
   * The open item's body as plain text (OfficeHost.itemBodyText): read once per item, and only when an
   * unknown participant's organisation is about to be made, for the name their signature gives.
   */
  bodyText?: (() => Promise<string | null>) | undefined;
}

export function useFiling(runtime: FilingRuntime, item: ItemSnapshot, triage?: TriageRuntime, { storage = globalThis.localStorage, onMovedAway, bodyText }: FilingOptions = {}) {
  // The item's view: from a skeleton for a new item, re-read in place after each action.
  const read = useCallback(() => runtime.filing.view(item), [runtime, item]);
  // The user's own change to the record (a person created, edited, merged or erased) reads it again at once.
  const recordVersion = useRecordVersion(runtime);
  const { state: load, reload, retry } = useAsync(read, item.id, recordVersion);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<FilingResult | null>(null);
  const [note, setNoteState] = useState('');
  // The record keeps one line: a typed or pasted line break shows as a space before it is filed, not after.
  const setNote = (value: string) => setNoteState(value.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
  // Longer than the column holds: nothing is filed (the pane says so as the user types), nothing is cut.
  const noteTooLong = note.trim().length > NOTE_MAX;
  const [scope, setScope] = useState<MeetingScope>('series');
  const [selected, setSelected] = useState<EntitySummary[]>([]);
  const [after, setAfterState] = useState<AfterFiling>(() => readAfterFiling(storage));
  const current = useRef(item.id);
  const naming = useOrganisationNaming(load, item.id, bodyText);

  const setAfter = (value: AfterFiling) => {
    setAfterState(value);
    try {
      storage?.setItem(AFTER_FILING_KEY, value);
    } catch {
      // remembered for this session only
    }
  };

  useEffect(() => {
    current.current = item.id;
    setResult(null);
    setNoteState('');
    setSelected([]);
  }, [item.id]);

  /** The message, the single meeting, or (for an occurrence) this occurrence or the whole series, as chosen. */
  const target = (view: FilingView): FiledItem => (view.series && scope === 'series' ? view.series : view.item);

  /** Moves the filed message as chosen, by the immutable id its filing keeps (the move changes its REST id). */
  const triageAfter = async (filed: FiledItem): Promise<FiledTriage | undefined> => {
    if (filed.kind !== 'message' || after === 'stay' || !triage) return undefined;
    const outcome = await triage.runner.triageKnown(after, { mailbox: filed.mailbox, immutableId: filed.immutableId, subject: filed.subject });
    // What failed waits in the outbox (the triage panel offers the retry), so the move is not lost.
    return { action: after, folder: outcome.kind === 'error' ? '' : outcome.folder, record: outcome.kind === 'done' ? outcome.record : null };
  };

  /** What failed, told apart: an entity no longer in the record (merged away, erased) is not worth a retry. */
  const failedOf = (outcomes: readonly FilingOutcome[]): FilingResult | null => {
    const failed = outcomes.flatMap((o) => (o.status === 'failed' ? [o] : []));
    if (!failed.length) return null;
    const gone = failed.filter((o) => runtime.filing.isEntityGone(o.error));
    return {
      kind: 'failed',
      names: failed.filter((o) => !gone.includes(o)).map((o) => o.entity.name),
      gone: gone.map((o) => o.entity.name),
      filed: outcomes.filter((o) => o.status !== 'failed').map((o) => o.entity.name),
      error: failed[0]!.error,
    };
  };

  const settle = async (filed: FiledItem, outcomes: FilingOutcome[], tagged: boolean): Promise<FilingResult> => {
    const failed = failedOf(outcomes);
    if (failed) return failed;
    const moved = await triageAfter(filed);
    const names = outcomes.map((o) => o.entity.name);
    // The filings this click made (not those already there): one Undo takes them back with the move.
    const made = outcomes.flatMap((o) => (o.status === 'filed' ? [o.filing] : []));
    if (moved?.record) onMovedAway?.({ names, moved: { ...moved, record: moved.record }, filings: made });
    return { kind: 'filed', names, tagged, ...(moved ? { moved: { ...moved, filings: made } } : {}) };
  };

  /** Runs one action at a time; resolves true when it succeeded (so a form may clear what was typed). */
  const run = useCallback(
    async (key: string, work: () => Promise<FilingResult>): Promise<boolean> => {
      if (busy || load.status !== 'ready') return false;
      setBusy(key);
      setResult(null);
      try {
        const outcome = await work();
        if (current.current !== item.id) return false;
        setResult(outcome);
        const done = outcome.kind !== 'failed';
        if (outcome.kind === 'filed' || outcome.kind === 'noted') {
          setNoteState(''); // the note went with the filing; on failure it stays typed
          setSelected([]);
        }
        await reload();
        return done;
      } catch (error) {
        if (current.current === item.id) setResult({ kind: 'error', error });
        return false;
      } finally {
        setBusy(null);
      }
    },
    [busy, load, item.id, reload],
  );

  /** Files the item (as chosen) to these, with the note typed. */
  const fileEntities = async (entities: EntitySummary[]): Promise<FilingResult> => {
    if (load.status !== 'ready') throw new Error('not ready');
    if (noteTooLong) throw new Error('the note is longer than the record holds');
    const filed = target(load.value);
    const { outcomes, tagged } = await runtime.filing.fileTo(filed, entities, note.trim() || undefined);
    return settle(filed, outcomes, tagged);
  };
  const fileTo = (entities: EntitySummary[], key: string) => run(key, () => fileEntities(entities));

  const toggle = (entity: EntitySummary) =>
    setSelected((list) => (list.some((e) => sameEntity(e.ref, entity.ref)) ? list.filter((e) => !sameEntity(e.ref, entity.ref)) : [...list, entity]));

  const unfile = (filing: Filing) =>
    run(`unfile:${filing.id}`, async () => {
      await runtime.filing.unfile(filing);
      return { kind: 'unfiled', name: filing.entityName };
    });

  const { createAndFile, createOnly } = useParticipantCreation(runtime, naming, { run, fileEntities, ready: load.status === 'ready', noteTooLong });

  const addMeetingNote = (text: string) =>
    run('note', async () => {
      if (load.status !== 'ready') throw new Error('not ready');
      const when = item.kind === 'appointment' ? (item.end ?? undefined) : undefined;
      const outcomes = await runtime.filing.addMeetingNote(load.value, text, when);
      const failed = failedOf(outcomes);
      if (failed) return failed;
      return { kind: 'noted', names: outcomes.map((o) => o.entity.name) };
    });

  const undoMove = useMoveUndo(triage, runtime, run);

  /** Reads the item's filings again after they could not be read (Microsoft 365 unreachable as it opened). */
  const retryLoad = () => void retry();

  return { load, retryLoad, busy, result, note, setNote, noteTooLong, scope, setScope, selected, toggle, after, setAfter, fileTo, unfile, createAndFile, createOnly, addMeetingNote, undoMove, organisationNameFor: naming.organisationNameFor, setOrganisationName: naming.setOrganisationName, organisationNameProblem: naming.organisationNameProblem };
}

export type FilingControls = ReturnType<typeof useFiling>;

import { useCallback, useEffect, useRef, useState } from 'react';
import { normaliseAddress } from '../../domain/addresses';
import { withoutInvisibleFormatting } from '../../domain/nameWords';
import { organisationFromDisplayName, organisationFromSignature, personFromDisplayName } from '../../domain/organisationNames';
import { sameEntity, type EntitySummary } from '../../domain/entities';
import type { FiledItem } from '../../domain/itemKeys';
import type { UnknownParticipant } from '../../domain/suggestions';
import type { FilingView } from '../../services/filing/filingService';
import { NAME_MAX, NOTE_MAX, type Filing, type FilingOutcome } from '../../services/filingRuntime';
import type { ItemSnapshot } from '../../office/host';
import type { FilingRuntime } from '../../services/filingRuntime';
import type { TriageRuntime } from '../../services/triageRuntime';
import { AFTER_FILING_KEY } from '../../services/storage/keys';
import type { TriageAction, TriageRecord } from '../../services/triage/types';
import { useAsync } from '../shared/useAsync';

/** The filing's note goes to a single line of text column; an entity's name is the list's Title: at most this long. */
export { NAME_MAX, NOTE_MAX };

export interface FiledTriage {
  action: TriageAction;
  folder: string;
  /** The move's undo record; null when the move failed and waits in the outbox. */
  record: TriageRecord | null;
}

export type FilingResult =
  | { kind: 'filed'; names: string[]; tagged: boolean; moved?: FiledTriage }
  | { kind: 'noted'; names: string[] }
  | { kind: 'created'; names: string[] }
  | { kind: 'moveUndone' }
  | { kind: 'unfiled'; name: string }
  /** `names` failed (try again); `gone` are no longer in the record (nothing filed to them); `filed`, the rest, were filed. */
  | { kind: 'failed'; names: string[]; gone?: string[]; filed?: string[]; error: unknown }
  | { kind: 'error'; error: unknown };

/** "datariihi.fi" → "Datariihi": a starting point the user can correct later, never a guess presented as fact. */
export const organisationNameFromDomain = (domain: string): string => {
  const label = domain.split('.').slice(-2, -1)[0] ?? domain;
  return label.charAt(0).toLocaleUpperCase('fi') + label.slice(1);
};

/** "liisa.korhonen@x.fi" with no display name → "Liisa Korhonen". */
export const personNameFrom = (participant: UnknownParticipant): string => {
  // The marks a mail client wrapped the name in are not part of it.
  const name = withoutInvisibleFormatting(participant.name).trim();
  // "Maija Virtanen | Mäntyrinteen kansalaisopisto": the person is the part before their organisation.
  if (name && !name.includes('@')) return personFromDisplayName(name);
  const n = normaliseAddress(participant.address);
  const local = n.ok ? n.address.slice(0, n.address.indexOf('@')) : participant.address;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase('fi') + w.slice(1))
    .join(' ');
};

/**
 * The name offered for an organisation made from a participant's mail domain, for the user to correct
 * before it is saved: their display name's organisation ("Maija Virtanen | Mäntyrinteen kansalaisopisto"),
 * else the organisation line under their name in the body's signature, else the domain's name.
 */
export const offeredOrganisationName = (participant: UnknownParticipant & { domain: string }, bodyLines: readonly string[] | null): string =>
  organisationFromDisplayName(participant.name) ??
  (bodyLines ? organisationFromSignature(bodyLines, personNameFrom(participant)) : null) ??
  organisationNameFromDomain(participant.domain);

/** The domains of the view's unknown participants the record has no organisation for: made when they are. */
export function domainsToMake(view: FilingView): string[] {
  const known = new Set(view.suggestions.flatMap((s) => (s.reason.kind === 'domain' ? [s.reason.domain] : [])));
  const senderDomain = view.sender?.organisation ? view.sender.address.split('@').pop()?.toLowerCase() : undefined;
  if (senderDomain) known.add(senderDomain);
  return [...new Set(view.unknown.flatMap((u) => (u.domain && !known.has(u.domain) ? [u.domain] : [])))];
}

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
  onMovedAway?: (filed: { names: string[]; moved: FiledTriage & { record: TriageRecord } }) => void;
  /**
   * The open item's body as plain text (OfficeHost.itemBodyText): read once per item, and only when an
   * unknown participant's organisation is about to be made, for the name their signature gives.
   */
  bodyText?: (() => Promise<string | null>) | undefined;
}

export function useFiling(runtime: FilingRuntime, item: ItemSnapshot, triage?: TriageRuntime, { storage = globalThis.localStorage, onMovedAway, bodyText }: FilingOptions = {}) {
  // The item's view: from a skeleton for a new item, re-read in place after each action.
  const read = useCallback(() => runtime.filing.view(item), [runtime, item]);
  const { state: load, reload, retry } = useAsync(read, item.id);
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
  // Organisation names as the user corrected them, by domain; and the body's lines once read (null: unreadable).
  const [organisationNames, setOrganisationNames] = useState<Record<string, string>>({});
  const [body, setBody] = useState<{ itemId: string; lines: string[] | null } | null>(null);
  const bodyRead = useRef<string | null>(null);
  const readBody = useRef(bodyText);
  readBody.current = bodyText;
  const toMake = load.status === 'ready' ? domainsToMake(load.value) : [];
  const wantsBody = toMake.length > 0;

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
    setOrganisationNames({});
  }, [item.id]);

  // The body is read when an organisation is about to be made (not on every item change), once per item.
  useEffect(() => {
    const read = readBody.current;
    if (!wantsBody || !read || bodyRead.current === item.id) return;
    bodyRead.current = item.id;
    const itemId = item.id;
    const keep = (lines: string[] | null) => {
      if (current.current === itemId) setBody({ itemId, lines });
    };
    read().then(
      // Blank lines dropped: a signature's organisation line is looked for in the few lines under the name.
      (text) => keep(text ? text.split(/\r\n|[\r\n\u2028\u2029]/).map((line) => line.trim()).filter(Boolean) : null),
      () => keep(null),
    );
  }, [wantsBody, item.id]);

  const bodyLines = body?.itemId === item.id ? body.lines : null;
  /** The organisation's name as the row shows it (offered, or as corrected); null when none is to be made. */
  const organisationNameFor = (participant: UnknownParticipant): string | null => {
    const domain = participant.domain;
    if (!domain || !toMake.includes(domain)) return null;
    return organisationNames[domain] ?? offeredOrganisationName({ ...participant, domain }, bodyLines);
  };
  const setOrganisationName = (participant: UnknownParticipant, name: string) => {
    const domain = participant.domain;
    if (domain) setOrganisationNames((names) => ({ ...names, [domain]: name.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ') }));
  };
  /** Blank, or longer than the record holds: the row says so and nothing is created. */
  const organisationNameProblem = (participant: UnknownParticipant): 'missing' | 'tooLong' | null => {
    const name = organisationNameFor(participant)?.trim();
    if (name === undefined) return null;
    if (!name) return 'missing';
    return name.length > NAME_MAX ? 'tooLong' : null;
  };

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
    if (moved?.record) onMovedAway?.({ names, moved: { ...moved, record: moved.record } });
    return { kind: 'filed', names, tagged, ...(moved ? { moved } : {}) };
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

  const fileTo = (entities: EntitySummary[], key: string) =>
    run(key, async () => {
      if (load.status !== 'ready') throw new Error('not ready');
      if (noteTooLong) throw new Error('the note is longer than the record holds');
      const filed = target(load.value);
      const { outcomes, tagged } = await runtime.filing.fileTo(filed, entities, note.trim() || undefined);
      return settle(filed, outcomes, tagged);
    });

  const toggle = (entity: EntitySummary) =>
    setSelected((list) => (list.some((e) => sameEntity(e.ref, entity.ref)) ? list.filter((e) => !sameEntity(e.ref, entity.ref)) : [...list, entity]));

  const unfile = (filing: Filing) =>
    run(`unfile:${filing.id}`, async () => {
      await runtime.filing.unfile(filing);
      return { kind: 'unfiled', name: filing.entityName };
    });

  /** The unknown participant as a person, with their organisation by domain (found or made). */
  const createPerson = async (participant: UnknownParticipant): Promise<EntitySummary[]> => {
    const store = runtime.filing;
    const n = normaliseAddress(participant.address);
    // By the name the row shows, as the user left it; a domain the record knows finds its organisation.
    const domain = participant.domain;
    const name = domain ? (organisationNameFor(participant)?.trim() || offeredOrganisationName({ ...participant, domain }, bodyLines)) : '';
    const organisation = domain ? await store.createOrganisation({ name, domains: [domain] }) : undefined;
    const person = await store.createPerson({ name: personNameFrom(participant), emails: [n.ok ? n.address : participant.address], organisationId: organisation?.entity.ref.id ?? null });
    const summary = (o: { entity: { ref: EntitySummary['ref']; name: string } }): EntitySummary => ({ ref: o.entity.ref, name: o.entity.name, detail: '' });
    void runtime.index.refresh().catch(() => undefined); // so search finds them at once
    return [summary(person), ...(organisation ? [summary(organisation)] : [])];
  };

  /** Creates the unknown participant (and their organisation) and files to both. */
  const createAndFile = (participant: UnknownParticipant) =>
    run(`create:${participant.address}`, async () => {
      if (load.status !== 'ready') throw new Error('not ready');
      if (organisationNameProblem(participant)) throw new Error('the organisation name is blank or longer than the record holds');
      if (noteTooLong) throw new Error('the note is longer than the record holds');
      const entities = await createPerson(participant);
      const filed = target(load.value);
      const { outcomes, tagged } = await runtime.filing.fileTo(filed, entities, note.trim() || undefined);
      return settle(filed, outcomes, tagged);
    });

  /** Creates them without filing: the card's one click for an unknown sender. */
  const createOnly = (participant: UnknownParticipant) =>
    run(`createOnly:${participant.address}`, async () => {
      if (organisationNameProblem(participant)) throw new Error('the organisation name is blank or longer than the record holds');
      return { kind: 'created', names: (await createPerson(participant)).map((e) => e.name) };
    });

  const addMeetingNote = (text: string) =>
    run('note', async () => {
      if (load.status !== 'ready') throw new Error('not ready');
      const when = item.kind === 'appointment' ? (item.end ?? undefined) : undefined;
      const outcomes = await runtime.filing.addMeetingNote(load.value, text, when);
      const failed = failedOf(outcomes);
      if (failed) return failed;
      return { kind: 'noted', names: outcomes.map((o) => o.entity.name) };
    });

  const undoMove = (record: TriageRecord) =>
    run('undoMove', async () => {
      if (!triage) throw new Error('no triage');
      const undone = await triage.runner.undo(record);
      if (undone.kind === 'error') throw undone.error;
      // Not restored: said as the error it met; the record stays in Triage's Recent, where Undo tries again.
      if (undone.failed.length > 0) throw undone.failed[0]!.error;
      return { kind: 'moveUndone' };
    });

  /** Reads the item's filings again after they could not be read (Microsoft 365 unreachable as it opened). */
  const retryLoad = () => void retry();

  return { load, retryLoad, busy, result, note, setNote, noteTooLong, scope, setScope, selected, toggle, after, setAfter, fileTo, unfile, createAndFile, createOnly, addMeetingNote, undoMove, organisationNameFor, setOrganisationName, organisationNameProblem };
}

export type FilingControls = ReturnType<typeof useFiling>;

import { useCallback, useEffect, useRef, useState } from 'react';
import { normaliseAddress } from '../../domain/addresses';
import type { EntitySummary } from '../../domain/entities';
import type { UnknownParticipant } from '../../domain/suggestions';
import type { FilingView } from '../../filing/filingService';
import type { MessageSnapshot } from '../../office/host';
import type { FilingRuntime } from '../../runtime/filingRuntime';
import type { Filing, FilingOutcome } from '../../store/trailStore';

export type FilingLoad = { status: 'loading' } | { status: 'ready'; view: FilingView } | { status: 'error'; error: unknown };

export type FilingResult =
  | { kind: 'filed'; names: string[]; tagged: boolean }
  | { kind: 'unfiled'; name: string }
  | { kind: 'failed'; names: string[]; error: unknown }
  | { kind: 'error'; error: unknown };

/** "datariihi.fi" → "Datariihi": a starting point the user can correct later, never a guess presented as fact. */
export const organisationNameFromDomain = (domain: string): string => {
  const label = domain.split('.').slice(-2, -1)[0] ?? domain;
  return label.charAt(0).toLocaleUpperCase('fi') + label.slice(1);
};

/** "liisa.korhonen@x.fi" with no display name → "Liisa Korhonen". */
export const personNameFrom = (participant: UnknownParticipant): string => {
  const name = participant.name.trim();
  if (name && !name.includes('@')) return name;
  const n = normaliseAddress(participant.address);
  const local = n.ok ? n.address.slice(0, n.address.indexOf('@')) : participant.address;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase('fi') + w.slice(1))
    .join(' ');
};

/** Filing the open message: its view (suggestions, Filed to), filing, unfiling, create-and-file. */
export function useFiling(runtime: FilingRuntime, message: MessageSnapshot) {
  const [load, setLoad] = useState<FilingLoad>({ status: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<FilingResult | null>(null);
  const [note, setNote] = useState('');
  const current = useRef(message.id);

  const reload = useCallback(async () => {
    const forId = message.id;
    try {
      const view = await runtime.filing.view(message);
      if (current.current === forId) setLoad({ status: 'ready', view });
    } catch (error) {
      if (current.current === forId) setLoad({ status: 'error', error });
    }
  }, [runtime, message]);

  useEffect(() => {
    current.current = message.id;
    setLoad({ status: 'loading' });
    setResult(null);
    setNote('');
    void reload();
  }, [message.id, reload]);

  const settle = (outcomes: FilingOutcome[], tagged: boolean): FilingResult => {
    const failed = outcomes.filter((o) => o.status === 'failed');
    if (failed.length) return { kind: 'failed', names: failed.map((o) => o.entity.name), error: (failed[0] as { error: unknown }).error };
    return { kind: 'filed', names: outcomes.map((o) => o.entity.name), tagged };
  };

  const run = useCallback(
    async (key: string, work: () => Promise<FilingResult>) => {
      if (busy || load.status !== 'ready') return;
      setBusy(key);
      setResult(null);
      try {
        const outcome = await work();
        if (current.current === message.id) {
          setResult(outcome);
          if (outcome.kind === 'filed') setNote(''); // the note went with the filing; on failure it stays typed
          await reload();
        }
      } catch (error) {
        if (current.current === message.id) setResult({ kind: 'error', error });
      } finally {
        setBusy(null);
      }
    },
    [busy, load, message.id, reload],
  );

  const fileTo = (entities: EntitySummary[], key: string) =>
    run(key, async () => {
      if (load.status !== 'ready') throw new Error('not ready');
      const { outcomes, tagged } = await runtime.filing.fileTo(load.view.item, entities, note.trim() || undefined);
      return settle(outcomes, tagged);
    });

  const unfile = (filing: Filing) =>
    run(`unfile:${filing.id}`, async () => {
      await runtime.filing.unfile(filing);
      return { kind: 'unfiled', name: filing.entityName };
    });

  /** Creates the unknown sender (and their organisation by domain, when there is one) and files to both. */
  const createAndFile = (participant: UnknownParticipant) =>
    run(`create:${participant.address}`, async () => {
      if (load.status !== 'ready') throw new Error('not ready');
      const { store } = runtime.filing;
      const n = normaliseAddress(participant.address);
      const organisation = participant.domain ? await store.createOrganisation({ name: organisationNameFromDomain(participant.domain), domains: [participant.domain] }) : undefined;
      const person = await store.createPerson({ name: personNameFrom(participant), emails: [n.ok ? n.address : participant.address], organisationId: organisation?.entity.ref.id ?? null });
      const summary = (o: { entity: { ref: EntitySummary['ref']; name: string } }): EntitySummary => ({ ref: o.entity.ref, name: o.entity.name, detail: '' });
      const entities = [summary(person), ...(organisation ? [summary(organisation)] : [])];
      void runtime.index.refresh().catch(() => undefined); // so search finds them at once
      const { outcomes, tagged } = await runtime.filing.fileTo(load.view.item, entities, note.trim() || undefined);
      return settle(outcomes, tagged);
    });

  return { load, busy, result, note, setNote, fileTo, unfile, createAndFile };
}

/** Search as you type: from the local index when it is warm (no wait), else the server, latest answer only. */
export function useEntitySearch(runtime: FilingRuntime, text: string): { results: EntitySummary[]; searching: boolean } {
  const [results, setResults] = useState<EntitySummary[]>([]);
  const [searching, setSearching] = useState(false);
  // A refresh of the index (a colleague's new entity, our own create) re-runs the search.
  const [indexVersion, setIndexVersion] = useState(0);
  useEffect(() => runtime.index.subscribe(() => setIndexVersion((v) => v + 1)), [runtime]);
  useEffect(() => {
    const query = text.trim();
    if (!query) {
      setResults([]);
      setSearching(false);
      return;
    }
    if (runtime.index.state === 'warm') {
      setResults(runtime.index.search(query, 10));
      setSearching(false);
      return;
    }
    let live = true;
    setSearching(true);
    const timer = setTimeout(() => {
      runtime.filing.search(query).then(
        (found) => live && (setResults(found), setSearching(false)),
        () => live && (setResults([]), setSearching(false)),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [runtime, text, indexVersion]);
  return { results, searching };
}

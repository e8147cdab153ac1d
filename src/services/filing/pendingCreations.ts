/**
 * One creation id per user intent, kept until that intent succeeds: the same save or create asked again
 * after a failure (its answer may have been lost after the write) carries the same id, so the record
 * finds the first row instead of making a second. The ids wait in the pane's storage too, so a pane
 * closed and opened again between the lost answer and the retry still finds the first row; a week
 * old, or beyond the newest fifty, an id is forgotten.
 *
 * A meeting note's save also keeps what it was for (headline, text, date, entities): its note row is
 * written before its filings (SharePoint has no transaction that holds both), so a save that stopped
 * half way can leave a note filed nowhere. A later pane settles it (see `waitingNotes`): a try the user
 * was told had failed is marked so.
 */
import type { EntitySummary } from '../../domain/entities';
import { CREATION_IDS_KEY } from '../storage/keys';

const MAX_PENDING_CREATIONS = 50;
const CREATION_ID_TTL_MS = 7 * 24 * 3600_000;

/** What a meeting note's save was for, kept with its creation id so another pane can finish it. */
export interface PendingNote {
  headline: string;
  body: string;
  /** When the meeting happened, or when the save was first asked for. */
  date: string;
  entities: EntitySummary[];
}

interface Pending {
  id: string;
  at: number;
  note?: PendingNote;
  /** The user was told this try failed (a save cut off with its pane never was). */
  failed?: true;
}

export interface WaitingNote {
  intent: string;
  creationId: string;
  note: PendingNote;
  /** Its last try ended in a failure the user was told of; else the pane closed in the middle of it. */
  told: boolean;
}

function isSummary(value: unknown): value is EntitySummary {
  const s = value as Partial<EntitySummary> | undefined;
  return !!s && typeof s.name === 'string' && !!s.ref && typeof s.ref.id === 'string' && ['person', 'organisation', 'project'].includes(s.ref.kind);
}

function noteOf(value: unknown): PendingNote | undefined {
  const n = value as Partial<PendingNote> | undefined;
  if (!n || typeof n.headline !== 'string' || typeof n.body !== 'string' || typeof n.date !== 'string' || !Array.isArray(n.entities)) return undefined;
  const entities = n.entities.filter(isSummary).map((e) => ({ ref: { kind: e.ref.kind, id: e.ref.id }, name: e.name, detail: typeof e.detail === 'string' ? e.detail : '' }) as EntitySummary);
  return entities.length ? { headline: n.headline, body: n.body, date: n.date, entities } : undefined;
}

export function createPendingCreations(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined, now: () => number = Date.now) {
  /** The intents this pane holds: its user may still ask for them again here. */
  const held = new Map<string, string>();

  const read = (): Record<string, Pending> => {
    try {
      const value = JSON.parse(storage?.getItem(CREATION_IDS_KEY) ?? '{}') as unknown;
      if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
      const oldest = now() - CREATION_ID_TTL_MS;
      return Object.fromEntries(
        Object.entries(value as Record<string, { id?: unknown; at?: unknown; note?: unknown; failed?: unknown }>).flatMap(([intent, v]) => {
          const at = typeof v?.at === 'number' ? v.at : typeof v?.at === 'string' ? Date.parse(v.at) : NaN;
          if (typeof v?.id !== 'string' || !(at > oldest)) return [];
          const note = noteOf(v.note);
          return [[intent, { id: v.id, at, ...(note ? { note } : {}), ...(v.failed === true ? { failed: true as const } : {}) }]];
        }),
      );
    } catch {
      return {};
    }
  };

  const keep = (change: (p: Record<string, Pending>) => void) => {
    if (!storage) return;
    const next = read();
    change(next);
    const newest = Object.entries(next).sort(([, a], [, b]) => b.at - a.at).slice(0, MAX_PENDING_CREATIONS);
    try {
      storage.setItem(CREATION_IDS_KEY, JSON.stringify(Object.fromEntries(newest)));
    } catch {
      // A full storage costs only the retry after a closed pane: the id is still kept in memory.
    }
  };

  /** This intent is done (or given up on for good): its id is forgotten here and in storage. */
  const forget = (intent: string) => {
    held.delete(intent);
    keep((p) => void delete p[intent]);
  };

  /**
   * Runs the work with the intent's creation id (the one kept for it, else a new one), and forgets the
   * id once `done` says the intent succeeded. A note's save keeps what it was for beside its id.
   */
  async function once<T>(intent: string, work: (creationId: string) => Promise<T>, done: (result: T) => boolean = () => true, note?: PendingNote): Promise<T> {
    const creationId = held.get(intent) ?? read()[intent]?.id ?? globalThis.crypto.randomUUID();
    held.set(intent, creationId);
    keep((p) => void (p[intent] = { id: creationId, at: p[intent]?.at ?? now(), ...(note ? { note: p[intent]?.note ?? note } : {}) }));
    // A try that ends in a failure (thrown, or not done) is one the user is told of: marked so.
    const told = () => keep((p) => void (p[intent] && (p[intent] = { ...p[intent], failed: true })));
    let result: T;
    try {
      result = await work(creationId);
    } catch (error) {
      told();
      throw error;
    }
    if (done(result)) forget(intent);
    else told();
    return result;
  }

  /** Note saves that did not finish, in panes before this one (never one this pane holds), oldest first. */
  const waitingNotes = (): WaitingNote[] =>
    Object.entries(read())
      .filter(([intent, p]) => p.note && !held.has(intent))
      .sort(([, a], [, b]) => a.at - b.at)
      .map(([intent, p]) => ({ intent, creationId: p.id, note: p.note!, told: p.failed === true }));

  return { once, forget, waitingNotes };
}

import { defaultTriageSettings } from '../../src/domain/triage/settings';
import type { TriageRuntime } from '../../src/services/triageRuntime';
import { createTriageHistory } from '../../src/services/triage/undoHistory';
import { createOutbox } from '../../src/services/triage/outbox';
import { createTriageRunner } from '../../src/services/triage/runner';
import type { TriageService } from '../../src/services/triage/triageService';
import type { TriageAction, TriageRecord } from '../../src/services/triage/types';

/** The shared mailbox the stand-in runtime knows besides the user's own. */
export const SHARED = 'koulutuspalvelut@seutuopisto.fi';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

/** A service standing in for one mailbox: its own counts, and a triage that always succeeds. */
function service(mailbox: string | null, counts: { asap: number; readLater: number }) {
  let n = 0;
  return {
    mailbox,
    settings: () => defaultTriageSettings('fi'),
    // The Read later folder was made while Outlook was in English: the mailbox names it so.
    destinationName: (action: TriageAction) => ({ asap: 'ASAP', readLater: 'Read later', archive: '' })[action],
    counts: async () => ({ asap: counts.asap, overdue: 0, readLater: counts.readLater, readLaterUnread: counts.readLater }),
    triage: async (action: TriageAction, ids: readonly string[]) => {
      if (action === 'asap') counts.asap += ids.length;
      const record: TriageRecord = {
        id: `r${++n}-${mailbox ?? 'own'}`,
        action,
        at: '2026-12-07T10:00:00Z',
        ...(mailbox ? { mailbox } : {}),
        messages: ids.map((id) => ({ before: { id, subject: id, parentFolderId: 'inbox', isRead: false, flag: { flagStatus: 'notFlagged' as const }, categories: [] }, destinationFolderId: action })),
      };
      return { record, failed: [] };
    },
  } as unknown as TriageService;
}

/**
 * A triage runtime for the pane's tests: the real runner, history and outbox over stand-in services
 * for the user's own mailbox (ASAP 3, Read later 4) and for SHARED (empty).
 */
export function testTriageRuntime(): TriageRuntime {
  const own = service(null, { asap: 3, readLater: 4 });
  const shared = service(SHARED, { asap: 0, readLater: 0 });
  const parts = {
    service: own,
    serviceFor: (mailbox: string | null | undefined) => (mailbox ? shared : own),
    history: createTriageHistory(memoryStorage()),
    outbox: createOutbox(memoryStorage()),
    identities: { ofAll: async (mailbox: string | null, ids: readonly string[]) => new Map(ids.map((id) => [id, { mailbox, immutableId: id }])) } as unknown as TriageRuntime['identities'],
  };
  return { ...parts, runner: createTriageRunner(parts), booking: { book: () => Promise.reject(new Error('not booked here')) } };
}

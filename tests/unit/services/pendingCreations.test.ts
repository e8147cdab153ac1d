/**
 * The creation ids a pane keeps per intent (pendingCreations.ts): a note's save keeps what it was for,
 * another pane sees it as waiting (never the pane that holds it), and what storage holds that is not
 * such a record is ignored rather than trusted.
 */
import { createPendingCreations } from '../../../src/services/filing/pendingCreations';
import { CREATION_IDS_KEY } from '../../../src/services/storage/keys';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

const note = { headline: 'Palaveri', body: 'Sovittiin.', date: '2026-11-02T08:00:00Z', entities: [{ ref: { kind: 'project' as const, id: '7' }, name: 'Hanke', detail: '' }] };

test('a failed note save waits for another pane with what it was for, and not for the pane that holds it', async () => {
  const storage = new MemoryStorage();
  const first = createPendingCreations(storage);
  await expect(first.once('note-a', async () => Promise.reject(new Error('503')), () => true, note)).rejects.toThrow('503');
  expect(first.waitingNotes()).toEqual([]);
  const [waiting] = createPendingCreations(storage).waitingNotes();
  expect(waiting).toMatchObject({ intent: 'note-a', note });
  // The same intent asked again anywhere carries the same creation id.
  let used = '';
  await createPendingCreations(storage).once('note-a', async (id) => void (used = id));
  expect(used).toBe(waiting!.creationId);
  expect(createPendingCreations(storage).waitingNotes()).toEqual([]);
});

test('an entity creation is never a waiting note, and malformed or expired records are ignored', () => {
  const storage = new MemoryStorage();
  const now = Date.now();
  storage.setItem(
    CREATION_IDS_KEY,
    JSON.stringify({
      person: { id: 'p', at: now },
      broken: { id: 'b', at: now, note: { headline: 'x', body: 'y', date: 'z', entities: [{ ref: { kind: 'alien', id: '1' }, name: 'n' }] } },
      old: { id: 'o', at: now - 8 * 24 * 3600_000, note },
      good: { id: 'g', at: now, note },
      notAnId: { id: 42, at: now, note },
    }),
  );
  expect(createPendingCreations(storage).waitingNotes().map((w) => w.intent)).toEqual(['good']);
});

test('storage that is not JSON is no waiting note', () => {
  const storage = new MemoryStorage();
  storage.setItem(CREATION_IDS_KEY, '{not json');
  expect(createPendingCreations(storage).waitingNotes()).toEqual([]);
});

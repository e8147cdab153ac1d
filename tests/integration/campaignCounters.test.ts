/**
 * The fault campaign's counters through its own machinery (dev/campaign), on a sandbox without
 * faults: each scenario is made by hand to count exactly 1 on one counter (and nothing elsewhere), so
 * a campaign that says 0 is believed. The rows alone are tested in tests/unit/dev/campaignCounts.test.ts.
 */
import { Tally, type Counter } from '../../dev/campaign/counts';
import { installFastSleeps, type FastSleeps } from '../../dev/campaign/fastSleeps';
import { filingDriver, type FilingDriver } from '../../dev/campaign/filing';
import { seededRandom } from '../../dev/campaign/random';
import { checkRecord } from '../../dev/campaign/run';
import { triageDriver, type TriageDriver } from '../../dev/campaign/triage';
import { SITE_URL, startWorld, type World } from '../../dev/campaign/world';
import { SiteLists } from '../../src/record/listItems';
import { locateStore } from '../../src/record/locate';

let world: World;
let sleeps: FastSleeps;
beforeEach(async () => {
  sleeps = installFastSleeps();
  world = await startWorld(7);
});
afterEach(async () => {
  sleeps.restore();
  await world.close();
});

const nonZero = (tally: Tally) => Object.fromEntries(Object.entries(tally.counts).filter(([, n]) => n > 0)) as Partial<Record<Counter, number>>;

async function lists(): Promise<SiteLists> {
  const pane = await world.openPane();
  return new SiteLists(pane.graph, await locateStore(pane.graph, SITE_URL));
}

test('a key row pointing at an entity that does not exist: ghosts 1 (and it is an orphan key row: orphans 1)', async () => {
  await (await lists()).create('keys', { Title: 'Nobody', Key: 'email:ghost@harju.fi', UniqueKey: 'email:ghost@harju.fi', EntityKey: 'person:999', KeyKind: 'email' });
  const tally = new Tally();
  await checkRecord(world, tally);
  expect(nonZero(tally)).toEqual({ ghosts: 1, orphans: 1 });
});

test('a second, keyless person with an address a person already has: duplicates 1', async () => {
  const pane = await world.openPane();
  const store = (await pane.filing()).filing.store;
  await store.createPerson({ name: 'Aino Virtanen', emails: ['aino@harju.fi'] });
  await (await lists()).create('people', { Title: 'Aino Virtanen', Emails: 'aino@harju.fi' });
  const tally = new Tally();
  expect(await checkRecord(world, tally)).toBe(1); // the keyless one
  expect(nonZero(tally)).toEqual({ duplicates: 1 });
});

test('a note filed nowhere: orphans 1', async () => {
  await (await lists()).create('notes', { Title: 'Meeting', Body: 'Agreed', NoteDate: '2025-03-12T10:00:00Z', AuthorUpn: 'a@b.fi', AuthorName: 'A' });
  const tally = new Tally();
  await checkRecord(world, tally);
  expect(nonZero(tally)).toEqual({ orphans: 1 });
});

describe('triage', () => {
  let tally: Tally;
  let driver: TriageDriver;
  let pool: string[];
  beforeEach(async () => {
    tally = new Tally();
    const inbox = world.mailbox().folders.find((f) => f.wellKnownName === 'inbox')!.id;
    pool = world.mailbox().messages.filter((m) => m.folderId === inbox).slice(0, 3).map((m) => m.immutableId);
    driver = await triageDriver(world, seededRandom(1), tally, pool);
  });

  /** Someone else's move, behind Trail's back. */
  const moveBehindTheBack = (id: string, destinationId: string) => driver.pane().graph.api(`/me/messages/${encodeURIComponent(id)}/move`).post({ destinationId });

  test('clean actions and an undo count nothing', async () => {
    await driver.act(1, 'archive', [pool[0]!]);
    await driver.act(2, 'asap', [pool[1]!, pool[2]!]);
    expect(await driver.undoLatest(3)).toBe(true);
    driver.finish(await world.openPane());
    expect(nonZero(tally)).toEqual({});
  });

  test('a message moved after the latest intent, somewhere neither asked nor where it was: stale 1', async () => {
    await driver.act(1, 'archive', [pool[0]!]);
    await moveBehindTheBack(pool[0]!, 'deleteditems');
    driver.finish(await world.openPane());
    expect(nonZero(tally)).toEqual({ stale: 1 });
  });

  test('a message back where it was when asked, with nothing waiting and nothing said: lost 1', async () => {
    await driver.act(1, 'archive', [pool[0]!]);
    await moveBehindTheBack(pool[0]!, 'inbox');
    driver.finish(await world.openPane());
    expect(nonZero(tally)).toEqual({ lost: 1 });
  });

  test.each(['archive', 'readLater'] as const)('a Retry that leaves a message a newer intent (%s) took out of its entry (the latest intent wins) counts nothing', async (newerAction) => {
    const [a, b] = [pool[0]!, pool[1]!];
    // Read later on two messages fails before anything is written: one entry waits for both.
    world.sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: '/$batch' }] });
    await driver.act(1, 'readLater', [a, b]);
    const older = driver.pane().triage.outbox.list()[0]!;
    expect(older.messageIds).toHaveLength(2);
    // In a pane opened again (nothing translated yet), the user archives one of them; that fails too, and its
    // translation is lost: it waits named by its REST id.
    await driver.restartPane();
    world.sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: '/$batch' }, { kind: '503', pathPattern: '/me/translateExchangeIds' }] });
    await driver.act(2, newerAction, [a]);
    world.sandbox.control.clearFaults();
    expect(driver.pane().triage.outbox.list()).toMatchObject([{ action: newerAction, restIds: [world.message(a)!.restId] }, { action: 'readLater', messageIds: [a, b] }]);
    // Retry of the older Read later: the newer Archive takes its message out first, so only the other one moves.
    expect(await driver.retryEntry(3, older.id)).toBe(true);
    expect(world.message(a)!.folderId).toBe(world.mailbox().folders.find((f) => f.wellKnownName === 'inbox')!.id);
    expect(nonZero(tally)).toEqual({});
  });

  test('an undo reported done, with the message not as it was before the action: undo-inexact 1', async () => {
    await driver.act(1, 'asap', [pool[0]!]);
    // Triage's undo restores folder, flag and read state, not categories: a change to them stays.
    await driver.pane().graph.api(`/me/messages/${encodeURIComponent(pool[0]!)}`).patch({ categories: ['Red category'] });
    expect(await driver.undoLatest(2)).toBe(true);
    expect(nonZero(tally)).toEqual({ undoInexact: 1 });
  });
});

describe('filing', () => {
  let tally: Tally;
  let driver: FilingDriver;
  beforeEach(async () => {
    tally = new Tally();
    const pane = await world.openPane();
    const pool = world.mailbox().messages.filter((m) => m.data.internetMessageId).slice(0, 2).map((m) => m.immutableId);
    driver = filingDriver(world, seededRandom(1), tally, pool, () => pane);
    const created = await (await pane.filing()).filing.store.createPerson({ name: 'Aino Virtanen', emails: ['aino@harju.fi'] });
    driver.know(created.status === 'created' ? { ref: created.entity.ref, name: created.entity.name, detail: '' } : created.entity);
  });

  test('a filing and a note, untouched, count nothing', async () => {
    const [id] = [...world.list('Trail People').keys()];
    await driver.file(1, [{ ref: { kind: 'person', id: id! }, name: 'Aino Virtanen', detail: '' }]);
    expect(await driver.note(2)).toBe(true);
    driver.finish();
    expect(nonZero(tally)).toEqual({});
  });

  test('a note saved twice: doubled 1', async () => {
    expect(await driver.note(1)).toBe(true);
    const [, saved] = [...world.list('Trail Notes')][0]!;
    await (await lists()).create('notes', { Title: saved.Title, Body: saved.Body, NoteDate: saved.NoteDate, AuthorUpn: saved.AuthorUpn, AuthorName: saved.AuthorName });
    driver.finish();
    expect(nonZero(tally)).toEqual({ doubled: 1 });
  });

  test('a filing shown as done that is not in the record at the end: lost 1', async () => {
    const aino = world.list('Trail People');
    const [id] = [...aino.keys()];
    await driver.file(1, [{ ref: { kind: 'person', id: id! }, name: 'Aino Virtanen', detail: '' }]);
    const [filingId] = [...world.list('Trail Filings').keys()];
    await (await lists()).delete('filings', filingId!, '*');
    driver.finish();
    expect(nonZero(tally)).toEqual({ lost: 1 });
  });
});

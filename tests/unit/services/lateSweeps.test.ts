/**
 * When an erasure's or a merge's late sweep runs (services/record/lateSweeps.ts): not before colleagues'
 * panes have caught up, kept across pane opens, and tried again after a failure. The sweep itself is the
 * store's (tests/integration/store/filingGuard.test.ts sweeps the sandbox's record).
 */
import type { LateSweep } from '../../../src/record/trailStore';
import { createLateSweeps, LATE_SWEEP_AFTER_MS, RETRY_AFTER_MS } from '../../../src/services/record/lateSweeps';
import { ENTITY_MAX_AGE_MS } from '../../../src/record/entityIndex';

const erased: LateSweep = { kind: 'erased', ref: { kind: 'person', id: '7' } };
const merged: LateSweep = { kind: 'merged', from: { kind: 'organisation', id: '3' }, into: { kind: 'organisation', id: '4' } };

function setup(sweep: (late: LateSweep) => Promise<number> = async () => 0) {
  const kept = new Map<string, string>();
  const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
  let clock = Date.UTC(2026, 11, 8, 9);
  const timers: Array<{ ms: number; then: () => void }> = [];
  const swept: LateSweep[] = [];
  const store = {
    sweep: async (late: LateSweep) => {
      swept.push(late);
      return sweep(late);
    },
  };
  const open = () => createLateSweeps({ store, storage, key: 'trail.lateSweeps:test', now: () => clock, wait: (ms, then) => void timers.push({ ms, then }) });
  return { open, swept, timers, advance: (ms: number) => (clock += ms), kept };
}

test('waits past the index freshness bound, then sweeps once', async () => {
  const t = setup();
  const sweeps = t.open();
  sweeps.schedule(erased);
  expect(LATE_SWEEP_AFTER_MS).toBeGreaterThan(ENTITY_MAX_AGE_MS);
  expect(t.timers.map((timer) => timer.ms)).toEqual([LATE_SWEEP_AFTER_MS]);

  t.advance(ENTITY_MAX_AGE_MS);
  await sweeps.runDue();
  expect(t.swept).toEqual([]);

  t.advance(LATE_SWEEP_AFTER_MS - ENTITY_MAX_AGE_MS);
  t.timers[0]!.then();
  await sweeps.runDue();
  expect(t.swept).toEqual([erased]);
  await sweeps.runDue();
  expect(t.swept).toEqual([erased]);
});

test('a sweep not yet due when the pane closes is done when a later pane opens', async () => {
  const t = setup();
  t.open().schedule(merged);
  t.advance(LATE_SWEEP_AFTER_MS + 1);
  const later = t.open();
  await later.runDue();
  expect(t.swept).toEqual([merged]);
});

test('a sweep that fails is kept and tried again; the others go ahead', async () => {
  let failing = true;
  const t = setup(async (late) => {
    if (late.kind === 'erased' && failing) throw new Error('503');
    return 1;
  });
  const sweeps = t.open();
  sweeps.schedule(erased);
  sweeps.schedule(merged);
  t.advance(LATE_SWEEP_AFTER_MS);
  await sweeps.runDue();
  expect(t.swept).toEqual([erased, merged]);

  failing = false;
  await t.open().runDue();
  expect(t.swept).toEqual([erased, merged, erased]);
  await t.open().runDue();
  expect(t.swept).toHaveLength(3);
});

test('the same erasure scheduled twice is swept once, and unreadable storage is ignored', async () => {
  const t = setup();
  const sweeps = t.open();
  sweeps.schedule(erased);
  sweeps.schedule(erased);
  t.advance(LATE_SWEEP_AFTER_MS);
  await sweeps.runDue();
  expect(t.swept).toEqual([erased]);

  t.kept.set('trail.lateSweeps:test', '[{"late":{"kind":"erased","ref":"<img>"},"dueAt":0}, 42, "x"]');
  await t.open().runDue();
  expect(t.swept).toEqual([erased]);
});

test('a pane opened before a sweep is due waits for it; one that failed is tried again in a while', async () => {
  let failing = true;
  const t = setup(async () => {
    if (failing) throw new Error('503');
    return 0;
  });
  t.open().schedule(erased);
  t.advance(10 * 60_000);
  const reopened = t.open();
  await reopened.runDue();
  expect(t.swept).toEqual([]);
  expect(t.timers.at(-1)!.ms).toBe(LATE_SWEEP_AFTER_MS - 10 * 60_000);

  t.advance(LATE_SWEEP_AFTER_MS);
  await reopened.runDue();
  expect(t.swept).toEqual([erased]);
  expect(t.timers.at(-1)!.ms).toBe(RETRY_AFTER_MS);
  failing = false;
  t.timers.at(-1)!.then();
  await reopened.runDue();
  expect(t.swept).toEqual([erased, erased]);
});

test('past the cap of 200 pending sweeps the oldest are dropped, never the one just scheduled', async () => {
  const t = setup();
  const sweeps = t.open();
  for (let n = 0; n < 201; n++) sweeps.schedule({ kind: 'erased', ref: { kind: 'person', id: String(n) } });
  t.advance(LATE_SWEEP_AFTER_MS);
  await sweeps.runDue();
  const ids = t.swept.map((late) => (late.kind === 'erased' ? late.ref.id : ''));
  expect(ids).toHaveLength(200);
  expect(ids).toContain('200');
  expect(ids).not.toContain('0');
});

import { inFlightOf, notRunBecauseOfLink, planCalls, toWireRequests, type BatchResult, type BatchStep } from '../../../src/graph/batch';

const step = (id: string, dependsOn?: string[]): BatchStep => ({ id, method: 'GET', url: `/x/${id}`, ...(dependsOn ? { dependsOn } : {}) });
const chain = (key: string, length: number): BatchStep[] => Array.from({ length }, (_, k) => step(`${key}${k}`, k ? [`${key}${k - 1}`] : undefined));
const answered = (id: string, status: number): BatchResult => ({ id, status, ok: status < 300, headers: {}, body: undefined });

test('independent steps fill calls of 20', () => {
  const calls = planCalls(Array.from({ length: 45 }, (_, i) => step(String(i))));
  expect(calls.map((c) => c.steps.length)).toEqual([20, 20, 5]);
  expect(calls.every((c) => c.shape === 'parallel')).toBe(true);
});

test('a step never lands in another call than the steps it depends on', () => {
  const steps = [...Array.from({ length: 18 }, (_, i) => step(`a${i}`)), step('flag'), step('move', ['flag']), step('read', ['move'])];
  const calls = planCalls(steps);
  const home = (id: string) => calls.findIndex((c) => c.steps.some((s) => s.id === id));
  expect(home('flag')).toBe(home('move'));
  expect(home('move')).toBe(home('read'));
  expect(calls.every((c) => c.steps.length <= 20)).toBe(true);
  expect(calls.flatMap((c) => c.steps)).toHaveLength(steps.length);
});

test('a chain longer than one call is refused rather than split', () => {
  expect(() => planCalls(chain('c', 21))).toThrow(/cannot fit/);
});

test('steps with dependencies go in serial calls: whole chains one after another, each step on the wire depending on the one before', () => {
  const steps = [step('check'), ...chain('a', 3), ...chain('b', 3)];
  const calls = planCalls(steps);
  expect(calls).toHaveLength(1);
  expect(calls[0]!.shape).toBe('serial');
  const wire = toWireRequests(calls[0]!);
  expect(wire.map((r) => [r.id, r.dependsOn])).toEqual([
    ['check', undefined],
    ['a0', ['check']],
    ['a1', ['a0']],
    ['a2', ['a1']],
    ['b0', ['a2']],
    ['b1', ['b0']],
    ['b2', ['b1']],
  ]);
});

test('serial calls hold whole chains only, as many as fit in 20 steps', () => {
  const steps = Array.from({ length: 10 }, (_, i) => chain(`m${i}-`, 3)).flat();
  const calls = planCalls(steps);
  expect(calls.map((c) => c.steps.length)).toEqual([18, 12]);
  expect(calls.every((c) => c.shape === 'serial')).toBe(true);
});

test('a parallel call never carries dependsOn', () => {
  const [call] = planCalls([step('a'), step('b')]);
  expect(toWireRequests(call!).every((r) => r.dependsOn === undefined)).toBe(true);
});

test('a dependency on a step not among those sent (it already succeeded) is left out', () => {
  const calls = planCalls([step('b', ['a']), step('c', ['b'])]);
  expect(toWireRequests(calls[0]!).map((r) => r.dependsOn)).toEqual([undefined, ['b']]);
});

test('a step two others depend on cannot be sent in any documented pattern and is refused', () => {
  expect(() => planCalls([step('a'), step('b', ['a']), step('c', ['a'])])).toThrow(/one chain/);
  expect(() => planCalls([step('a'), step('b'), step('c', ['a', 'b'])])).toThrow(/one other/);
});

test('independent steps too many for one call go in serial calls when asked, so four of them fit in flight at once', () => {
  expect(planCalls(Array.from({ length: 20 }, (_, i) => step(String(i))), 'serial').map((c) => c.shape)).toEqual(['parallel']);
  const calls = planCalls(Array.from({ length: 45 }, (_, i) => step(String(i))), 'serial');
  expect(calls.map((c) => [c.shape, c.steps.length])).toEqual([
    ['serial', 20],
    ['serial', 20],
    ['serial', 5],
  ]);
});

test('requests in flight: a parallel call runs up to 4 at once, a serial call 1', () => {
  expect(inFlightOf({ shape: 'parallel', steps: [step('a'), step('b')] })).toBe(2);
  expect(inFlightOf({ shape: 'parallel', steps: Array.from({ length: 20 }, (_, i) => step(String(i))) })).toBe(4);
  expect(inFlightOf({ shape: 'serial', steps: chain('c', 20) })).toBe(1);
});

test("a 424 that only the link to an earlier chain caused is told apart from one the step's own dependency caused", () => {
  const [call] = planCalls([...chain('a', 3), ...chain('b', 2), ...chain('c', 2)]);
  const results = new Map(
    [answered('a0', 200), answered('a1', 404), answered('a2', 424), answered('b0', 424), answered('b1', 424), answered('c0', 424), answered('c1', 424)].map((r) => [r.id, r]),
  );
  expect(notRunBecauseOfLink(call!, results)).toEqual(['b0', 'b1', 'c0', 'c1']);
});

test('whatever mix of chains and independent steps, every call is one of the patterns Graph accepts', () => {
  let seed = 7;
  const random = (below: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % below;
  };
  for (let run = 0; run < 200; run++) {
    const steps = Array.from({ length: 1 + random(15) }, (_, c) => chain(`r${run}c${c}-`, 1 + random(6))).flat();
    for (const independent of ['parallel', 'serial'] as const) {
      const calls = planCalls(steps, independent);
      expect(calls.flatMap((call) => call.steps.map((s) => s.id))).toEqual(steps.map((s) => s.id));
      for (const call of calls) {
        const wire = toWireRequests(call);
        expect(wire.length).toBeLessThanOrEqual(20);
        const parallel = wire.every((r) => r.dependsOn === undefined);
        const serial = wire.every((r, i) => (i === 0 ? r.dependsOn === undefined : r.dependsOn?.length === 1 && r.dependsOn[0] === wire[i - 1]!.id));
        expect(parallel || serial).toBe(true);
        // A chain's steps keep their order and their own dependency (the step before them on the wire).
        for (const s of call.steps) if (s.dependsOn) expect(wire[wire.findIndex((r) => r.id === s.id)]!.dependsOn).toEqual(s.dependsOn);
      }
    }
  }
});

import { chunkKeepingDependencies, type BatchStep } from '../../../src/graph/batch';

const step = (id: string, dependsOn?: string[]): BatchStep => ({ id, method: 'GET', url: `/x/${id}`, ...(dependsOn ? { dependsOn } : {}) });

test('independent steps fill calls of 20', () => {
  const chunks = chunkKeepingDependencies(Array.from({ length: 45 }, (_, i) => step(String(i))));
  expect(chunks.map((c) => c.length)).toEqual([20, 20, 5]);
});

test('a step never lands in another call than the steps it depends on', () => {
  const steps = [
    ...Array.from({ length: 18 }, (_, i) => step(`a${i}`)),
    step('flag'),
    step('move', ['flag']),
    step('read', ['move']),
  ];
  const chunks = chunkKeepingDependencies(steps);
  const home = (id: string) => chunks.findIndex((c) => c.some((s) => s.id === id));
  expect(home('flag')).toBe(home('move'));
  expect(home('move')).toBe(home('read'));
  expect(chunks.every((c) => c.length <= 20)).toBe(true);
  expect(chunks.flat()).toHaveLength(steps.length);
});

test('a chain longer than one call is refused rather than split', () => {
  const chain = Array.from({ length: 21 }, (_, i) => step(String(i), i ? [String(i - 1)] : undefined));
  expect(() => chunkKeepingDependencies(chain)).toThrow(/cannot fit/);
});

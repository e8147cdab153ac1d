/**
 * The fault campaign's short run (issue 17): a fixed seed, 60 triage clicks and 30 filing ops against
 * a sandbox that fails before and after writes at 30%, and every counter 0. These are counts, not
 * timings (retry waits are skipped; see dev/campaign/fastSleeps.ts). The long run is
 * `npm run campaign -- --seed <n> --fault-rate <r>`.
 */
import { runCampaign } from '../../dev/campaign/run';

jest.setTimeout(300_000);

test('a short seeded campaign at 30% faults loses, doubles and hides nothing', async () => {
  const result = await runCampaign({ seed: 17, faultRate: 0.3, clicks: 60, filings: 30 });
  // The line first, so a failure shows every count; the examples say what happened.
  expect({ line: result.line, examples: result.examples }).toEqual({
    line: 'campaign: lost 0, doubled 0, duplicates 0, orphans 0, ghosts 0, stale 0, undo-inexact 0, silent 0',
    examples: { lost: [], doubled: [], duplicates: [], orphans: [], ghosts: [], stale: [], undoInexact: [], silent: [] },
  });
  // It did what it says: clicks of every kind and filing ops of every kind.
  expect(result.triage.clicks).toBe(60);
  expect(result.filing.ops).toBe(30);
  expect(result.triage.multi).toBeGreaterThan(0);
  expect(result.triage.undos).toBeGreaterThan(0);
  expect(result.triage.restarts).toBeGreaterThan(0);
  expect(result.filing.creates).toBeGreaterThan(0);
});

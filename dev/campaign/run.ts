/**
 * The fault campaign (issue 17): Trail's own services against a Graph sandbox that fails before and
 * after writes, then the mailbox and the record read back. See README "Fault campaign".
 *
 * What each counter counts (each is tested on a scenario made to count 1: tests/unit/campaign,
 * tests/integration/campaign):
 * - lost: a user intent (triage action, undo, filing op) that finally neither happened nor waits
 *   visibly to be retried (in Not done yet) or was told to the user as failed;
 * - doubled: an intent applied twice: one message filed twice to one entity, one note saved twice,
 *   one message existing twice in the mailbox (a message moved back by a stale retry is stale instead);
 * - duplicates: two entities for one real person, organisation or project (same address, domain or
 *   normalised project name, read from the entities' own fields);
 * - orphans: key rows whose entity is gone, filings whose entity or note is gone, notes filed nowhere;
 * - ghosts: an address or domain that the store's lookup resolves to an entity that does not exist
 *   (such a key row is an orphan too);
 * - stale: a message whose final folder is neither the user's latest intent for it nor where it was
 *   when the user asked, i.e. something older moved it afterwards; and, as it happens (a later intent
 *   would hide it at the end), a Retry of an older action that moves a message away from the latest
 *   intent; each latest intent is counted stale at most once;
 * - undo-inexact: after an undo reported successful, a message's folder, flag, read state or
 *   categories differ from just before the action the user undid;
 * - silent: a failure the outcome never named: an action or Retry answered done for a message that
 *   did not move (a Retry answers only for what it still held: a message a newer intent took out of its
 *   entry first is judged by that newer intent), or moved it without an undo record; an undo that counts fewer messages back than it
 *   had and names no failure; a filing op answered done that the record does not hold.
 * The seed fixes the campaign's choices and the sandbox's fault draws; concurrent requests may reach the
 * sandbox in another order from run to run, so runs of one seed can differ by a few counts.
 * Judged from the sandbox's state in-process (no fault touches the reading); ghosts through the
 * store's own lookup with faults off.
 */
import { campaignLine, duplicatesOf, ghostsOf, keylessOf, lookupKeysOf, orphansOf, Tally, type Counts, type RecordRows } from './counts';
import { installFastSleeps } from './fastSleeps';
import { filingDriver, type FilingStats } from './filing';
import { seededRandom } from './random';
import { triageDriver, type TriageStats } from './triage';
import { startWorld, type World } from './world';

export interface CampaignOptions {
  seed: number;
  /** Share of Graph requests (inner $batch requests too) that meet a fault, 0..1. */
  faultRate: number;
  clicks: number;
  filings: number;
  /** Progress lines (stderr in the command line). */
  log?: (line: string) => void;
  /** Called with the world before the run starts (tests plant scenarios). */
  prepare?: (world: World) => Promise<void> | void;
}

export interface CampaignResult {
  counts: Counts;
  examples: Tally['examples'];
  triage: TriageStats;
  filing: FilingStats;
  /** Entities whose address or domain no key row finds (reported beside the counters). */
  keyless: number;
  skippedSleepMs: number;
  line: string;
}

export function recordRows(world: World): RecordRows {
  return {
    people: world.list('Trail People'),
    organisations: world.list('Trail Organisations'),
    projects: world.list('Trail Projects'),
    keys: world.list('Trail Keys'),
    filings: world.list('Trail Filings'),
    notes: world.list('Trail Notes'),
  };
}

/** The record's counters (duplicates, orphans, ghosts) for the world as it stands, faults off. */
export async function checkRecord(world: World, tally: Tally): Promise<number> {
  const rows = recordRows(world);
  const duplicates = duplicatesOf(rows);
  tally.add('duplicates', duplicates.count, duplicates.examples.join('; '));
  const orphans = orphansOf(rows);
  tally.add('orphans', orphans.count, orphans.examples.join('; '));
  const pane = await world.openPane();
  const { addresses, domains } = lookupKeysOf(rows);
  const store = (await pane.filing()).filing.store;
  const resolved = new Map<string, { ref: { kind: string; id: string } }>();
  // Asked in slices, as the pane asks for one message's participants.
  for (let i = 0; i < addresses.length; i += 20) for (const [a, s] of (await store.resolve(addresses.slice(i, i + 20), [])).people) resolved.set(`email:${a}`, s);
  for (let i = 0; i < domains.length; i += 20) for (const [d, s] of (await store.resolve([], domains.slice(i, i + 20))).organisations) resolved.set(`domain:${d}`, s);
  const ghosts = ghostsOf(rows, resolved);
  tally.add('ghosts', ghosts.count, ghosts.examples.join('; '));
  pane.close();
  return keylessOf(rows);
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const log = options.log ?? (() => undefined);
  const sleeps = installFastSleeps();
  const world = await startWorld(options.seed);
  try {
    await options.prepare?.(world);
    const random = seededRandom(options.seed);
    const tally = new Tally();
    const inbox = world.mailbox().folders.find((f) => f.wellKnownName === 'inbox')!.id;
    const messages = [...world.mailbox().messages].filter((m) => m.data.internetMessageId).sort((a, b) => a.immutableId.localeCompare(b.immutableId));
    const triagePool = messages.filter((m) => m.folderId === inbox).slice(0, 40).map((m) => m.immutableId);
    const filingPool = messages.filter((m) => !triagePool.includes(m.immutableId)).slice(0, 40).map((m) => m.immutableId);
    const triage = await triageDriver(world, random, tally, triagePool);
    const filing = filingDriver(world, random, tally, filingPool, () => triage.pane());

    world.setFaultRate(options.faultRate);
    let clicks = 0;
    let ops = 0;
    while (clicks < options.clicks || ops < options.filings) {
      // Interleaved as a working day interleaves them, in proportion to what is left of each.
      const triageNext = ops >= options.filings || (clicks < options.clicks && random.next() < (options.clicks - clicks) / (options.clicks - clicks + options.filings - ops));
      if (triageNext) await triage.click(++clicks);
      else await filing.op(++ops);
      if ((clicks + ops) % 100 === 0) log(`  ${clicks} clicks, ${ops} filing ops`);
    }
    world.clearFaults();

    // The user opens the pane once more: whatever it resumes, then the mailbox and the record are read back.
    triage.pane().close();
    const final = await world.openPane();
    await final.filing(); // its start finishes the note saves earlier panes left
    triage.finish(final);
    filing.finish();
    const keyless = await checkRecord(world, tally);
    return { counts: tally.counts, examples: tally.examples, triage: triage.stats, filing: filing.stats, keyless, skippedSleepMs: sleeps.skippedMs(), line: campaignLine(tally.counts) };
  } finally {
    sleeps.restore();
    await world.close();
  }
}



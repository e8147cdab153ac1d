/**
 * The campaign's counters, and the checks of the record that need nothing but its rows (pure, so
 * each counter is tested on rows made by hand: tests/unit/campaign/counts.test.ts).
 */
import { normaliseName } from '../../src/domain/nameWords';

export const COUNTERS = ['lost', 'doubled', 'duplicates', 'orphans', 'ghosts', 'stale', 'undoInexact', 'silent'] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

const LABEL: Record<Counter, string> = {
  lost: 'lost',
  doubled: 'doubled',
  duplicates: 'duplicates',
  orphans: 'orphans',
  ghosts: 'ghosts',
  stale: 'stale',
  undoInexact: 'undo-inexact',
  silent: 'silent',
};

/** The campaign's last line, exactly. */
export function campaignLine(counts: Counts): string {
  return `campaign: ${COUNTERS.map((c) => `${LABEL[c]} ${counts[c]}`).join(', ')}`;
}

/** Counts with the first few examples of each, so a non-zero count can be looked into. */
export class Tally {
  readonly counts: Counts = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counts;
  readonly examples: Record<Counter, string[]> = Object.fromEntries(COUNTERS.map((c) => [c, []])) as unknown as Record<Counter, string[]>;

  add(counter: Counter, n: number, example: string): void {
    if (n <= 0) return;
    this.counts[counter] += n;
    if (this.examples[counter].length < 3) this.examples[counter].push(example);
  }
}

export type Rows = Map<string, Record<string, unknown>>;

/** The record's lists as rows (item id → column values). */
export interface RecordRows {
  people: Rows;
  organisations: Rows;
  projects: Rows;
  keys: Rows;
  filings: Rows;
  notes: Rows;
}

const LIST_BY_KIND: Record<string, keyof RecordRows> = { person: 'people', organisation: 'organisations', project: 'projects' };

/** Whether `person:12` (an EntityKey) names an entity that exists. */
export function entityExists(rows: RecordRows, key: string): boolean {
  const match = /^(person|organisation|project):(\d+)$/.exec(key);
  return !!match && rows[LIST_BY_KIND[match[1]!]!].has(match[2]!);
}

const lines = (value: unknown): string[] =>
  String(value ?? '')
    .split('\n')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/**
 * duplicates: two entities for one real person, organisation or project: the same address (people),
 * domain (organisations) or normalised name (projects), read from the entities' own fields, so an
 * entity whose key rows are missing is counted too. Entities that share a key form a group; a group
 * of n counts n - 1.
 */
export function duplicatesOf(rows: RecordRows): { count: number; examples: string[] } {
  const groups = new Map<string, Set<string>>();
  const join = (key: string, entity: string) => {
    const group = groups.get(key) ?? new Set<string>();
    group.add(entity);
    groups.set(key, group);
  };
  for (const [id, v] of rows.people) for (const email of lines(v.Emails)) join(`email:${email}`, `person:${id}`);
  for (const [id, v] of rows.organisations) for (const domain of lines(v.Domains)) join(`domain:${domain}`, `organisation:${id}`);
  for (const [id, v] of rows.projects) join(`project:${normaliseName(String(v.Title ?? ''))}`, `project:${id}`);
  // Union the groups: a person with two addresses, duplicated, is one duplicate, not two.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== undefined && parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  for (const members of groups.values()) {
    const [first, ...rest] = [...members];
    if (!parent.has(first!)) parent.set(first!, first!);
    for (const m of rest) {
      if (!parent.has(m)) parent.set(m, m);
      parent.set(find(m), find(first!));
    }
  }
  const components = new Map<string, string[]>();
  for (const x of parent.keys()) components.set(find(x), [...(components.get(find(x)) ?? []), x]);
  let count = 0;
  const examples: string[] = [];
  for (const [key, members] of groups) {
    if (members.size < 2) continue;
    if (examples.length < 3) examples.push(`${key} belongs to ${[...members].join(', ')}`);
  }
  for (const members of components.values()) count += members.length - 1;
  return { count, examples };
}

/**
 * orphans: key rows whose entity is gone; filings whose entity is gone; note filings whose note is
 * gone; notes no filing points at (saved, but filed nowhere: invisible in every timeline).
 */
export function orphansOf(rows: RecordRows): { count: number; examples: string[] } {
  const examples: string[] = [];
  let count = 0;
  const found = (what: string) => {
    count += 1;
    if (examples.length < 3) examples.push(what);
  };
  for (const [id, v] of rows.keys) if (!entityExists(rows, String(v.EntityKey))) found(`key row ${id} (${String(v.Key)}) points at ${String(v.EntityKey)}, which does not exist`);
  const filedNotes = new Set<string>();
  for (const [id, v] of rows.filings) {
    if (!entityExists(rows, String(v.EntityKey))) found(`filing ${id} (${String(v.ItemKey)}) points at ${String(v.EntityKey)}, which does not exist`);
    const note = /^note:(\d+)$/.exec(String(v.ItemKey));
    if (note) {
      filedNotes.add(note[1]!);
      if (!rows.notes.has(note[1]!)) found(`filing ${id} points at note ${note[1]}, which does not exist`);
    }
  }
  for (const [id, v] of rows.notes) if (!filedNotes.has(id)) found(`note ${id} ("${String(v.Body ?? '').slice(0, 40)}") is filed nowhere`);
  return { count, examples };
}

/**
 * Entities with an address or domain that no key row finds: invisible to lookups (the issue's
 * "entities without key rows"). Not one of the eight counters; printed beside them.
 */
export function keylessOf(rows: RecordRows): number {
  const keyed = new Set<string>();
  for (const v of rows.keys) keyed.add(`${String(v[1].UniqueKey)}|${String(v[1].EntityKey)}`);
  let count = 0;
  for (const [id, v] of rows.people) if (lines(v.Emails).some((e) => !keyed.has(`email:${e}|person:${id}`))) count += 1;
  for (const [id, v] of rows.organisations) if (lines(v.Domains).some((d) => !keyed.has(`domain:${d}|organisation:${id}`))) count += 1;
  return count;
}

/** The addresses and domains the record's key rows hold: what the ghost check looks up. */
export function lookupKeysOf(rows: RecordRows): { addresses: string[]; domains: string[] } {
  const addresses = new Set<string>();
  const domains = new Set<string>();
  for (const v of rows.keys.values()) {
    const key = String(v.Key);
    if (key.startsWith('email:')) addresses.add(key.slice('email:'.length));
    if (key.startsWith('domain:')) domains.add(key.slice('domain:'.length));
  }
  return { addresses: [...addresses], domains: [...domains] };
}

/**
 * ghosts: a lookup (address or domain, through the store's own resolve) that answers with an entity
 * that does not exist. A ghost is also an orphan key row; it is counted in both, as both are true.
 */
export function ghostsOf(rows: RecordRows, resolved: ReadonlyMap<string, { ref: { kind: string; id: string } }>): { count: number; examples: string[] } {
  const examples: string[] = [];
  let count = 0;
  for (const [key, summary] of resolved) {
    const entity = `${summary.ref.kind}:${summary.ref.id}`;
    if (entityExists(rows, entity)) continue;
    count += 1;
    if (examples.length < 3) examples.push(`${key} resolves to ${entity}, which does not exist`);
  }
  return { count, examples };
}

/** Where a message's latest intent left it, as the campaign judges it at the end. */
export type LatestIntentVerdict = 'met' | 'waiting' | 'lost' | 'stale';

/**
 * The message's final folder against the user's latest intent for it:
 * - met: it is where the intent put it;
 * - waiting: not there, but the intent waits visibly (in the outbox) or the user was told it failed;
 * - lost: not there, and still where it was when the user asked: the intent never happened, unsaid;
 * - stale: somewhere else: something older (a stale retry, a resumed older action) moved it after.
 * A stale move is stale even when the latest intent was told as failed: what moved it was not.
 */
export function judgeLatestIntent(input: { goalFolders: ReadonlySet<string>; folderAtIntent: string; finalFolder: string; waiting: boolean }): LatestIntentVerdict {
  if (input.goalFolders.has(input.finalFolder)) return 'met';
  if (input.finalFolder !== input.folderAtIntent) return 'stale';
  return input.waiting ? 'waiting' : 'lost';
}

/**
 * silent, for one message of an action (or a Retry) whose outcome did not name it as failed: it
 * must be where the action puts it, and (unless it was there already) have an undo record.
 */
export function actionSilence(input: { atGoal: boolean; wasAtGoal: boolean; inRecord: boolean }): 'ok' | 'notMoved' | 'noUndoRecord' {
  if (!input.atGoal) return 'notMoved';
  if (!input.wasAtGoal && !input.inRecord) return 'noUndoRecord';
  return 'ok';
}

/**
 * An undo reported successful for `total` messages, `count` of them said to be back, `named` named
 * as failed; `notBack` of the unnamed ones are not as before (by the user's own before where this
 * record is their latest intent, else by the record's), `differing` of those compared with the user's
 * before. The unnamed shortfall is silent, as far as messages are really not back (one already back
 * did not fail); what differs beyond it is undo-inexact (a message not back and never named counts
 * once, as silent).
 */
export function undoCounts(input: { total: number; count: number; named: number; notBack: number; differing: number }): { silent: number; inexact: number } {
  const silent = Math.min(Math.max(0, input.total - input.count - input.named), input.notBack);
  return { silent, inexact: Math.max(0, input.differing - silent) };
}

/**
 * stale, as it happens: a Retry of an older action moved the message (it was elsewhere before the
 * Retry, it is in the older action's folder now) away from where the user's latest intent put it.
 */
export function staleMove(input: { folderBefore: string; folderAfter: string; retryGoal: ReadonlySet<string>; latestGoal: ReadonlySet<string> }): boolean {
  return input.folderBefore !== input.folderAfter && input.retryGoal.has(input.folderAfter) && !input.latestGoal.has(input.folderAfter);
}

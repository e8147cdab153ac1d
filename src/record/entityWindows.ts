/**
 * One entity's filings, however many. A query on the indexed EntityKey alone is what Trail sends, and
 * SharePoint answers it while it matches at most 5,000 rows (the list view threshold; the sandbox's
 * threshold.ts and its README give the sources). Past that it refuses it (429), and waiting does not
 * help: the filings are then read through date windows of the indexed EntityMonth column
 * (`person:12|2026-11`), each a `startswith` on one indexed column, so each stays under the threshold.
 * A window that is still refused is split: century, decade, year, half year, month. Windows go newest
 * first, so a timeline stops as soon as it holds the newest rows it needs.
 *
 * Limit: one entity's filings of one calendar month must stay under 5,000; a month past that is an error.
 */
import { entityKey, type EntityRef } from '../domain/entities';
import { batchError, expectOk, type BatchResult, type BatchStep } from '../graph/batch';
import { odataString, relativeToVersion } from '../graph/odata';
import { itemsOf, nextLinkOf } from '../graph/sharepoint';
import type { StoreContext } from './context';
import type { ListItem } from './listItems';

/** The month of dates that are missing, unreadable or outside 1900–2099: a window of its own. */
const OTHER = '0000-00';

/**
 * Every value EntityMonth can hold is under exactly one of these, newest first: around `now`, years
 * (the first page of a busy entity is in a year or two, asked at once instead of after a refused
 * century and decade), future decades and years (mail dated ahead of the clock sorts first), then the
 * earlier decades and centuries, then the undated.
 */
export function rootWindows(now: Date): string[] {
  const year = now.getUTCFullYear();
  if (year < 2000 || year > 2099) return ['20', '19', OTHER];
  const decade = Math.floor(year / 10) % 10;
  const digits = (from: number, to: number) => DIGITS_DOWN.filter((d) => Number(d) >= from && Number(d) <= to);
  return [
    ...digits(decade + 1, 9).map((d) => `20${d}`),
    ...digits(0, 9).map((d) => `20${decade}${d}`),
    ...digits(0, decade - 1).map((d) => `20${d}`),
    '19',
    OTHER,
  ];
}

/** Requests of one round: one $batch. */
const ROUND = 20;
const PAGE = 500;
/** A window holds at most 5,000 rows (else it is refused): one page each, the most Graph gives. */
const WINDOW_PAGE = 5000;

/** EntityMonth: the entity and the item's month, as the item's date string gives it (the timeline sorts on that string). */
export function entityMonth(key: string, date: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const valid = match && year >= 1900 && year <= 2099 && month >= 1 && month <= 12;
  return `${key}|${valid ? `${match[1]}-${match[2]}` : OTHER}`;
}

const DIGITS_DOWN = ['9', '8', '7', '6', '5', '4', '3', '2', '1', '0'];

/** The narrower windows of a refused one, newest first; none for a single month. */
function narrower(prefix: string): string[] {
  if (prefix === OTHER || prefix.length >= 7) return [];
  if (prefix.length === 4) return [`${prefix}-1`, `${prefix}-0`];
  return DIGITS_DOWN.map((digit) => prefix + digit);
}

const byEntity = (key: string): string => `fields/EntityKey eq ${odataString(key)}`;
const inWindow = (key: string, prefix: string): string => `startswith(fields/EntityMonth,${odataString(`${key}|${prefix}`)})`;

/** A 429 to a query of one entity's rows: past the threshold (or throttled). A narrower query answers it, not a wait. */
export const refused = (result: BatchResult): boolean => !result.ok && result.status === 429;

/**
 * First pages of queries, a 429 left as an answer (a refusal past the threshold comes again however
 * long one waits); any other failure is sent again as every read is.
 */
export async function firstPages(ctx: StoreContext, steps: readonly BatchStep[]): Promise<BatchResult[]> {
  const answers = await ctx.batch(steps, { maxRetries: 0 });
  const again = steps.filter((_, i) => !answers[i]!.ok && !refused(answers[i]!));
  if (again.length === 0) return answers;
  const retried = new Map((await ctx.batch(again)).map((result) => [result.id, result]));
  return answers.map((answer, i) => retried.get(steps[i]!.id) ?? answer);
}

/**
 * A date window: `asked` once its first page is in, `next` while its walk goes on (a filtered page on a
 * large list may be empty and still not the last: SharePoint walks the list a stretch of ids at a
 * time), `done` when the walk has ended.
 */
interface Window {
  prefix: string;
  rows: ListItem[];
  state: 'unasked' | 'walking' | 'done';
  next?: string;
}

const unasked = (prefix: string): Window => ({ prefix, rows: [], state: 'unasked' });

/** Rows of the windows read to the end before the first one that is not: the newest rows, complete as far as they go. */
function leadingRows(plan: readonly Window[]): ListItem[] {
  const rows: ListItem[] = [];
  for (const window of plan) {
    if (window.state !== 'done') break;
    rows.push(...window.rows);
  }
  return rows;
}

/**
 * This round's work, newest window first, as much as one $batch holds: a first page for each window
 * not yet asked, the next page of each window being walked. A window is walked only once every newer
 * one is asked (a refused newer window may hold the page), so no walk is spent on rows a page may
 * never need while the newer ones are still being narrowed.
 */
function thisRound(plan: readonly Window[]): Window[] {
  const round: Window[] = [];
  let allAsked = true;
  for (const window of plan) {
    if (round.length === ROUND) break;
    if (window.state === 'unasked') {
      allAsked = false;
      round.push(window);
    } else if (window.state === 'walking' && allAsked) round.push(window);
  }
  return round;
}

/**
 * One entity's rows through date windows, newest first. Each round is one `$batch`: the first pages
 * of windows not yet asked (a refused one is split into narrower windows for the next round) and the
 * next page of every window being walked, so windows walk side by side, not one after another, and a
 * timeline page costs about as many round trips as one walk of the list.
 */
async function windowRows(ctx: StoreContext, key: string, enough: number): Promise<ListItem[]> {
  let plan: Window[] = rootWindows(ctx.now()).map(unasked);
  for (;;) {
    if (plan.every((window) => window.state === 'done') || leadingRows(plan).length >= enough) return leadingRows(plan);
    const round = thisRound(plan);
    const steps = round.map((window, i): BatchStep =>
      window.state === 'unasked'
        ? ctx.lists.queryStep(String(i), 'filings', { filter: inWindow(key, window.prefix), top: WINDOW_PAGE })
        : { id: String(i), method: 'GET', url: relativeToVersion(window.next!) },
    );
    const answers = await firstPages(ctx, steps);
    const split = new Map<Window, Window[]>();
    answers.forEach((answer, i) => {
      const window = round[i]!;
      if (refused(answer) && window.state === 'unasked' && narrower(window.prefix).length > 0) {
        split.set(window, narrower(window.prefix).map(unasked));
        return;
      }
      const body = expectOk(answer);
      window.rows.push(...itemsOf(body));
      const next = nextLinkOf(body);
      window.state = next ? 'walking' : 'done';
      if (next) window.next = next;
    });
    plan = plan.flatMap((window) => split.get(window) ?? [window]);
  }
}

/**
 * Each entity's filings, all of them, in no order: first the one query on EntityKey per entity, in one
 * $batch (what it always was); an entity past the threshold through windows. With `enough`, an entity
 * read through windows may stop once it holds its newest `enough` rows (a timeline page needs no more).
 *
 * An entity refused once is remembered (`ctx.pastThreshold`) and read through its windows at once the
 * next time, side by side with the other entities' queries: the refused query cost a round trip of its
 * own before the windows' walk, so its timeline opened again costs what a small entity's does (issue 18).
 * Windows read an entity of any size whole, so one that has shrunk since is still read right.
 */
export async function filingRowsOf(ctx: StoreContext, refs: readonly EntityRef[], enough = Number.POSITIVE_INFINITY): Promise<ListItem[][]> {
  if (refs.length === 0) return [];
  const keys = [...new Set(refs.map(entityKey))];
  const known = new Map(keys.filter((key) => ctx.pastThreshold?.has(key)).map((key) => [key, windowRows(ctx, key, enough)]));
  for (const reading of known.values()) reading.catch(() => undefined); // awaited below; a failure is not unhandled meanwhile
  const asked = keys.filter((key) => !known.has(key));
  const answers = asked.length ? await firstPages(ctx, asked.map((key, i) => ctx.lists.queryStep(String(i), 'filings', { filter: byEntity(key), top: PAGE }))) : [];
  const rows = new Map<string, Promise<ListItem[]>>(known);
  asked.forEach((key, i) => {
    const answer = answers[i]!;
    if (refused(answer)) ctx.pastThreshold?.add(key);
    rows.set(key, refused(answer) ? windowRows(ctx, key, enough) : ctx.lists.from(expectOk(answer)));
  });
  return Promise.all(refs.map((ref) => rows.get(entityKey(ref))!));
}

/**
 * Gives EntityMonth to the filings written before the column existed, so an entity past 5,000 filings
 * finds them in its windows. Reads the whole list unfiltered in id order (what SharePoint serves on a
 * list of any size, 5,000 rows a page) and writes only rows that lack it. Safe to run again.
 */
export async function fillEntityMonths(ctx: StoreContext): Promise<number> {
  let page = await ctx.lists.query('filings', { top: WINDOW_PAGE });
  let filled = 0;
  for (;;) {
    const missing = page.items.filter((row) => !row.fields.EntityMonth && row.fields.EntityKey);
    const results = await ctx.batch(
      missing.map((row, i) => ctx.lists.updateStep(String(i), 'filings', row.id, { EntityMonth: entityMonth(String(row.fields.EntityKey), String(row.fields.ItemDate ?? '')) }, '*')),
    );
    const failed = results.find((result) => !result.ok);
    if (failed) throw batchError(failed);
    filled += missing.length;
    if (!page.nextLink) return filled;
    page = await ctx.lists.page(page.nextLink);
  }
}

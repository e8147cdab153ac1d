import { isPublicMailDomain, normaliseAddress, normaliseDomain } from '../domain/addresses';
import { entityKey, type EntityRef, type EntitySummary, type Person } from '../domain/entities';
import { itemKey, type FiledItem } from '../domain/itemKeys';
import { MAX_WORD, normaliseName } from '../domain/nameWords';
import { cutAt } from '../domain/text';
import { expectOk, type BatchResult, type BatchStep } from '../graph/batch';
import { odataString } from '../graph/odata';
import type { StoreContext } from './context';
import { filingRowsOf, firstPages, refused } from './entityWindows';
import type { Page } from './listItems';
import { summaryFromKey, toFiling, toPerson, type Filing } from './mapping';
import type { HistoryPage, Matches } from './trailStore';

/** Sender, recipients and their domains to entities: one indexed eq per key, all in one $batch. */
export async function resolve(ctx: StoreContext, addresses: readonly string[], domains: readonly string[] = []): Promise<Matches> {
  const normalAddresses = [...new Set(addresses.map((a) => normaliseAddress(a)).flatMap((a) => (a.ok ? [a.address] : [])))];
  const normalDomains = [
    ...new Set(domains.map((d) => normaliseDomain(d)).filter((d): d is string => !!d && !isPublicMailDomain(d, ctx.extraPublicDomains))),
  ];
  const keys = [...normalAddresses.map((a) => `email:${a}`), ...normalDomains.map((d) => `domain:${d}`)];
  const matches: Matches = { people: new Map(), organisations: new Map() };
  if (keys.length === 0) return matches;
  const results = await ctx.batch(keys.map((key, i) => ctx.lists.queryStep(String(i), 'keys', { filter: `fields/Key eq ${odataString(key)}`, top: 1 })));
  const found = await Promise.all(results.map((result) => ctx.lists.from(expectOk(result), 1)));
  found.forEach((rows, i) => {
    const summary = rows.map(summaryFromKey)[0];
    if (!summary) return;
    const key = keys[i]!;
    if (key.startsWith('email:')) matches.people.set(key.slice('email:'.length), summary);
    else matches.organisations.set(key.slice('domain:'.length), summary);
  });
  return matches;
}

/**
 * Prefix search across kinds on the indexed Keys list: name words, addresses, domains; one round trip.
 * Throws SearchTooBroadError when SharePoint refuses the prefix as past the list view threshold.
 */
export async function search(ctx: StoreContext, prefix: string, limit = 20): Promise<EntitySummary[]> {
  const text = cutAt(normaliseName(prefix), MAX_WORD);
  if (!text) return [];
  const kinds = ['name', 'email', 'domain'] as const;
  // A prefix so short that more than 5,000 keys start with it is refused (429) however long one waits:
  // said at once, so the pane asks for more letters rather than showing "no results".
  const results = await firstPages(
    ctx,
    kinds.map((kind, i) => ctx.lists.queryStep(String(i), 'keys', { filter: `startswith(fields/Key,${odataString(`${kind}:${text}`)})`, top: limit * 2 })),
  );
  if (results.some(refused)) throw new SearchTooBroadError(text);
  const pages = await Promise.all(results.map((result) => ctx.lists.from(expectOk(result), limit * 2)));
  const found = new Map<string, EntitySummary>();
  for (const rows of pages) {
    for (const summary of rows.map(summaryFromKey)) {
      if (summary && !found.has(entityKey(summary.ref))) found.set(entityKey(summary.ref), summary);
    }
  }
  return [...found.values()].sort((a, b) => rank(a, text) - rank(b, text) || a.name.localeCompare(b.name)).slice(0, limit);
}

function rank(summary: EntitySummary, text: string): number {
  const name = normaliseName(summary.name);
  return name === text ? 0 : name.startsWith(text) ? 1 : 2;
}

export async function filingsOfItem(ctx: StoreContext, item: FiledItem): Promise<Filing[]> {
  const rows = await ctx.lists.all('filings', { filter: `fields/ItemKey eq ${odataString(itemKey(item))}` });
  return rows.map(toFiling);
}

/**
 * A timeline is put in order here, not by `$orderby`: Graph may ignore `$orderby` on list items
 * (microsoft-graph-docs #14191, open) and hand them over in id order, so one entity's filings are read
 * and sorted newest first: whole when SharePoint serves the indexed eq on EntityKey (at most 5,000
 * rows), else through date windows up to the newest rows the page needs (entityWindows.ts). A page
 * after the first is asked for with the cursor the previous page gave.
 */
export const newestFirst = (a: Filing, b: Filing): number => b.item.date.localeCompare(a.item.date) || Number(b.id) - Number(a.id);

/** `timeline:{offset}:{pageSize}`: where the next page starts, and how long the pages are. */
const cursorAt = (offset: number, size: number): string => `timeline:${offset}:${size}`;
export function readCursor(cursor: string): { offset: number; size: number } {
  const match = /^timeline:(\d+):(\d+)$/.exec(cursor);
  if (!match) throw new Error(`Not a timeline cursor: ${cursor}`);
  return { offset: Number(match[1]), size: Number(match[2]) };
}

/** The page at `offset` of rows that hold at least the newest `offset + size + 1` (or all of them). */
export function pageOf(filings: Filing[], offset: number, size: number): Page<Filing> {
  const sorted = [...filings].sort(newestFirst);
  return { items: sorted.slice(offset, offset + size), nextLink: offset + size < sorted.length ? cursorAt(offset + size, size) : null };
}

export async function filingsOfEntity(ctx: StoreContext, ref: EntityRef, options: { pageSize?: number; next?: string } = {}): Promise<Page<Filing>> {
  const cursor = options.next ? readCursor(options.next) : { offset: 0, size: 25 };
  const size = options.pageSize ?? cursor.size;
  // One more than the page: whether another page follows.
  const [rows] = await filingRowsOf(ctx, [ref], cursor.offset + size + 1);
  return pageOf(rows!.map(toFiling), cursor.offset, size);
}

/** Several timelines' first pages, read in one $batch (more only for an entity with more rows than a page holds), merged newest first. */
export async function history(ctx: StoreContext, refs: readonly EntityRef[], pageSize = 25): Promise<HistoryPage> {
  const timelines = await filingRowsOf(ctx, refs, pageSize + 1);
  const filings: Filing[] = [];
  const next: Record<string, string> = {};
  timelines.forEach((rows, i) => {
    const page = pageOf(rows.map(toFiling), 0, pageSize);
    filings.push(...page.items);
    if (page.nextLink) next[entityKey(refs[i]!)] = page.nextLink;
  });
  filings.sort(newestFirst);
  return { filings, next };
}

export async function conversationEntities(ctx: StoreContext, conversationId: string): Promise<EntitySummary[]> {
  if (!conversationId) return [];
  const rows = await ctx.lists.all('filings', { filter: `fields/ConversationId eq ${odataString(conversationId)}` });
  const found = new Map<string, EntitySummary>();
  for (const filing of rows.map(toFiling)) {
    const key = entityKey(filing.entity);
    if (!found.has(key)) found.set(key, { ref: filing.entity, name: filing.entityName, detail: '' });
  }
  return [...found.values()];
}

/** What the record says about the open item, in one $batch: its filings (and its series'), and its conversation's entities. */
export async function itemContext(
  ctx: StoreContext,
  items: readonly FiledItem[],
  conversationId?: string | null,
  alongside: readonly BatchStep[] = [],
): Promise<{ filed: Filing[]; conversation: EntitySummary[]; alongside: BatchResult[] }> {
  const keys = [...new Set(items.map(itemKey))];
  const steps = keys.map((key, i) => ctx.lists.queryStep(`i${i}`, 'filings', { filter: `fields/ItemKey eq ${odataString(key)}`, top: 200 }));
  if (conversationId) steps.push(ctx.lists.queryStep('c', 'filings', { filter: `fields/ConversationId eq ${odataString(conversationId)}`, top: 200 }));
  const own = steps.length;
  // The caller's steps ride in the same call under ids of our own, answered in the order given.
  const answers = await (own + alongside.length === 0 ? Promise.resolve([]) : ctx.batch([...steps, ...alongside.map((step, i) => ({ ...step, id: `a${i}` }))]));
  const extra = answers.slice(own).map((result, i) => ({ ...result, id: alongside[i]!.id }));
  if (own === 0) return { filed: [], conversation: [], alongside: extra };
  // A filtered page may be empty and still not the last: each query is followed to its end.
  const rows = await Promise.all(answers.slice(0, own).map((result) => ctx.lists.from(expectOk(result))));
  const filed = rows.slice(0, keys.length).flatMap((r) => r.map(toFiling));
  const conversation = new Map<string, EntitySummary>();
  for (const filing of conversationId ? rows[keys.length]!.map(toFiling) : []) {
    const key = entityKey(filing.entity);
    if (!conversation.has(key)) conversation.set(key, { ref: filing.entity, name: filing.entityName, detail: '' });
  }
  return { filed, conversation: [...conversation.values()], alongside: extra };
}

/** An organisation's people (an indexed eq on OrganisationId), by name. */
export async function members(ctx: StoreContext, organisation: EntityRef): Promise<Person[]> {
  const rows = await ctx.lists.all('people', { filter: `fields/OrganisationId eq ${odataString(organisation.id)}` });
  return rows.map(toPerson).sort((a, b) => a.name.localeCompare(b.name, 'fi'));
}

/** SharePoint refused a search as past the list view threshold: too many keys start with what was typed. */
export class SearchTooBroadError extends Error {
  constructor(readonly text: string) {
    super(`Too many entries start with "${text}" for SharePoint to search; type more.`);
    this.name = 'SearchTooBroadError';
  }
}

export const isSearchTooBroad = (error: unknown): error is SearchTooBroadError => error instanceof SearchTooBroadError;

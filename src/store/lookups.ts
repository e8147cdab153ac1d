import { isPublicMailDomain, normaliseAddress, normaliseDomain } from '../domain/addresses';
import { entityKey, type EntityRef, type EntitySummary, type Person } from '../domain/entities';
import { itemKey, type FiledItem } from '../domain/itemKeys';
import { normaliseName } from '../domain/nameWords';
import { expectOk, type BatchResult, type BatchStep } from '../graph/batch';
import { odataString } from '../graph/odata';
import type { StoreContext } from './context';
import { itemsOf, type Page } from './listItems';
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
  results.forEach((result, i) => {
    const summary = itemsOf(expectOk(result)).map(summaryFromKey)[0];
    if (!summary) return;
    const key = keys[i]!;
    if (key.startsWith('email:')) matches.people.set(key.slice('email:'.length), summary);
    else matches.organisations.set(key.slice('domain:'.length), summary);
  });
  return matches;
}

/** Prefix search across kinds on the indexed Keys list: name words, addresses, domains; one round trip. */
export async function search(ctx: StoreContext, prefix: string, limit = 20): Promise<EntitySummary[]> {
  const text = normaliseName(prefix).slice(0, 100);
  if (!text) return [];
  const kinds = ['name', 'email', 'domain'] as const;
  const results = await ctx.batch(
    kinds.map((kind, i) => ctx.lists.queryStep(String(i), 'keys', { filter: `startswith(fields/Key,${odataString(`${kind}:${text}`)})`, top: limit * 2 })),
  );
  const found = new Map<string, EntitySummary>();
  for (const result of results) {
    for (const summary of itemsOf(expectOk(result)).map(summaryFromKey)) {
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

export async function filingsOfEntity(ctx: StoreContext, ref: EntityRef, options: { pageSize?: number; next?: string } = {}): Promise<Page<Filing>> {
  const page = options.next
    ? await ctx.lists.page(options.next)
    : await ctx.lists.query('filings', { filter: `fields/EntityKey eq ${odataString(entityKey(ref))}`, orderby: 'fields/ItemDate desc', top: options.pageSize ?? 25 });
  return { items: page.items.map(toFiling), nextLink: page.nextLink };
}

/** Several timelines' first pages in one $batch, merged newest first. */
export async function history(ctx: StoreContext, refs: readonly EntityRef[], pageSize = 25): Promise<HistoryPage> {
  const results = await ctx.batch(
    refs.map((ref, i) =>
      ctx.lists.queryStep(String(i), 'filings', { filter: `fields/EntityKey eq ${odataString(entityKey(ref))}`, orderby: 'fields/ItemDate desc', top: pageSize }),
    ),
  );
  const filings: Filing[] = [];
  const next: Record<string, string> = {};
  results.forEach((result, i) => {
    const body = expectOk<{ '@odata.nextLink'?: string }>(result);
    filings.push(...itemsOf(body).map(toFiling));
    if (body['@odata.nextLink']) next[entityKey(refs[i]!)] = body['@odata.nextLink'];
  });
  filings.sort((a, b) => b.item.date.localeCompare(a.item.date));
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
  const results = answers.slice(0, own);
  const extra = answers.slice(own).map((result, i) => ({ ...result, id: alongside[i]!.id }));
  if (own === 0) return { filed: [], conversation: [], alongside: extra };
  const filed = results.slice(0, keys.length).flatMap((r) => itemsOf(expectOk(r)).map(toFiling));
  const conversation = new Map<string, EntitySummary>();
  for (const filing of conversationId ? itemsOf(expectOk(results[keys.length]!)).map(toFiling) : []) {
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

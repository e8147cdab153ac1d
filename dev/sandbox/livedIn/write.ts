/**
 * Writes the lived-in record over Graph exactly as Trail does: the site is set up by the provisioning
 * code `npm run provision` and the admin screen run (src/record/provision.ts), and every entity, key
 * row, participation, filing and note is written by GraphTrailStore, signed in as the colleague who
 * made it, at the time they made it (the caller's clock).
 */
import type { EntitySummary } from '../../../src/domain/entities';
import { createGraphClient, type GraphClient } from '../../../src/graph/client';
import type { AccessTokenSource } from '../../../src/graph/middleware/auth';
import { createGraphTrailStore } from '../../../src/record/graphTrailStore';
import type { StoreLocation } from '../../../src/record/location';
import { applyProvisioning, planProvisioning } from '../../../src/record/provision';
import { resolveSite } from '../../../src/record/site';
import type { TrailStore } from '../../../src/record/trailStore';
import { planActivity, type Filer, type MailboxMessage } from './activity';
import { planRecord } from './plan';

/** The sandbox's team site for Trail (sharepoint/state.ts), as `npm run provision` defaults to. */
export const PLAYGROUND_SITE = 'https://seutuopisto.sharepoint.com/sites/trail';

export interface LivedInTarget {
  /** Graph's origin (no /v1.0). */
  origin: string;
  /** The signed-in user (the mailbox owner) first, then the colleagues who file. */
  users: readonly Filer[];
  tokensFor(user: Filer): AccessTokenSource;
  /** Moves the clock Graph stamps writes with (and the store's own). */
  setClock(at: Date): void;
}

export interface LivedInSummary {
  location: StoreLocation;
  organisations: number;
  people: number;
  projects: number;
  participations: number;
  filings: number;
  notes: number;
  filers: number;
}

interface GraphMessage {
  id: string;
  internetMessageId?: string | null;
  conversationId?: string | null;
  subject?: string | null;
  receivedDateTime: string;
  from?: { emailAddress?: { name?: string; address?: string } } | null;
}

/** Every message in the signed-in user's mailbox (all folders), oldest data first as Graph pages them. */
export async function mailboxMessages(graph: GraphClient): Promise<MailboxMessage[]> {
  const out: MailboxMessage[] = [];
  let page = (await graph.api('/me/messages').select(['id', 'internetMessageId', 'conversationId', 'subject', 'receivedDateTime', 'from']).top(100).get()) as { value: GraphMessage[]; '@odata.nextLink'?: string };
  for (;;) {
    for (const m of page.value) {
      const address = m.from?.emailAddress?.address;
      out.push({
        id: m.id,
        internetMessageId: m.internetMessageId ?? null,
        conversationId: m.conversationId ?? null,
        subject: m.subject ?? '',
        receivedDateTime: m.receivedDateTime,
        from: address ? { name: m.from?.emailAddress?.name ?? '', address } : null,
      });
    }
    const next = page['@odata.nextLink'];
    if (!next) break;
    const url = new URL(next); // the client takes Graph's own origin only, so the sandbox's link goes as a path
    page = (await graph.api(`${url.pathname.replace(/^\/v1\.0/, '')}${url.search}`).get()) as typeof page;
  }
  return out.sort((a, b) => a.receivedDateTime.localeCompare(b.receivedDateTime) || a.id.localeCompare(b.id));
}

export async function writeLivedIn(target: LivedInTarget, seed: number, anchor: Date): Promise<LivedInSummary> {
  const [owner, ...colleagues] = target.users;
  if (!owner || colleagues.length < 5) throw new Error('The lived-in record needs the mailbox owner and at least five colleagues.');
  const graphOf = (user: Filer): GraphClient => createGraphClient({ baseUrl: target.origin, tokens: target.tokensFor(user) });
  const start = new Date(anchor.getTime() - 200 * 86_400_000);
  target.setClock(start);

  const ownerGraph = graphOf(owner);
  const site = await resolveSite(ownerGraph, PLAYGROUND_SITE);
  const location = await applyProvisioning(ownerGraph, site.id, await planProvisioning(ownerGraph, site.id));
  target.setClock(anchor);
  const messages = await mailboxMessages(ownerGraph);

  let clock = start;
  const now = (): Date => clock;
  const at = (time: Date): void => {
    clock = time;
    target.setClock(time);
  };
  // One request at a time: ids follow the plan's order, so the same seed gives the same record.
  const stores: TrailStore[] = colleagues.map((filer) => createGraphTrailStore({ graph: graphOf(filer), location, filer, now, batch: { maxInFlight: 1 } }));

  const plan = planRecord(seed, anchor);
  const summaries = new Map<string, EntitySummary>();
  const storeFor = (n: number): TrailStore => stores[n % stores.length]!;
  let tick = 0;
  const step = (): void => at(new Date(start.getTime() + ++tick * 60_000));

  for (const [i, o] of plan.organisations.entries()) {
    step();
    const made = await storeFor(i).createOrganisation({ name: o.name, domains: o.domains, roles: o.roles, creationId: `lived-in/org/${o.key}` });
    summaries.set(`org:${o.key}`, { ref: made.entity.ref, name: made.entity.name, detail: o.domains[0] ?? '' });
  }
  for (const [i, p] of plan.people.entries()) {
    step();
    const organisationId = p.organisation ? (summaries.get(`org:${p.organisation}`)?.ref.id ?? null) : null;
    const made = await storeFor(i).createPerson({ name: p.name, emails: [p.email], phone: p.phone, jobTitle: p.jobTitle, organisationId, roles: p.roles, creationId: `lived-in/person/${p.key}` });
    summaries.set(`person:${p.key}`, { ref: made.entity.ref, name: made.entity.name, detail: p.email.toLowerCase() });
  }
  let participations = 0;
  // A project's owner is the colleague who made it, by their own person entry, as the pane makes it
  // (services/record/projectKeeping.ts: found by address, made once when the record has none).
  const colleagueEntries = new Map<string, string>();
  const ownerEntry = async (n: number): Promise<string> => {
    const colleague = colleagues[n % colleagues.length]!;
    const known = colleagueEntries.get(colleague.upn);
    if (known) return known;
    const made = await storeFor(n).createPerson({ name: colleague.name, emails: [colleague.upn], creationId: `lived-in/colleague/${colleague.upn}` });
    colleagueEntries.set(colleague.upn, made.entity.ref.id);
    return made.entity.ref.id;
  };
  for (const [i, p] of plan.projects.entries()) {
    step();
    const store = storeFor(i);
    const ownerId = await ownerEntry(i);
    const made = await store.createProject({ name: p.name, projectKind: p.projectKind, status: p.status, startDate: p.startDate, endDate: p.endDate, ownerId, creationId: `lived-in/project/${p.key}` });
    const project: EntitySummary = { ref: made.entity.ref, name: made.entity.name, detail: '' };
    summaries.set(`project:${p.key}`, project);
    for (const participant of p.participants) {
      await store.involve(project, summaries.get(participant.entity)!, participant.role, `lived-in/participant/${p.key}/${participant.entity}`);
      participations += 1;
    }
  }

  let filings = 0;
  let notes = 0;
  const activities = planActivity(seed, anchor, plan, messages, stores.length);
  for (const [n, activity] of activities.entries()) {
    at(activity.at);
    const store = stores[activity.filer]!;
    const entities = activity.entities.map((key) => summaries.get(key)!);
    const outcomes =
      activity.kind === 'file'
        ? await store.file(activity.item, entities, activity.note)
        : await store.addNote({ headline: activity.headline, body: activity.body, date: activity.at.toISOString(), creationId: `lived-in/note/${n}` }, entities);
    const failed = outcomes.find((o) => o.status === 'failed');
    if (failed) throw new Error(`lived-in record: filing to ${failed.entity.name} failed: ${String((failed as { error: unknown }).error)}`);
    filings += outcomes.filter((o) => o.status === 'filed').length;
    if (activity.kind === 'note') notes += 1;
  }
  at(anchor);
  return {
    location,
    organisations: plan.organisations.length,
    people: plan.people.length,
    projects: plan.projects.length,
    participations,
    filings,
    notes,
    filers: colleagues.length,
  };
}

/**
 * Filing the open item: what to suggest, where it is already filed, filing and unfiling, and the
 * Outlook category that makes filed mail recognisable in the message list. Everything the store
 * says about one item is asked at once, so suggestions and "Filed to" arrive in one round trip.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { normaliseAddress, organisationDomainOf } from '../domain/addresses';
import { entityKey, type EntitySummary } from '../domain/entities';
import type { FiledItem } from '../domain/itemKeys';
import { suggestFilings, type Participant, type Suggestion, type UnknownParticipant } from '../domain/suggestions';
import { pathSegment } from '../graph/odata';
import type { MessageSnapshot } from '../office/host';
import type { Filing, FilingOutcome, TrailStore } from '../store/trailStore';

/** The category filed mail carries (a master category of that name is optional; Outlook shows it either way). */
export const FILED_CATEGORY = 'Trail';
const RECENT_KEY = 'trail.recentEntities';
const MAX_RECENT = 10;

export interface FilingView {
  item: FiledItem;
  suggestions: Suggestion[];
  unknown: UnknownParticipant[];
  filed: Filing[];
  /** The sender as the record knows them, for the history beside the message. */
  sender: { address: string; name: string; person?: EntitySummary; organisation?: EntitySummary } | null;
}

export interface FilingServiceOptions {
  store: TrailStore;
  graph: Client;
  /** The signed-in user's address. */
  self: string;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

export function filedItemOfMessage(message: MessageSnapshot): FiledItem {
  return {
    kind: 'message',
    immutableId: message.id,
    internetMessageId: message.internetMessageId,
    conversationId: message.conversationId,
    subject: message.subject,
    from: message.from,
    date: message.receivedAt ?? new Date(0).toISOString(),
  };
}

function participantsOf(message: MessageSnapshot): Participant[] {
  return [
    ...(message.from ? [{ ...message.from, role: 'sender' as const }] : []),
    ...[...message.to, ...message.cc].map((a) => ({ ...a, role: 'recipient' as const })),
  ];
}

export function createFilingService(options: FilingServiceOptions) {
  const { store, graph } = options;

  const recent = (): EntitySummary[] => {
    try {
      const value = JSON.parse(options.storage?.getItem(RECENT_KEY) ?? '[]') as unknown;
      return Array.isArray(value) ? (value as EntitySummary[]).filter((e) => e?.ref?.kind && e.ref.id && typeof e.name === 'string') : [];
    } catch {
      return [];
    }
  };
  const remember = (entities: readonly EntitySummary[]) => {
    const keys = new Set(entities.map((e) => entityKey(e.ref)));
    const next = [...entities, ...recent().filter((e) => !keys.has(entityKey(e.ref)))].slice(0, MAX_RECENT);
    try {
      options.storage?.setItem(RECENT_KEY, JSON.stringify(next));
    } catch {
      // Recent entities are a convenience; a full storage costs only that.
    }
  };

  async function view(message: MessageSnapshot): Promise<FilingView> {
    const item = filedItemOfMessage(message);
    const participants = participantsOf(message);
    const addresses = participants.map((p) => normaliseAddress(p.address)).flatMap((n) => (n.ok ? [n.address] : []));
    const domains = [...new Set(addresses.map((a) => organisationDomainOf(a)).filter((d): d is string => !!d))];
    const [matches, conversation, filed] = await Promise.all([
      store.resolve(addresses, domains),
      message.conversationId ? store.conversationEntities(message.conversationId) : Promise.resolve([]),
      store.filingsOfItem(item),
    ]);
    const { suggestions, unknown } = suggestFilings({
      participants,
      people: matches.people,
      organisations: matches.organisations,
      conversation: conversation.filter((e) => e.ref.kind === 'project'),
      recent: recent(),
      filed: filed.map((f) => f.entity),
      self: options.self,
    });
    const from = message.from ? normaliseAddress(message.from.address) : undefined;
    const senderDomain = from?.ok ? organisationDomainOf(from.address) : undefined;
    const sender =
      message.from && from?.ok
        ? {
            address: from.address,
            name: message.from.name,
            ...(matches.people.get(from.address) ? { person: matches.people.get(from.address)! } : {}),
            ...(senderDomain && matches.organisations.get(senderDomain) ? { organisation: matches.organisations.get(senderDomain)! } : {}),
          }
        : null;
    return { item, suggestions, unknown, filed, sender };
  }

  /** Files the item, then tags the message; a tag that fails never undoes or hides the filing. */
  async function fileTo(item: FiledItem, entities: readonly EntitySummary[], note?: string): Promise<{ outcomes: FilingOutcome[]; tagged: boolean }> {
    const outcomes = await store.file(item, entities, note);
    remember(outcomes.filter((o) => o.status !== 'failed').map((o) => o.entity));
    let tagged = true;
    if (item.kind === 'message' && outcomes.some((o) => o.status !== 'failed')) tagged = await addCategory(item.immutableId).then(() => true, () => false);
    return { outcomes, tagged };
  }

  async function addCategory(messageId: string): Promise<void> {
    const path = `/me/messages/${pathSegment(messageId)}`;
    const current = (await graph.api(path).select('categories').get()) as { categories?: string[] };
    const categories = current.categories ?? [];
    if (categories.some((c) => c.toLowerCase() === FILED_CATEGORY.toLowerCase())) return;
    await graph.api(path).patch({ categories: [...categories, FILED_CATEGORY] });
  }

  return { view, fileTo, unfile: (filing: Filing) => store.unfile(filing), search: (text: string) => store.search(text, 10), store };
}

export type FilingService = ReturnType<typeof createFilingService>;

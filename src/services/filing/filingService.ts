/**
 * Filing the open item (a message or a meeting): what to suggest, where it is already filed, filing
 * and unfiling, and the Outlook category that makes filed mail recognisable in the message list.
 * Everything the store says about one item is asked in one $batch and a warm index names the
 * participants locally, so suggestions and "Filed to" arrive in one round trip.
 */
import type { GraphClient } from '../../graph/client';
import { normaliseAddress, organisationDomainOf } from '../../domain/addresses';
import { entityKey, type EntityRef, type EntitySummary } from '../../domain/entities';
import type { ItemIdentity } from '../../domain/itemIdentity';
import { itemKey, type FiledItem } from '../../domain/itemKeys';
import { utcIsoOfGraphDateTime } from '../../domain/graphDateTime';
import type { TenantSettings } from '../../domain/tenantSettings';
import { suggestFilings, type Participant, type Suggestion, type UnknownParticipant } from '../../domain/suggestions';
import type { BatchResult, BatchStep } from '../../graph/batch';
import { eventById, type CalendarEvent } from '../../graph/calendar';
import { categoriesOf, setCategories } from '../../graph/messages';
import { translatedByStep, translateExchangeIdsStep, type TranslateIds } from '../../graph/exchangeIds';
import type { AppointmentSnapshot, ItemSnapshot, MessageSnapshot } from '../../office/host';
import { itemIdentitiesFor, type ItemIdentities } from '../itemIdentities';
import type { EntityIndex } from '../../record/entityIndex';
import type { OrganisationInput, PersonInput, ProjectInput } from '../../record/mapping';
import type { Filing, FilingOutcome, Matches, TrailStore } from '../../record/trailStore';
import { createPendingCreations } from './pendingCreations';
import { createRecentEntities, isEntityGone } from './recentEntities';
import type { RecordChanges } from '../record/recordChanges';

/** The category filed mail carries (a master category of that name is optional; Outlook shows it either way). */
export const FILED_CATEGORY = 'Trail';

export interface FilingView {
  /** What a filing files by default: the message, the single meeting, or this occurrence of a series. */
  item: FiledItem;
  /** The whole series, when the open meeting is an occurrence of one: the user chooses which to link. */
  series: FiledItem | null;
  suggestions: Suggestion[];
  unknown: UnknownParticipant[];
  /** Filings of the item and of its series, by anyone. */
  filed: Filing[];
  /** The sender (or the meeting's first other participant) as the record knows them, for the card beside it. */
  sender: { address: string; name: string; person?: EntitySummary; organisation?: EntitySummary } | null;
}

export interface FilingServiceOptions {
  store: TrailStore;
  graph: GraphClient;
  /** The signed-in user's address. */
  self: string;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** When warm, addresses and domains resolve locally and suggestions cost one round trip. */
  index?: Pick<EntityIndex, 'state' | 'personByAddress' | 'organisationByDomain'> & Partial<Pick<EntityIndex, 'entity' | 'refresh'>>;
  /** Told of each entity the user creates here, once the index knows it (services/record/recordChanges.ts). */
  changes?: RecordChanges;
  /** The organisation's rules (tenant settings), read at each view so a refreshed copy applies at once. */
  organisation?: () => Pick<TenantSettings, 'publicDomains' | 'neverFileDomains'>;
  /** Where the open item's immutable id comes from; by default the session's own for this Graph client. */
  identities?: ItemIdentities;
  /**
   * How long what the record said about an item or a conversation is reused within the session
   * (default CONTEXT_MAX_AGE_MS; 0 asks every time). The user's own filings and unfilings update it at
   * once; a colleague's show once it is this old.
   */
  contextMaxAgeMs?: number;
  now?: () => number;
}

/**
 * Every SharePoint query costs the app's shared budget (resource units, per app per tenant): coming back
 * to a message, or to another message of a thread, within this long reuses the answer instead of asking
 * again for the same item key or conversation.
 */
export const CONTEXT_MAX_AGE_MS = 5 * 60_000;

/** Each entity once, as filed. */
export function uniqueEntities(filings: readonly Filing[]): EntitySummary[] {
  const seen = new Map<string, EntitySummary>();
  for (const f of filings) if (!seen.has(entityKey(f.entity))) seen.set(entityKey(f.entity), { ref: f.entity, name: f.entityName, detail: '' });
  return [...seen.values()];
}

/** The message as a filing keeps it: by its identity (immutable id and mailbox), never by Office's id. */
export function filedItemOfMessage(message: MessageSnapshot, identity: ItemIdentity): FiledItem {
  return {
    kind: 'message',
    immutableId: identity.immutableId,
    internetMessageId: message.internetMessageId,
    conversationId: message.conversationId,
    subject: message.subject,
    from: message.from,
    date: message.receivedAt ?? new Date(0).toISOString(),
    // The immutable id above is only meaningful in this mailbox, so the filing says which one it is.
    mailbox: identity.mailbox,
  };
}

type GraphEventIdentity = CalendarEvent;

/**
 * The open item as a filing keeps it (and its series), and what the record is asked about it, with any
 * request that rides in the same `$batch` and who takes its answer.
 */
interface OpenItems {
  items: Promise<{ item: FiledItem; series: FiledItem | null }>;
  lookup: Promise<{ items: FiledItem[]; alongside?: BatchStep[]; answer?: (result: BatchResult | undefined, failure?: unknown) => void }>;
}

const EVENT_IDENTITY = ['id', 'iCalUId', 'webLink', 'type', 'seriesMasterId', 'subject', 'start'];

const utcOf = (value: GraphEventIdentity['start']): string | null => utcIsoOfGraphDateTime(value) ?? null;

function participantsOf(item: ItemSnapshot): Participant[] {
  if (item.kind === 'message') {
    return [
      ...(item.from ? [{ ...item.from, role: 'sender' as const }] : []),
      ...[...item.to, ...item.cc].map((a) => ({ ...a, role: 'recipient' as const })),
    ];
  }
  return [
    ...(item.organizer ? [{ ...item.organizer, role: 'organizer' as const }] : []),
    ...[...item.requiredAttendees, ...item.optionalAttendees].map((a) => ({ ...a, role: 'attendee' as const })),
  ];
}

export function createFilingService(options: FilingServiceOptions) {
  const { store, graph } = options;
  const identities = options.identities ?? itemIdentitiesFor(graph);
  const organisation = () => options.organisation?.() ?? { publicDomains: [], neverFileDomains: [] };

  const recentEntities = createRecentEntities(options.storage);
  const recent = recentEntities.list;
  const remember = recentEntities.remember;
  /** Entities this session saw leave the record (merged away, erased): never suggested again, even before the index catches up. */
  const goneKeys = new Set<string>();
  /**
   * The entity is no longer in the record (merged away or erased): it is not suggested as recent again,
   * nor by address or domain, and what the session held of items and threads (which may name it) is asked again.
   */
  const forgetEntity = (ref: EntityRef) => {
    recentEntities.forget([ref]);
    goneKeys.add(entityKey(ref));
    filedByKey.clear();
    conversations.clear();
  };
  const present = (matches: Map<string, EntitySummary>) => new Map([...matches].filter(([, e]) => !goneKeys.has(entityKey(e.ref))));

  /** A warm index answers who the addresses are without a request; a cold one leaves it to the store. */
  function resolve(addresses: string[], domains: string[]): Promise<Matches> {
    const index = options.index;
    if (index?.state !== 'warm') return store.resolve(addresses, domains);
    const summary = (e: EntitySummary): EntitySummary => ({ ref: e.ref, name: e.name, detail: e.detail });
    const people = new Map<string, EntitySummary>();
    const organisations = new Map<string, EntitySummary>();
    for (const a of addresses) {
      const person = index.personByAddress(a);
      if (person) people.set(a, summary(person));
    }
    for (const d of domains) {
      const organisation = index.organisationByDomain(d);
      if (organisation) organisations.set(d, summary(organisation));
    }
    return Promise.resolve({ people, organisations });
  }

  /**
   * The meeting as the record keys it: by iCalUId, which is the same in every attendee's calendar.
   * An occurrence also brings its series, so the user can link either. Read from Graph because
   * Office.js does not expose iCalUId. The read also names the meeting by its immutable id (the client
   * asks every request for immutable ids), so a meeting needs no translation of its own; one Graph cannot
   * read (another's calendar) is translated instead, and failing that keeps Office's id.
   */
  async function meetingItems(appointment: AppointmentSnapshot): Promise<{ item: FiledItem; series: FiledItem | null }> {
    const read = (id: string) =>
      eventById(graph, appointment.mailbox, id, EVENT_IDENTITY).catch(() => null);
    const [event, master] = await Promise.all([read(appointment.id), appointment.seriesId ? read(appointment.seriesId) : Promise.resolve(null)]);
    const base = { subject: appointment.subject, from: appointment.organizer, mailbox: appointment.mailbox };
    const seriesOf = (m: GraphEventIdentity): FiledItem => ({
      ...base,
      kind: 'series',
      immutableId: m.id,
      iCalUId: m.iCalUId ?? null,
      seriesMasterId: m.id,
      subject: m.subject ?? appointment.subject,
      date: utcOf(m.start) ?? appointment.start ?? new Date(0).toISOString(),
      webLink: m.webLink ?? null,
    });
    const unread = async (id: string): Promise<GraphEventIdentity> => ({ id: await identities.of({ mailbox: appointment.mailbox, id }).then((i) => i.immutableId, () => id) });
    if (event?.type === 'seriesMaster' || appointment.seriesMaster) return { item: seriesOf(event ?? (await unread(appointment.id))), series: null };
    const item: FiledItem = {
      ...base,
      kind: 'event',
      immutableId: (event ?? (await unread(appointment.id))).id,
      iCalUId: event?.iCalUId ?? null,
      seriesMasterId: master?.id ?? event?.seriesMasterId ?? appointment.seriesId,
      date: appointment.start ?? utcOf(event?.start) ?? new Date(0).toISOString(),
      webLink: event?.webLink ?? null,
    };
    const seriesId = appointment.seriesId ?? event?.seriesMasterId;
    return { item, series: seriesId ? seriesOf(master ?? (await unread(seriesId))) : null };
  }

  /**
   * The message as a filing keeps it, and as the record is asked about it. The record keys mail by its
   * internetMessageId, the same in every copy, so the lookup need not wait for the immutable id: the
   * translation rides in the lookup's own `$batch`, and suggestions, Filed to and the id cost one request.
   * Only mail without an internetMessageId (keyed by the immutable id) is translated first.
   */
  function messageItems(message: MessageSnapshot): OpenItems {
    if (!message.internetMessageId) {
      const filed = identities.of(message).then((identity) => filedItemOfMessage(message, identity));
      return { items: filed.then((item) => ({ item, series: null })), lookup: filed.then((item) => ({ items: [item] })) };
    }
    let step: BatchStep | undefined;
    let answer!: (result: BatchResult | undefined, failure?: unknown) => void;
    const answered = new Promise<BatchResult>((resolve, reject) => {
      answer = (result, failure) => (result ? resolve(result) : reject(failure ?? new Error('The $batch did not answer the id translation.')));
    });
    answered.catch(() => undefined); // awaited only when the translation was asked; its failure is reported there
    const viaLookup: TranslateIds = async (mailbox, ids, from, to) => {
      const asked = translateExchangeIdsStep('identity', mailbox, ids, from, to);
      step = asked;
      return translatedByStep(asked, await answered);
    };
    const filed = identities.of(message, viaLookup).then((identity) => filedItemOfMessage(message, identity));
    // Office's REST id stands in for the immutable id only where the key does not contain it.
    const keyed = filedItemOfMessage(message, { mailbox: message.mailbox, immutableId: message.id });
    return { items: filed.then((item) => ({ item, series: null })), lookup: Promise.resolve({ items: [keyed], alongside: step ? [step] : [], answer }) };
  }

  /** A meeting is asked about once Graph has named it (and its series), by iCalUId. */
  function appointmentItems(appointment: AppointmentSnapshot): OpenItems {
    const items = meetingItems(appointment);
    return { items, lookup: items.then(({ item, series }) => ({ items: series ? [item, series] : [item] })) };
  }

  /** What the record said, by item key and by conversation id, and when (see CONTEXT_MAX_AGE_MS). */
  const maxAge = options.contextMaxAgeMs ?? CONTEXT_MAX_AGE_MS;
  const clock = options.now ?? Date.now;
  const filedByKey = new Map<string, { at: number; filings: Filing[] }>();
  const conversations = new Map<string, { at: number; entities: EntitySummary[] }>();
  const fresh = <T extends { at: number }>(entry: T | undefined): T | undefined => (entry && clock() - entry.at < maxAge ? entry : undefined);

  /** The record's answer about the items and the conversation, asking only what the session does not hold fresh. */
  async function itemContext(items: readonly FiledItem[], conversationId: string | null, alongside: readonly BatchStep[] | undefined) {
    const keys = [...new Set(items.map(itemKey))];
    const askKeys = new Set(keys.filter((k) => !fresh(filedByKey.get(k))));
    const knownConversation = conversationId ? fresh(conversations.get(conversationId)) : undefined;
    const askConversation = conversationId && !knownConversation ? conversationId : null;
    const at = clock();
    const answered = await store.itemContext(items.filter((i) => askKeys.has(itemKey(i))), askConversation, alongside);
    for (const key of askKeys) filedByKey.set(key, { at, filings: answered.filed.filter((f) => f.itemKey === key) });
    if (askConversation) conversations.set(askConversation, { at, entities: answered.conversation });
    return {
      filed: keys.flatMap((k) => (askKeys.has(k) ? answered.filed.filter((f) => f.itemKey === k) : filedByKey.get(k)!.filings)),
      conversation: askConversation ? answered.conversation : (knownConversation?.entities ?? []),
      alongside: answered.alongside,
    };
  }

  /** The user's own filing changes what the session holds at once (so the pane's re-read asks nothing). */
  function filedHere(item: FiledItem, outcomes: readonly FilingOutcome[]) {
    const cached = filedByKey.get(itemKey(item));
    const made = outcomes.flatMap((o) => (o.status === 'filed' ? [o.filing] : []));
    // "Already filed" by someone this session has not seen: ask again next time.
    if (outcomes.some((o) => o.status === 'alreadyFiled' && !cached?.filings.some((f) => entityKey(f.entity) === entityKey(o.entity.ref)))) filedByKey.delete(itemKey(item));
    else if (cached) cached.filings = [...cached.filings, ...made.filter((m) => !cached.filings.some((f) => f.id === m.id))];
    const conversation = item.kind === 'message' && item.conversationId ? conversations.get(item.conversationId) : undefined;
    if (conversation) {
      for (const f of made) {
        if (!conversation.entities.some((e) => entityKey(e.ref) === entityKey(f.entity))) conversation.entities = [...conversation.entities, { ref: f.entity, name: f.entityName, detail: '' }];
      }
    }
  }

  /** A write whose answer was lost may have applied: the session asks again. */
  function forget(item: FiledItem) {
    filedByKey.delete(itemKey(item));
    if (item.kind === 'message' && item.conversationId) conversations.delete(item.conversationId);
  }

  function unfiledHere(filing: Filing) {
    const cached = filedByKey.get(filing.itemKey);
    if (cached) cached.filings = cached.filings.filter((f) => f.id !== filing.id);
    // Other filings of the thread may still name the entity: the conversation is asked again.
    if (filing.item.kind === 'message' && filing.item.conversationId) conversations.delete(filing.item.conversationId);
  }

  async function view(open: ItemSnapshot): Promise<FilingView> {
    const participants = participantsOf(open);
    const addresses = participants.map((p) => normaliseAddress(p.address)).flatMap((n) => (n.ok ? [n.address] : []));
    const rules = organisation();
    const domains = [...new Set(addresses.map((a) => organisationDomainOf(a, rules.publicDomains)).filter((d): d is string => !!d))];
    const conversationId = open.kind === 'message' ? open.conversationId : null;
    const { items, lookup } = open.kind === 'message' ? messageItems(open) : appointmentItems(open);
    const context = lookup.then((asked) =>
      itemContext(asked.items, conversationId, asked.alongside).then(
        (answered) => (asked.answer?.(answered.alongside[0]), answered),
        (failure: unknown) => {
          asked.answer?.(undefined, failure);
          throw failure;
        },
      ),
    );
    const [resolved, { item, series }, { filed, conversation }] = await Promise.all([resolve(addresses, domains), items, context]);
    const matches: Matches = { people: present(resolved.people), organisations: present(resolved.organisations) };
    // A remembered choice with a project's status as the index knows it now (a closed one is not suggested again).
    const known = (e: EntitySummary): EntitySummary => (options.index?.entity?.(e.ref)?.closed ? { ...e, closed: true } : e);
    const { suggestions, unknown } = suggestFilings({
      participants,
      people: matches.people,
      organisations: matches.organisations,
      conversation: conversation.filter((e) => e.ref.kind === 'project'),
      recent: recent()
        .filter((e) => !goneKeys.has(entityKey(e.ref)))
        .map(known),
      filed: filed.map((f) => f.entity),
      self: options.self,
      extraPublicDomains: rules.publicDomains,
      neverFileDomains: rules.neverFileDomains,
    });
    // A filing (and a remembered recent choice) keeps the name as written then; where the index knows the
    // entity's current name, a renamed organisation or person is shown by that (issue 16).
    const current = (ref: EntityRef, name: string) => options.index?.entity?.(ref)?.name || name;
    return {
      item,
      series,
      suggestions: suggestions.map((s) => ({ ...s, entity: { ...known(s.entity), name: current(s.entity.ref, s.entity.name) } })),
      unknown,
      filed: filed.map((f) => ({ ...f, entityName: current(f.entity, f.entityName) })),
      sender: senderOf(participants, matches, rules.publicDomains),
    };
  }

  function senderOf(participants: Participant[], matches: Matches, publicDomains: readonly string[]): FilingView['sender'] {
    const self = normaliseAddress(options.self);
    for (const p of participants) {
      const n = normaliseAddress(p.address);
      if (!n.ok || (self.ok && n.address === self.address)) continue;
      const domain = organisationDomainOf(n.address, publicDomains);
      const person = matches.people.get(n.address);
      const organisation = domain ? matches.organisations.get(domain) : undefined;
      return { address: n.address, name: p.name, ...(person ? { person } : {}), ...(organisation ? { organisation } : {}) };
    }
    return null;
  }

  /**
   * A creation is answered once the index knows it, so the pane's re-read of the open item finds the new
   * person (by address) or organisation (by domain) at once; then every view is told (recordChanges.ts).
   */
  async function known<T extends { entity: { ref: EntityRef } }>(made: T): Promise<T> {
    await options.index?.refresh?.().catch(() => undefined);
    options.changes?.changed([made.entity.ref]);
    return made;
  }

  const creations = createPendingCreations(options.storage);
  const once = creations.once;

  /** "What was agreed": a note filed to every entity the meeting (or its series) is filed to. */
  async function addMeetingNote(meeting: FilingView, text: string, when?: string): Promise<FilingOutcome[]> {
    const entities = uniqueEntities(meeting.filed);
    if (entities.length === 0) return [];
    const intent = JSON.stringify(['note', itemKey(meeting.item), text, when ?? null, entities.map((e) => entityKey(e.ref))]);
    // Kept with the creation id until the save succeeds, so a later pane can finish it (resume).
    const pending = { headline: meeting.item.subject, body: text, date: when ?? new Date().toISOString(), entities };
    return once(
      intent,
      (creationId) => store.addNote({ headline: meeting.item.subject, body: text, ...(when ? { date: when } : {}), creationId }, entities),
      noteSaved,
      pending,
    );
  }

  const noteSaved = (outcomes: readonly FilingOutcome[]) => outcomes.every((o) => o.status !== 'failed');

  /**
   * Settles the meeting-note saves an earlier pane began and did not finish, so the record is what the
   * user was told. A save the pane closed in the middle of (the user never heard) is finished: saved again
   * with its own creation id, so its note, if written, is found and filed rather than made twice. A save
   * the user was told had failed, and did not ask for again, leaves no note filed nowhere (a note row it
   * wrote is removed; one filed somewhere stays). What fails again waits for the next pane; a save this
   * pane holds is left to its user. Runs once per pane (the pane starts it as it opens); returns the
   * outcomes of the saves it finished.
   */
  let resumed: Promise<FilingOutcome[][]> | undefined;
  function resume(): Promise<FilingOutcome[][]> {
    resumed ??= (async () => {
      const finished: FilingOutcome[][] = [];
      for (const waiting of creations.waitingNotes()) {
        if (waiting.told) {
          const removed = await store.discardUnfiledNote(waiting.creationId).then(() => true, () => false);
          if (removed) creations.forget(waiting.intent);
          continue;
        }
        const { headline, body, date, entities } = waiting.note;
        const outcomes = await store.addNote({ headline, body, date, creationId: waiting.creationId }, entities).catch(() => undefined);
        if (!outcomes || !noteSaved(outcomes)) continue;
        creations.forget(waiting.intent);
        finished.push(outcomes);
      }
      return finished;
    })();
    return resumed;
  }

  /** Creates a person, or finds the one with that address; asked again after a failure, it is the same creation. */
  const createPerson = (input: PersonInput) => once(JSON.stringify(['person', input]), (creationId) => store.createPerson({ ...input, creationId })).then(known);
  /** Creates an organisation, or finds the one with that domain; asked again after a failure, it is the same creation. */
  const createOrganisation = (input: OrganisationInput) => once(JSON.stringify(['organisation', input]), (creationId) => store.createOrganisation({ ...input, creationId })).then(known);

  /** Creates a project, or finds the one of that name; asked again after a failure, it is the same creation. */
  const createProject = (input: ProjectInput) => once(JSON.stringify(['project', input]), (creationId) => store.createProject({ ...input, creationId })).then(known);

  /** Files the item, then tags the message; a tag that fails never undoes or hides the filing. */
  async function fileTo(item: FiledItem, entities: readonly EntitySummary[], note?: string): Promise<{ outcomes: FilingOutcome[]; tagged: boolean }> {
    const outcomes = await store.file(item, entities, note).catch((error: unknown) => {
      forget(item);
      throw error;
    });
    // A failed step may still have applied (its answer lost): then the session asks again.
    if (outcomes.some((o) => o.status === 'failed')) forget(item);
    else filedHere(item, outcomes);
    remember(outcomes.filter((o) => o.status !== 'failed').map((o) => o.entity), itemKey(item));
    recentEntities.forget(outcomes.flatMap((o) => (o.status === 'failed' && isEntityGone(o.error) ? [o.entity.ref] : [])));
    let tagged = true;
    if (item.kind === 'message' && outcomes.some((o) => o.status !== 'failed')) tagged = await addCategory({ mailbox: item.mailbox ?? null, immutableId: item.immutableId }).then(() => true, () => false);
    return { outcomes, tagged };
  }

  async function addCategory(message: ItemIdentity): Promise<void> {
    const categories = await categoriesOf(graph, message);
    if (categories.some((c) => c.toLowerCase() === FILED_CATEGORY.toLowerCase())) return;
    await setCategories(graph, message, [...categories, FILED_CATEGORY]);
  }

  return { view, fileTo, addMeetingNote, resume, forgetEntity, isEntityGone, createPerson, createOrganisation, createProject, unfile: (filing: Filing) =>
      store.unfile(filing).then(
        () => {
          unfiledHere(filing);
          recentEntities.unfiled(filing.entity, filing.itemKey);
        },
        (error: unknown) => {
          forget(filing.item);
          throw error;
        },
      ), search: (text: string) => store.search(text, 10), store };
}

export type FilingService = ReturnType<typeof createFilingService>;

/**
 * Filing operations as the pane makes them, through a pane's filing runtime: file a message to
 * entities, create an entity and file to it, unfile, save a note of a meeting, edit an entity. A
 * failure the user is shown is tried again as a user would (up to three tries in all); what the
 * user was finally told is written down with each intent.
 */
import { entityKey, type EntitySummary } from '../../src/domain/entities';
import { itemKey } from '../../src/domain/itemKeys';
import type { FilingView } from '../../src/services/filing/filingService';
import type { Filing, FilingOutcome } from '../../src/services/filingRuntime';
import type { Tally } from './counts';
import type { Random } from './random';
import type { Pane, World } from './world';

const TRIES = 3;

interface PairIntent {
  want: 'filed' | 'unfiled';
  told: boolean;
  op: number;
  subject: string;
  entityName: string;
}

interface NoteIntent {
  op: number;
  text: string;
  entities: string[];
  told: boolean;
}

interface EditIntent {
  op: number;
  notes: string;
  addedEmail?: string;
  told: boolean;
}

export interface FilingStats {
  ops: number;
  files: number;
  creates: number;
  unfiles: number;
  notes: number;
  edits: number;
  failedTries: number;
}

export interface FilingDriver {
  op(n: number): Promise<void>;
  finish(): void;
  stats: FilingStats;
  /** Scripted, for the counters' own tests: an entity the user knows, a filing to it, a note of a meeting filed to it. */
  know(entity: EntitySummary): void;
  file(n: number, entities: EntitySummary[]): Promise<void>;
  note(n: number): Promise<boolean>;
}

interface Identity {
  kind: 'person' | 'organisation' | 'project';
  name: string;
  address?: string;
  domain?: string;
}

/** The people, organisations and projects the users meet: each created more than once over a run. */
function identities(): Identity[] {
  const first = ['Aino', 'Eero', 'Helmi', 'Ilmari', 'Kaisa', 'Lauri', 'Minna', 'Olli', 'Pirjo', 'Sami'];
  const last = ['Heikkinen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Virtanen'];
  const orgs = ['Harju AMK', 'Kuopion kaupunki', 'Hämeen ELY-keskus', 'Savon Sanomat', 'Tampereen yliopisto', 'Oulun seudun koulutus'];
  const projects = ['Digiloikka 2026', 'Vihreä siirtymä', 'Osaamisen polut', 'Kielikylpy', 'Aikuiskoulutus Plus', 'Tekoälykoulu'];
  const people = first.flatMap((f, i) => last.filter((_, j) => (i + j) % 2 === 0).map((l) => ({ kind: 'person' as const, name: `${f} ${l}`, address: `${f}.${l}@org${(i + l.length) % orgs.length}.campaign.fi`.toLowerCase().replace('ä', 'a') })));
  return [
    ...people,
    ...orgs.map((name, i) => ({ kind: 'organisation' as const, name, domain: `org${i}.campaign.fi` })),
    ...projects.map((name) => ({ kind: 'project' as const, name })),
  ];
}

export function filingDriver(world: World, random: Random, tally: Tally, pool: readonly string[], pane: () => Pane): FilingDriver {
  const stats: FilingStats = { ops: 0, files: 0, creates: 0, unfiles: 0, notes: 0, edits: 0, failedTries: 0 };
  const known = new Map<string, EntitySummary>();
  const filings = new Map<string, Filing>();
  const pairs = new Map<string, PairIntent>();
  const notes: NoteIntent[] = [];
  const edits = new Map<string, EditIntent>();
  const people = identities();

  const rowsOf = (list: string) => world.list(list);
  const filingRows = (item: string, entity: string) => [...rowsOf('Trail Filings').values()].filter((v) => v.ItemKey === item && v.EntityKey === entity);
  const exists = (key: string) => {
    const [kind, id] = key.split(':') as [string, string];
    const list = kind === 'person' ? 'Trail People' : kind === 'organisation' ? 'Trail Organisations' : 'Trail Projects';
    return rowsOf(list).has(id);
  };

  /** Up to three tries; the last failure is what the user is left with (told). */
  async function tries<T>(run: () => Promise<T>, failed: (value: T) => boolean = () => false): Promise<{ value?: T; error?: unknown }> {
    let last: { value?: T; error?: unknown } = {};
    for (let i = 0; i < TRIES; i++) {
      try {
        const value = await run();
        last = { value };
        if (!failed(value)) return last;
      } catch (error) {
        last = { error };
      }
      stats.failedTries += 1;
    }
    return last;
  }

  async function fileMessage(n: number, entities: EntitySummary[]): Promise<void> {
    const m = world.message(random.pick(pool))!;
    const snapshot = world.snapshotOf(m);
    let remaining = entities;
    let item: string | undefined;
    for (let i = 0; i < TRIES && remaining.length > 0; i++) {
      try {
        const runtime = await pane().filing();
        const view = await runtime.filing.view(snapshot);
        item = itemKey(view.item);
        const { outcomes } = await runtime.filing.fileTo(view.item, remaining);
        remaining = settle(n, item, snapshot.subject, outcomes);
      } catch {
        // Told: the pane shows the error, and the user clicks File again.
      }
      if (remaining.length > 0) stats.failedTries += 1;
    }
    // What still failed was told; its intent is recorded so the end does not expect it.
    const key = item ?? itemKey({ kind: 'message', immutableId: m.immutableId, internetMessageId: (m.data.internetMessageId as string) ?? null, subject: snapshot.subject, date: '' });
    for (const e of remaining) pairs.set(`${key}|${entityKey(e.ref)}`, { want: 'filed', told: true, op: n, subject: snapshot.subject, entityName: e.name });
  }

  /** Records the outcomes; returns the entities still failed. */
  function settle(n: number, item: string, subject: string, outcomes: readonly FilingOutcome[]): EntitySummary[] {
    const failed: EntitySummary[] = [];
    for (const o of outcomes) {
      const entity = entityKey(o.entity.ref);
      const pair = `${item}|${entity}`;
      if (o.status === 'failed') {
        failed.push(o.entity);
        continue;
      }
      if (o.status === 'filed') filings.set(pair, o.filing);
      pairs.set(pair, { want: 'filed', told: false, op: n, subject, entityName: o.entity.name });
      if (filingRows(item, entity).length === 0) tally.add('silent', 1, `op ${n}: filing "${subject}" to ${o.entity.name} answered ${o.status}, but the record has no such filing`);
    }
    return failed;
  }

  async function createAndFile(n: number): Promise<void> {
    stats.creates += 1;
    const who = random.pick(people);
    const { value, error } = await tries(async () => {
      // As the pane does: through the filing service, whose creation id outlives a lost answer and a closed pane.
      const filing = (await pane().filing()).filing;
      if (who.kind === 'person') return filing.createPerson({ name: who.name, emails: [who.address!] });
      if (who.kind === 'organisation') return filing.createOrganisation({ name: who.name, domains: [who.domain!] });
      return filing.createProject({ name: who.name });
    });
    if (!value) return void error; // told: the pane shows the error, and the user gives up after three tries
    const summary: EntitySummary = value.status === 'created' ? { ref: value.entity.ref, name: value.entity.name, detail: '' } : value.entity;
    if (!exists(entityKey(summary.ref))) tally.add('silent', 1, `op ${n}: creating ${who.kind} "${who.name}" answered ${value.status} ${entityKey(summary.ref)}, which does not exist`);
    known.set(entityKey(summary.ref), summary);
    await fileMessage(n, [summary]);
  }

  async function unfile(n: number): Promise<boolean> {
    const filed = [...filings].filter(([pair]) => pairs.get(pair)?.want === 'filed');
    if (filed.length === 0) return false;
    stats.unfiles += 1;
    const [pair, filing] = random.pick(filed);
    const { error } = await tries(async () => (await pane().filing()).filing.unfile(filing));
    filings.delete(pair);
    pairs.set(pair, { want: 'unfiled', told: error !== undefined, op: n, subject: filing.item.subject, entityName: filing.entityName });
    if (error === undefined && filingRows(filing.itemKey, entityKey(filing.entity)).length > 0)
      tally.add('silent', 1, `op ${n}: unfiling "${filing.item.subject}" from ${filing.entityName} answered done, but the filing is still there`);
    return true;
  }

  async function note(n: number): Promise<boolean> {
    if (known.size === 0) return false;
    stats.notes += 1;
    const entities = random.sample([...known.values()], 1 + random.int(2));
    const text = `Agreed in meeting ${n}: next steps ${random.int(1e6)}`;
    // The meeting's view as the pane holds it: the entities it is filed to.
    const meeting = { item: { subject: `Meeting ${n}` }, filed: entities.map((e) => ({ entity: e.ref, entityName: e.name })) } as unknown as FilingView;
    const { value, error } = await tries(
      async () => (await pane().filing()).filing.addMeetingNote(meeting, text),
      (outcomes) => outcomes.some((o) => o.status === 'failed'),
    );
    const told = error !== undefined || !value || value.some((o) => o.status === 'failed');
    notes.push({ op: n, text, entities: entities.map((e) => entityKey(e.ref)), told });
    if (!told && !noteFiledTo(text, entities.map((e) => entityKey(e.ref))))
      tally.add('silent', 1, `op ${n}: a meeting note answered saved, but the record does not have it filed to every entity`);
    return true;
  }

  function noteRows(text: string): string[] {
    return [...rowsOf('Trail Notes')].filter(([, v]) => v.Body === text).map(([id]) => id);
  }

  function noteFiledTo(text: string, entities: string[]): boolean {
    const ids = new Set(noteRows(text).map((id) => `note:${id}`));
    const rows = [...rowsOf('Trail Filings').values()];
    return entities.every((e) => rows.some((r) => r.EntityKey === e && ids.has(String(r.ItemKey))));
  }

  async function edit(n: number): Promise<boolean> {
    if (known.size === 0) return false;
    stats.edits += 1;
    const summary = random.pick([...known.values()]);
    const key = entityKey(summary.ref);
    const notesValue = `Edited in op ${n}`;
    const addEmail = summary.ref.kind === 'person' && random.chance(0.3) ? `alias${n}@org${n % 6}.campaign.fi` : undefined;
    const { error } = await tries(async () => {
      const store = (await pane().filing()).filing.store;
      const entity = await store.get(summary.ref);
      const emails = (entity as { emails?: string[] }).emails ?? [];
      return store.update(entity, { notes: notesValue, ...(addEmail ? { emails: [...emails, addEmail] } : {}) });
    });
    edits.set(key, { op: n, notes: notesValue, ...(addEmail ? { addedEmail: addEmail } : {}), told: error !== undefined });
    if (error === undefined && rowsOf(listOf(key)).get(key.split(':')[1]!)?.Notes !== notesValue)
      tally.add('silent', 1, `op ${n}: editing ${summary.name} answered saved, but the entity does not have the change`);
    return true;
  }

  const listOf = (key: string) => (key.startsWith('person:') ? 'Trail People' : key.startsWith('organisation:') ? 'Trail Organisations' : 'Trail Projects');

  return {
    stats,
    know: (entity) => void known.set(entityKey(entity.ref), entity),
    file: (n, entities) => fileMessage(n, entities),
    note: (n) => note(n),
    async op(n) {
      stats.ops += 1;
      const roll = random.next();
      if (roll < 0.3 || known.size < 3) return createAndFile(n);
      if (roll < 0.55) {
        stats.files += 1;
        return fileMessage(n, random.sample([...known.values()], 1 + random.int(3)));
      }
      if (roll < 0.7 && (await unfile(n))) return;
      if (roll < 0.85 && (await note(n))) return;
      if (await edit(n)) return;
      return createAndFile(n);
    },
    finish() {
      for (const [pair, intent] of pairs) {
        const [item, entity] = [pair.slice(0, pair.lastIndexOf('|')), pair.slice(pair.lastIndexOf('|') + 1)];
        const rows = filingRows(item, entity).length;
        if (rows > 1) tally.add('doubled', rows - 1, `op ${intent.op}: "${intent.subject}" is filed ${rows} times to ${intent.entityName}`);
        if (intent.told) continue;
        if (intent.want === 'filed' && rows === 0) tally.add('lost', 1, `op ${intent.op}: "${intent.subject}" filed to ${intent.entityName} is not in the record, and no failure was shown`);
        if (intent.want === 'unfiled' && rows > 0) tally.add('lost', 1, `op ${intent.op}: "${intent.subject}" unfiled from ${intent.entityName} is still filed, and no failure was shown`);
      }
      for (const intent of notes) {
        const saved = noteRows(intent.text).length;
        if (saved > 1) tally.add('doubled', saved - 1, `op ${intent.op}: one meeting note was saved ${saved} times`);
        if (!intent.told && !noteFiledTo(intent.text, intent.entities)) tally.add('lost', 1, `op ${intent.op}: a meeting note shown as saved is not in the record filed to its entities`);
      }
      const keys = [...rowsOf('Trail Keys').values()];
      for (const [key, intent] of edits) {
        if (intent.told) continue;
        const row = rowsOf(listOf(key)).get(key.split(':')[1]!);
        if (!row || row.Notes !== intent.notes) tally.add('lost', 1, `op ${intent.op}: the edit of ${key} shown as saved is not what the record holds`);
        else if (intent.addedEmail && !keys.some((k) => k.Key === `email:${intent.addedEmail}` && k.EntityKey === key))
          tally.add('lost', 1, `op ${intent.op}: ${intent.addedEmail}, added to ${key} and shown as saved, finds nobody`);
      }
    },
  };
}

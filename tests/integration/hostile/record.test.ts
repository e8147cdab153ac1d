/**
 * Hostile text through every input of the shared record, over real HTTP against the sandbox: search,
 * create (person, organisation, project), rename, roles, an entity's notes, a project role, the filing
 * note and a meeting note. For each string of the corpus:
 * - nothing crashes: the only refusal is InvalidInputError, which says which value and why;
 * - no query changes: every $filter the sandbox is asked has a shape plain text also produces, and the
 *   hostile text is only ever inside a literal, which reads back as what was looked for;
 * - nothing typed is changed silently: what is read back is what was typed (trimmed at the ends; a
 *   composed and a decomposed letter are one letter), or the write was refused with the reason.
 */
import type { EntitySummary, Person, Project } from '../../../src/domain/entities';
import type { FiledItem } from '../../../src/domain/itemKeys';
import { MAX_WORD, normaliseName } from '../../../src/domain/nameWords';
import { cutAt } from '../../../src/domain/text';
import { createEntityIndex } from '../../../src/record/entityIndex';
import { InvalidInputError } from '../../../src/record/errors';
import { SiteLists } from '../../../src/record/listItems';
import { TITLE_MAX } from '../../../src/record/mapping';
import { SINGLE_LINE_MAX } from '../../../src/record/schema';
import { HOSTILE_STRINGS, type HostileString } from '../../support/hostileStrings';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';
import { filtersAsked, PLAIN_SHAPE, type ParsedFilter } from './queries';

let s: TestStore;
/** Shapes of the filters plain text produces, operation by operation, learnt before the corpus runs. */
const plainShapes = new Set<string>();

beforeAll(async () => {
  s = await startTestStore();
  s.t.sandbox.control.clearRequests();
  // Every operation once with plain text: the shapes a hostile run may produce.
  const person = await created<Person>(s.store.createPerson({ name: 'Plain Person', emails: ['plain.person@kallio-rakennus.fi'] }));
  await s.store.createOrganisation({ name: 'Plain Oy', domains: ['plain-oy.fi'] });
  const project = await created<Project>(s.store.createProject({ name: 'Plain project' }));
  await s.store.search('Plain');
  await s.store.update(person, { name: 'Plain Person Renamed', roles: ['ohjaaja'], notes: 'plain' });
  await s.store.involve(summary(project), summary(person), 'ohjaaja');
  await s.store.file(mail(0), [summary(person)], 'plain note');
  await s.store.filingsOfItem(mail(0));
  await s.store.addNote({ headline: 'Plain', body: 'plain' }, [summary(person)]);
  await s.store.participants(project.ref);
  for (const f of filtersAsked(s.t)) plainShapes.add(f.shape);
  s.t.sandbox.control.clearRequests();
}, 60_000);
afterAll(() => s.t.close());
expectNoContractViolations(() => s?.t);

async function created<T>(outcome: Promise<{ status: string; entity: unknown }>): Promise<T> {
  const o = await outcome;
  if (o.status !== 'created') throw new Error('expected a new entity');
  return o.entity as T;
}
const summary = (entity: { ref: EntitySummary['ref']; name: string }): EntitySummary => ({ ref: entity.ref, name: entity.name, detail: '' });

function mail(n: number, subject = `Hostile ${n}`): FiledItem {
  return {
    kind: 'message',
    immutableId: `AAMkHostile${n}=`,
    internetMessageId: `<hostile${n}@kallio-rakennus.fi>`,
    conversationId: `conv-hostile-${n}`,
    subject,
    from: { name: 'Mikko Heikkinen', address: 'mikko.heikkinen@kallio-rakennus.fi' },
    date: new Date(Date.UTC(2026, 10, 1, 8, 0, n % 60)).toISOString(),
  };
}

/** Text as the record should hold it: trimmed at the ends, one form for composed and decomposed letters. */
const same = (a: string, b: string) => a.normalize('NFC') === b.normalize('NFC');

/** The name refusals the store words (InvalidInputError with the problem), else undefined. */
function nameRefusal(text: string): 'emptyName' | 'nameTooLong' | undefined {
  const trimmed = text.trim();
  // Only invisible characters is no name: nothing to see, and nothing to find it by.
  return !normaliseName(trimmed) ? 'emptyName' : trimmed.length > TITLE_MAX ? 'nameTooLong' : undefined;
}

/** Runs `check` for every string, a few at a time; returns what went wrong, labelled. */
async function each(strings: readonly HostileString[], check: (h: HostileString, i: number) => Promise<string | undefined>, concurrency = 6): Promise<string[]> {
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < strings.length) {
      const i = next++;
      const h = strings[i]!;
      try {
        const problem = await check(h, i);
        if (problem) problems.push(`${h.category} / ${h.label}: ${problem}`);
      } catch (error) {
        problems.push(`${h.category} / ${h.label}: threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return problems;
}

/** Refused with the expected worded problem, or the problem with the refusal. */
async function refusedAs(write: Promise<unknown>, problem: string): Promise<string | undefined> {
  try {
    await write;
    return `accepted, expected a refusal (${problem})`;
  } catch (error) {
    if (error instanceof InvalidInputError && error.problems.some((p) => p.problem === problem)) return undefined;
    throw error;
  }
}

/** Every filter asked since the last clear: plain shapes only. */
function shapeProblems(filters: ParsedFilter[]): string[] {
  return filters.filter((f) => !PLAIN_SHAPE.test(f.shape) || !plainShapes.has(f.shape)).map((f) => `changed query: ${f.shape}`);
}

test('the corpus has at least 250 strings', () => {
  expect(HOSTILE_STRINGS.length).toBeGreaterThanOrEqual(250);
});

test('search: never throws; each query keeps its shape, and its literal is the typed text as the keys hold it', async () => {
  const problems = await each(
    HOSTILE_STRINGS,
    async (h) => {
      s.t.sandbox.control.clearRequests();
      await s.store.search(h.text);
      const filters = filtersAsked(s.t);
      const wanted = cutAt(normaliseName(h.text), MAX_WORD);
      if (!wanted) return filters.length ? `asked ${filters.length} queries for nothing` : undefined;
      const literals = filters.flatMap((f) => f.literals).sort();
      const expected = ['domain', 'email', 'name'].map((kind) => `${kind}:${wanted}`);
      if (JSON.stringify(literals) !== JSON.stringify(expected)) return `literals ${JSON.stringify(literals)}`;
      return shapeProblems(filters)[0];
    },
    1, // one at a time: the request log says which string asked what
  );
  expect(problems).toEqual([]);
}, 120_000);

describe('create', () => {
  beforeEach(() => s.t.sandbox.control.clearRequests());

  test('a person by any name: read back as typed, or refused with the reason', async () => {
    const problems = await each(HOSTILE_STRINGS, async (h, i) => {
      const input = { name: h.text, emails: [`hostile.person${i}@kallio-rakennus.fi`] };
      const refusal = nameRefusal(h.text);
      if (refusal) return refusedAs(s.store.createPerson(input), refusal);
      const person = await created<Person>(s.store.createPerson(input));
      const read = await s.store.get(person.ref);
      return same(read.name, h.text.trim()) ? undefined : `read back ${JSON.stringify(read.name.slice(0, 80))}`;
    });
    expect(problems).toEqual([]);
    expect(shapeProblems(filtersAsked(s.t))).toEqual([]);
  }, 120_000);

  test('an organisation by any name: read back as typed, or refused with the reason', async () => {
    const problems = await each(HOSTILE_STRINGS, async (h, i) => {
      const input = { name: h.text, domains: [`hostile-org${i}.fi`] };
      const refusal = nameRefusal(h.text);
      if (refusal) return refusedAs(s.store.createOrganisation(input), refusal);
      const organisation = await created<{ ref: EntitySummary['ref'] }>(s.store.createOrganisation(input));
      const read = await s.store.get(organisation.ref);
      return same(read.name, h.text.trim()) ? undefined : `read back ${JSON.stringify(read.name.slice(0, 80))}`;
    });
    expect(problems).toEqual([]);
    expect(shapeProblems(filtersAsked(s.t))).toEqual([]);
  }, 120_000);

  test('a project by any name: made once, read back as typed, found again by that name; or refused with the reason', async () => {
    const problems = await each(
      HOSTILE_STRINGS,
      async (h) => {
        const refusal = nameRefusal(h.text);
        if (refusal) return refusedAs(s.store.createProject({ name: h.text }), refusal);
        const outcome = await s.store.createProject({ name: h.text });
        const again = await s.store.createProject({ name: h.text });
        if (again.status !== 'existing' || again.entity.ref.id !== outcome.entity.ref.id) return 'a second create made another project';
        if (outcome.status === 'existing') return undefined; // an earlier string is the same name (é composed and decomposed)
        const read = await s.store.get(outcome.entity.ref);
        return same(read.name, h.text.trim()) ? undefined : `read back ${JSON.stringify(read.name.slice(0, 80))}`;
      },
      1, // one at a time: two strings may be one name, and racing creates are another test's subject
    );
    expect(problems).toEqual([]);
    expect(shapeProblems(filtersAsked(s.t))).toEqual([]);
  }, 180_000);
});

test('a project of any name is found by searching for that name, on the server and in the local index', async () => {
  const made = new Map<string, string>();
  for (const h of HOSTILE_STRINGS) {
    // Made by the create test, or now when this runs alone.
    if (!nameRefusal(h.text)) made.set(h.text, (await s.store.createProject({ name: h.text })).entity.ref.id);
  }
  const index = createEntityIndex(new SiteLists(s.graph, s.location));
  await index.refresh();
  const problems = await each(HOSTILE_STRINGS, async (h) => {
    const id = made.get(h.text);
    if (id === undefined) return undefined;
    const isIt = (e: EntitySummary) => e.ref.kind === 'project' && e.ref.id === id;
    const server = await s.store.search(h.text, 50);
    const local = index.search(h.text, 50);
    // Known limit, reported (issue 17, short searches): the server reads the first rows whose key starts
    // so; a one-letter name ("A") among more than a page of "a…" names is beyond them. The index finds it.
    const serverFull = server.length >= 50;
    return [server.some(isIt) || serverFull ? '' : `not found by the server among ${server.length}`, local.some(isIt) ? '' : `not found in the index among ${local.length}`].filter(Boolean).join('; ') || undefined;
  });
  expect(problems).toEqual([]);
}, 180_000);

describe('an existing person', () => {
  let people: Person[];
  beforeAll(async () => {
    people = [];
    for (const [i] of HOSTILE_STRINGS.entries()) {
      people.push(await created<Person>(s.store.createPerson({ name: `Muokattava ${i}`, emails: [`muokattava${i}@kallio-rakennus.fi`] })));
    }
  }, 120_000);
  beforeEach(() => s.t.sandbox.control.clearRequests());

  test('renamed to any name: read back as typed, or refused with the reason and left as it was', async () => {
    const problems = await each(HOSTILE_STRINGS, async (h, i) => {
      const person = people[i]!;
      const refusal = nameRefusal(h.text);
      if (refusal) {
        const problem = await refusedAs(s.store.update(person, { name: h.text }), refusal);
        const read = await s.store.get(person.ref);
        return problem ?? (read.name === person.name ? undefined : `renamed to ${JSON.stringify(read.name.slice(0, 80))} though refused`);
      }
      const updated = await s.store.update(person, { name: h.text });
      people[i] = updated;
      const read = await s.store.get(person.ref);
      return same(read.name, h.text.trim()) ? undefined : `read back ${JSON.stringify(read.name.slice(0, 80))}`;
    });
    expect(problems).toEqual([]);
    expect(shapeProblems(filtersAsked(s.t))).toEqual([]);
  }, 120_000);

  test('a role of any text: read back as typed, or refused with the reason', async () => {
    const problems = await each(HOSTILE_STRINGS, async (h, i) => {
      const person = (await s.store.get(people[i]!.ref)) as Person;
      const wanted = [h.text.trim(), 'ohjaaja'].filter(Boolean);
      // The record keeps roles as one line of 255 characters, each ended by a semicolon.
      const refusal = h.text.includes(';') ? 'roleSeparator' : wanted.join(';').length > SINGLE_LINE_MAX ? 'rolesTooLong' : undefined;
      if (refusal) return refusedAs(s.store.update(person, { roles: [h.text, 'ohjaaja'] }), refusal);
      await s.store.update(person, { roles: [h.text, 'ohjaaja'] });
      const read = await s.store.get(person.ref);
      return JSON.stringify(read.roles) === JSON.stringify(wanted) ? undefined : `read back ${JSON.stringify(read.roles).slice(0, 120)}`;
    });
    expect(problems).toEqual([]);
  }, 120_000);

  test('notes of any text: read back exactly as typed', async () => {
    const problems = await each(HOSTILE_STRINGS, async (h, i) => {
      const person = (await s.store.get(people[i]!.ref)) as Person;
      await s.store.update(person, { notes: h.text });
      const read = await s.store.get(person.ref);
      return read.notes === h.text ? undefined : `read back ${JSON.stringify(read.notes.slice(0, 80))} (${read.notes.length} of ${h.text.length})`;
    });
    expect(problems).toEqual([]);
  }, 120_000);

  test('the filing note as the pane sends it (trimmed, at most 255): read back exactly', async () => {
    const notes = HOSTILE_STRINGS.filter((h) => h.text.trim().length <= SINGLE_LINE_MAX);
    const problems = await each(notes, async (h, i) => {
      const item = mail(1000 + i);
      const [outcome] = await s.store.file(item, [summary(people[i]!)], h.text.trim() || undefined);
      if (outcome?.status !== 'filed') return `not filed: ${outcome?.status}`;
      const [read] = await s.store.filingsOfItem(item);
      return read?.note === h.text.trim() ? undefined : `read back ${JSON.stringify(read?.note.slice(0, 80))}`;
    });
    expect(problems).toEqual([]);
    expect(shapeProblems(filtersAsked(s.t))).toEqual([]);
  }, 120_000);

  test('a meeting note of any text: its body read back exactly, its subject any hostile text', async () => {
    const problems = await each(HOSTILE_STRINGS, async (h, i) => {
      const [outcome] = await s.store.addNote({ headline: h.text, body: h.text }, [summary(people[i]!)]);
      if (outcome?.status !== 'filed') return `not filed: ${outcome?.status}`;
      const noteId = outcome.filing.item.immutableId;
      const row = await s.t.graphJson<{ fields: { Body?: string } }>(`/sites/${s.location.siteId}/lists/${s.location.lists.notes}/items/${noteId}?$expand=fields`);
      return row.body.fields.Body === h.text ? undefined : `body read back ${JSON.stringify(row.body.fields.Body?.slice(0, 80))}`;
    });
    expect(problems).toEqual([]);
  }, 120_000);
});

test('a project role of any text: read back as typed, or refused with the reason', async () => {
  const project = await created<{ ref: EntitySummary['ref']; name: string }>(s.store.createProject({ name: 'Roolit' }));
  s.t.sandbox.control.clearRequests();
  const problems = await each(HOSTILE_STRINGS, async (h, i) => {
    const person = await created<Person>(s.store.createPerson({ name: `Osallinen ${i}`, emails: [`osallinen${i}@kallio-rakennus.fi`] }));
    // No role named is a role too (taking part, as what not yet said).
    const refusal = h.text.trim().length > TITLE_MAX ? 'roleTooLong' : undefined;
    if (refusal) return refusedAs(s.store.involve(summary(project), summary(person), h.text), refusal);
    const participation = await s.store.involve(summary(project), summary(person), h.text);
    const read = (await s.store.projectsOf(person.ref)).find((p) => p.project.ref.id === project.ref.id);
    if (!same(participation.role, h.text.trim())) return `answered ${JSON.stringify(participation.role.slice(0, 80))}`;
    return read && same(read.role, h.text.trim()) ? undefined : `read back ${JSON.stringify(read?.role.slice(0, 80))}`;
  });
  expect(problems).toEqual([]);
  expect(shapeProblems(filtersAsked(s.t))).toEqual([]);
}, 180_000);

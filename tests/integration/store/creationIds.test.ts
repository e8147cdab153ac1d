/**
 * Creations that survive lost answers (issue 17, defects 1, 2 and 8), against the sandbox over HTTP
 * with faults before and after the write: a retry after a lost answer finds the first row by its
 * creation id instead of making a second; a key row whose entity is gone resolves to nothing; the undo
 * of a half-made creation checks each step; a meeting note is never doubled nor left without its filing.
 */
import type { EntityRef, EntitySummary } from '../../../src/domain/entities';
import type { FiledItem } from '../../../src/domain/itemKeys';
import { createFilingService } from '../../../src/services/filing/filingService';
import type { FilingView } from '../../../src/services/filing/filingService';
import { storePerFile } from '../helpers/store';

jest.setTimeout(30_000);
const s = storePerFile();

let serial = 0;
const unique = (label: string) => `${label}${++serial}`;
type ListName = 'people' | 'organisations' | 'projects' | 'keys' | 'notes' | 'filings';

/** Rows of a list as SharePoint holds them, read around Trail (non-indexed filters allowed). */
async function rows(list: ListName, filter: string): Promise<Array<{ id: string; fields: Record<string, unknown> }>> {
  const answer = await s().t.graphJson<{ value: Array<{ id: string; fields: Record<string, unknown> }> }>(
    `/sites/${encodeURIComponent(s().location.siteId)}/lists/${s().location.lists[list]}/items?$filter=${encodeURIComponent(filter)}&$expand=fields&$top=500`,
    { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
  );
  return answer.body.value;
}
const itemsPath = (list: ListName) => `${s().location.lists[list]}/items`;
const keysOf = (ref: EntityRef) => rows('keys', `fields/EntityKey eq '${ref.kind}:${ref.id}'`);
const exists = (ref: EntityRef) => s().store.get(ref).then(() => true, () => false);

describe('a lost answer to a create never makes a second entity', () => {
  const kinds = [
    ['person', 'people', () => ({ name: unique('Kadonnut Vastaus '), emails: [`kadonnut${serial}@vastaus.fi`] })],
    ['organisation', 'organisations', () => ({ name: unique('Kadonnut Oy '), domains: [`kadonnut${serial}.fi`] })],
    ['project', 'projects', () => ({ name: unique('Kadonnut hanke ') })],
  ] as const;
  const create = (kind: string, input: Record<string, unknown>) =>
    kind === 'person'
      ? s().store.createPerson(input as never)
      : kind === 'organisation'
        ? s().store.createOrganisation(input as never)
        : s().store.createProject(input as never);

  test.each(kinds.flatMap(([kind, list, input]) => (['after503', 'afterReset'] as const).map((fault) => [kind, list, input, fault] as const)))(
    'a %s whose create answer is lost (%s) is found by its creation id in the same call',
    async (kind, list, input, fault) => {
      const wanted = input();
      s().t.sandbox.control.setFaults({ rules: [{ kind: fault, method: 'POST', pathPattern: itemsPath(list), next: 1 }] });
      const outcome = await create(kind, wanted);
      s().t.sandbox.control.clearFaults();
      expect(outcome.status).toBe('created');
      expect(await rows(list, `fields/Title eq '${wanted.name}'`)).toHaveLength(1);
      expect((await keysOf(outcome.entity.ref)).length).toBeGreaterThan(0);
    },
  );

  test.each(kinds)('a %s retried after the answer and the look-up were both lost is made once, with its keys', async (kind, list, input) => {
    const wanted = { ...input(), creationId: `creation-${kind}-${serial}` };
    s().t.sandbox.control.setFaults({
      rules: [
        { kind: 'after503', method: 'POST', pathPattern: itemsPath(list), next: 1 },
        // After the create, the list cannot be read (the first read, before the create, passes): the user is told it failed.
        { kind: '503', method: 'GET', pathPattern: itemsPath(list), after: 1 },
      ],
    });
    await expect(create(kind, wanted)).rejects.toBeDefined();
    s().t.sandbox.control.clearFaults();
    const again = await create(kind, wanted);
    expect(again.status).toBe('created');
    const made = await rows(list, `fields/Title eq '${wanted.name}'`);
    expect(made).toHaveLength(1);
    expect(again.entity.ref.id).toBe(made[0]!.id);
    expect((await keysOf(again.entity.ref)).length).toBeGreaterThan(0);
  });

  test('a person whose key rows answer was lost, retried, is one person with every key row', async () => {
    const wanted = { name: unique('Avain Puuttuu '), emails: [`avain${serial}@puuttuu.fi`, `toinen${serial}@puuttuu.fi`], creationId: `creation-keys-${serial}` };
    // The lookup passes, the entity is made, the key rows' $batch is answered 503 after it ran, and no row can be deleted.
    s().t.sandbox.control.setFaults({
      rules: [
        { kind: 'after503', method: 'POST', pathPattern: '$batch', after: 1, next: 1 },
        { kind: '503', method: 'DELETE' },
      ],
    });
    await s().store.createPerson(wanted).catch(() => undefined);
    s().t.sandbox.control.clearFaults();
    const again = await s().store.createPerson(wanted);
    expect(await rows('people', `fields/Title eq '${wanted.name}'`)).toHaveLength(1);
    expect(again.entity.ref.id).toBe((await rows('people', `fields/Title eq '${wanted.name}'`))[0]!.id);
    expect((await keysOf(again.entity.ref)).map((row) => row.fields.Key).sort()).toEqual(expect.arrayContaining(wanted.emails.map((e) => `email:${e}`)));
    const matches = await s().store.resolve(wanted.emails);
    expect(matches.people.get(wanted.emails[1]!)?.ref).toEqual(again.entity.ref);
  });
});

describe('a key row whose entity is gone is not trusted', () => {
  test('a ghost key row is not taken for an owner: a new organisation takes its domain', async () => {
    const domain = `aave${++serial}.fi`;
    const made = await s().store.createOrganisation({ name: `Aave Oy ${serial}`, domains: [domain] });
    // The entity row is gone, its key rows are not (a half-done undo or erasure of an older client).
    const gone = await s().t.graphFetch(`/sites/${encodeURIComponent(s().location.siteId)}/lists/${s().location.lists.organisations}/items/${made.entity.ref.id}`, { method: 'DELETE' });
    expect(gone.status).toBe(204);

    const again = await s().store.createOrganisation({ name: `Aave Oy ${serial}`, domains: [domain] });
    expect(again.status).toBe('created');
    expect(await exists(again.entity.ref)).toBe(true);
    expect((await s().store.resolve([], [domain])).organisations.get(domain)?.ref).toEqual(again.entity.ref);
    // The ghost's rows were removed when the new organisation needed the domain.
    expect(await keysOf(made.entity.ref)).toEqual([]);
  });

  test('an undo whose key-row deletes fail leaves no ghost: what resolves exists, and the failure is reported', async () => {
    const domain = `puolikas${++serial}.fi`;
    const name = `Puolikas Oy ${serial}`;
    s().t.sandbox.control.setFaults({
      rules: [
        // The domain's key row is written, the name's is refused (a 503): the creation is undone...
        { kind: '503', method: 'POST', pathPattern: itemsPath('keys'), after: 1, next: 1 },
        // ...and every delete of a key row fails.
        { kind: '503', method: 'DELETE', pathPattern: itemsPath('keys') },
      ],
    });
    const failure = await s().store.createOrganisation({ name, domains: [domain] }).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeDefined();
    s().t.sandbox.control.clearFaults();
    const found = (await s().store.resolve([], [domain])).organisations.get(domain);
    if (found) expect(await exists(found.ref)).toBe(true);
    for (const row of await rows('keys', `fields/Key eq 'domain:${domain}'`)) {
      const [kind, id] = String(row.fields.EntityKey).split(':');
      expect(await exists({ kind: kind as EntityRef['kind'], id: id! })).toBe(true);
    }
    const again = await s().store.createOrganisation({ name, domains: [domain] });
    expect(await exists(again.entity.ref)).toBe(true);
    expect(await rows('organisations', `fields/Title eq '${name}'`)).toHaveLength(1);
  });
});

describe('a meeting note is saved once, and never without its filing', () => {
  let project: EntitySummary;
  beforeAll(async () => {
    const made = await s().store.createProject({ name: unique('Muistiinpanohanke ') });
    project = { ref: made.entity.ref, name: made.entity.name, detail: '' };
  });
  const notesTitled = (headline: string) => rows('notes', `fields/Title eq '${headline}'`);
  const filingsOfNote = async (noteId: string) => rows('filings', `fields/ItemKey eq 'note:${noteId}'`);

  test('the note create answer is lost: one note, filed', async () => {
    const headline = unique('Palaveri A ');
    s().t.sandbox.control.setFaults({ rules: [{ kind: 'after503', method: 'POST', pathPattern: itemsPath('notes'), next: 1 }] });
    const outcomes = await s().store.addNote({ headline, body: 'Sovittiin jatkosta.', creationId: `note-${serial}` }, [project]);
    s().t.sandbox.control.clearFaults();
    expect(outcomes.map((o) => o.status)).toEqual(['filed']);
    const notes = await notesTitled(headline);
    expect(notes).toHaveLength(1);
    expect(await filingsOfNote(notes[0]!.id)).toHaveLength(1);
  });

  test('the filing answer is lost and the user saves again: one note, one filing', async () => {
    const headline = unique('Palaveri B ');
    const note = { headline, body: 'Sovittiin hinnasta.', creationId: `note-${serial}` };
    s().t.sandbox.control.setFaults({ rules: [{ kind: 'after503', method: 'POST', pathPattern: '$batch', next: 1 }, { kind: '503', method: 'DELETE' }] });
    await s().store.addNote(note, [project]).catch(() => undefined);
    s().t.sandbox.control.clearFaults();
    const outcomes = await s().store.addNote(note, [project]);
    expect(outcomes.map((o) => o.status)).not.toContain('failed');
    const notes = await notesTitled(headline);
    expect(notes).toHaveLength(1);
    expect(await filingsOfNote(notes[0]!.id)).toHaveLength(1);
  });

  test('filing fails before it is written and the user gives up: no orphan note', async () => {
    const headline = unique('Palaveri C ');
    s().t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'POST', pathPattern: '$batch' }] });
    const result = await s().store.addNote({ headline, body: 'Ei tallentunut.' }, [project]).then(
      (outcomes) => outcomes.map((o) => o.status),
      () => 'threw',
    );
    s().t.sandbox.control.clearFaults();
    expect(result === 'threw' || !(result as string[]).includes('filed')).toBe(true);
    expect(await notesTitled(headline)).toEqual([]);
  });

  test.each(['after503', 'afterReset'] as const)('the filing step is written but its answer is lost (%s, inner and outer): the note stays, filed', async (fault) => {
    const headline = unique('Palaveri E ');
    // Every filing create applies, then its answer is lost: inside the $batch (that step answers 503) or the whole $batch.
    s().t.sandbox.control.setFaults({ rules: [{ kind: 'after503', method: 'POST', pathPattern: itemsPath('filings') }, { kind: fault, method: 'POST', pathPattern: '$batch', next: 1 }] });
    const result = await s().store.addNote({ headline, body: 'Sovittiin toimituksesta.', creationId: `note-${serial}` }, [project]).then(
      (outcomes) => outcomes.map((o) => o.status),
      () => 'threw',
    );
    s().t.sandbox.control.clearFaults();
    const notes = await notesTitled(headline);
    expect(notes).toHaveLength(1);
    expect(await filingsOfNote(notes[0]!.id)).toHaveLength(1);
    expect(result).toEqual(['filed']);
  });

  test('the filing step is written but its answer is lost inside the $batch: the note stays, filed', async () => {
    const headline = unique('Palaveri F ');
    s().t.sandbox.control.setFaults({ rules: [{ kind: 'after503', method: 'POST', pathPattern: itemsPath('filings') }] });
    const result = await s().store.addNote({ headline, body: 'Sovittiin laskutuksesta.', creationId: `note-${serial}` }, [project]).then(
      (outcomes) => outcomes.map((o) => o.status),
      () => 'threw',
    );
    s().t.sandbox.control.clearFaults();
    const notes = await notesTitled(headline);
    expect(notes).toHaveLength(1);
    expect(await filingsOfNote(notes[0]!.id)).toHaveLength(1);
    expect(result).toEqual(['filed']);
  });

  test('the service keeps the creation id until the note is saved: a retried save makes one note', async () => {
    const filing = createFilingService({ store: s().store, graph: s().graph, self: s().t.user.userPrincipalName });
    const headline = unique('Palaveri D ');
    const item: FiledItem = { kind: 'event', immutableId: `ev-${serial}`, iCalUId: `ical-${serial}`, subject: headline, date: '2026-11-02T08:00:00Z', from: null };
    const meeting = { item, series: null, suggestions: [], unknown: [], filed: [{ entity: project.ref, entityName: project.name }], sender: null } as unknown as FilingView;
    s().t.sandbox.control.setFaults({ rules: [{ kind: 'after503', method: 'POST', pathPattern: itemsPath('notes'), next: 1 }, { kind: '503', method: 'GET', pathPattern: itemsPath('notes') }] });
    await expect(filing.addMeetingNote(meeting, 'Sovittiin aikataulusta.')).rejects.toBeDefined();
    s().t.sandbox.control.clearFaults();
    const outcomes = await filing.addMeetingNote(meeting, 'Sovittiin aikataulusta.');
    expect(outcomes.map((o) => o.status)).toEqual(['filed']);
    expect(await notesTitled(headline)).toHaveLength(1);
  });
});

/**
 * Keeping the record through the pane's services (services/record) against the sandbox over HTTP:
 * person edits under If-Match (a colleague's edit of the same field is asked about, never overwritten),
 * a note saved twice (its answer lost) is one note in every linked timeline, merge preview and merge
 * (audited), likely duplicates, export and erase (audited, gone from search).
 */
import type { EntitySummary, Person, Project } from '../../../src/domain/entities';
import { createRecordKeeping } from '../../../src/services/record/recordKeeping';
import { createLateSweeps, LATE_SWEEP_AFTER_MS } from '../../../src/services/record/lateSweeps';
import { draftOf } from '../../../src/services/record/personEdits';
import { ownsSite } from '../../../src/services/record/siteOwnership';
import { teamSiteGroup } from '../../../dev/sandbox/sharepoint';
import { storePerFile } from '../helpers/store';

const s = storePerFile();

const noIndex = { entity: () => undefined, refresh: () => Promise.resolve() };
const keepingFor = (store = s().store, settings: { recordKeepers?: string[]; stakeholderRoles?: string[] } = {}) =>
  createRecordKeeping({
    store,
    index: noIndex,
    search: async (text, limit = 10) => ({ results: await store.search(text, limit) }),
    organisation: () => ({ publicDomains: [], ...settings }),
    self: s().t.user.userPrincipalName,
    ownsSite: () => ownsSite(s().graph, s().location.siteId),
  });
const summary = (e: { ref: EntitySummary['ref']; name: string }): EntitySummary => ({ ref: e.ref, name: e.name, detail: '' });
let serial = 0;
async function person(name: string, email: string, organisationId: string | null = null): Promise<Person> {
  const made = await s().store.createPerson({ name, emails: [email], organisationId });
  return (await s().store.get(made.entity.ref)) as Person;
}
const notesNamed = async (headline: string) =>
  (
    await s().t.graphJson<{ value: unknown[] }>(
      `/sites/${encodeURIComponent(s().location.siteId)}/lists/${s().location.lists.notes}/items?$filter=${encodeURIComponent(`fields/Title eq '${headline}'`)}&$expand=fields`,
      { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
    )
  ).body.value;
async function auditOf(subjectKey: string): Promise<Array<{ Title: string; Details: string }>> {
  const rows = (await s().t.graphJson<{ value: Array<{ fields: { Title: string; SubjectKey: string; Details: string } }> }>(`/sites/${s().location.siteId}/lists/${s().location.lists.audit}/items?$expand=fields`)).body.value;
  return rows.filter((r) => r.fields.SubjectKey === subjectKey).map((r) => r.fields);
}

test('a role and a phone number saved; a colleague’s edit of another field is kept; of the same field it is asked about', async () => {
  const keeping = keepingFor();
  const tiina = await person('Tiina Muokattava', `tiina${++serial}@muokkaus.fi`);
  const saved = await keeping.savePerson(tiina, { ...draftOf(tiina), phone: '+358 40 123 4567', roles: ['employer'] });
  expect(saved.status).toBe('saved');
  const now = (await s().store.get(tiina.ref)) as Person;
  expect([now.phone, now.roles]).toEqual(['+358 40 123 4567', ['employer']]);

  // A colleague changes the title meanwhile: my phone change is re-applied over theirs (a merge).
  const colleague = s().storeAs({ name: 'Kari Kollega', upn: 'kari.kollega@seutuopisto.fi' });
  await colleague.update(now, { jobTitle: 'Rehtori' });
  const second = await keeping.savePerson(now, { ...draftOf(now), phone: '+358 50 765 4321' });
  expect(second.status).toBe('saved');
  const merged = (await s().store.get(tiina.ref)) as Person;
  expect([merged.jobTitle, merged.phone]).toEqual(['Rehtori', '+358 50 765 4321']);

  // The same field: nothing overwritten, the caller told which field and what it holds now.
  await colleague.update(merged, { phone: '+358 9 111' });
  const clash = await keeping.savePerson(merged, { ...draftOf(merged), phone: '+358 9 222' });
  expect(clash).toMatchObject({ status: 'conflict', fields: ['phone'], latest: { phone: '+358 9 111' } });
  expect(((await s().store.get(tiina.ref)) as Person).phone).toBe('+358 9 111');
  // "Save mine over theirs": saved over the latest.
  if (clash.status !== 'conflict') throw new Error('expected a conflict');
  expect((await keeping.savePerson(clash.latest, { ...draftOf(clash.latest), phone: '+358 9 222' })).status).toBe('saved');
  expect(((await s().store.get(tiina.ref)) as Person).phone).toBe('+358 9 222');
});

test('a name another person already has (case, spacing and word order aside) is warned about with who they are; saved only when asked to', async () => {
  const keeping = keepingFor();
  const other = await person('Mikko Nimikaksonen', `mikko${++serial}@nimi.fi`);
  const editing = await person('Mikko Toinen', `toinen${serial}@toinen.fi`);
  const warned = await keeping.savePerson(editing, { ...draftOf(editing), name: '  nimikaksonen   MIKKO ' });
  expect(warned).toEqual({ status: 'sameName', others: [{ ref: other.ref, name: other.name, emails: other.emails }] });
  expect(((await s().store.get(editing.ref)) as Person).name).toBe('Mikko Toinen'); // nothing saved yet

  // ä is a letter of its own: "Nimikäksonen" is someone else's name.
  const accented = await keeping.savePerson(editing, { ...draftOf(editing), name: 'Mikko Nimikäksonen' });
  expect(accented.status).toBe('saved');
  if (accented.status !== 'saved') throw new Error('expected saved');
  // Their own name again is no duplicate of themselves; other fields saved without a name change are not checked.
  expect((await keeping.savePerson(accented.person, { ...draftOf(accented.person), phone: '+358 40 1' })).status).toBe('saved');

  const again = (await s().store.get(editing.ref)) as Person;
  expect((await keeping.savePerson(again, { ...draftOf(again), name: 'Mikko Nimikaksonen' }, { anyway: true })).status).toBe('saved');
  expect(((await s().store.get(editing.ref)) as Person).name).toBe('Mikko Nimikaksonen');
  expect(await keeping.peopleNamed('mikko nimikaksonen')).toHaveLength(2);
});

test('a namesake a colleague made a minute ago is found though the pane’s index has not caught up', async () => {
  const other = await person('Raili Tuoreinen', `raili${++serial}@tuore.fi`);
  // A warm index that does not know them yet answers search with nothing.
  const stale = createRecordKeeping({
    store: s().store,
    index: noIndex,
    search: async () => ({ results: [] }),
    organisation: () => ({ publicDomains: [] }),
    self: s().t.user.userPrincipalName,
    ownsSite: async () => false,
  });
  expect((await stale.peopleNamed('raili tuoreinen')).map((c) => c.ref.id)).toEqual([other.ref.id]);
});

test('an address someone else has is refused with its owner, as on create', async () => {
  const keeping = keepingFor();
  const a = await person('Aino Osoite', `aino${++serial}@osoite.fi`);
  const b = await person('Bertta Osoite', `bertta${serial}@osoite.fi`);
  const result = await keeping.savePerson(b, { ...draftOf(b), emails: [...b.emails, a.emails[0]!] });
  expect(result).toMatchObject({ status: 'duplicate', address: expect.stringContaining(a.emails[0]!) });
});

test('a note whose save answer is lost, saved again with the same form, is one note in the person’s and the organisation’s timelines', async () => {
  const keeping = keepingFor();
  const org = await s().store.createOrganisation({ name: 'Muistio Oy', domains: [`muistio${++serial}.fi`] });
  const p = await person('Pekka Puhelu', `pekka@muistio${serial}.fi`, org.entity.ref.id);
  const draft = { ...keeping.newNote([summary(p), summary(org.entity)]), headline: `Puhelu ${serial}: sovittiin tapaaminen` };
  s().t.sandbox.control.setFaults({ rules: [{ kind: 'after503', method: 'POST', pathPattern: `${s().location.lists.notes}/items`, next: 1 }] });
  await keeping.saveNote(draft).catch(() => undefined);
  s().t.sandbox.control.clearFaults();
  expect(await keeping.saveNote(draft)).toMatchObject({ status: 'saved' });
  expect(await keeping.saveNote(draft)).toMatchObject({ status: 'saved' });
  expect(await notesNamed(draft.headline)).toHaveLength(1);
  for (const ref of [p.ref, org.entity.ref]) {
    const page = await s().store.filingsOfEntity(ref);
    expect(page.items.filter((f) => f.item.kind === 'note')).toHaveLength(1);
  }
});

test('merge: the duplicate is suggested, the preview counts what moves, the merge moves it and is audited', async () => {
  const keeping = keepingFor();
  const domain = `kaksoset${++serial}.fi`;
  const kept = await person('Mikko Kaksonen', `mikko.kaksonen@${domain}`);
  const dup = await person('M. Kaksonen', `mk@${domain}`);
  const suggestions = await keeping.suggestDuplicates(kept.ref);
  expect(suggestions.map((d) => [d.candidate.ref.id, d.reason])).toEqual([[dup.ref.id, 'sameDomainSimilarName']]);

  const item = (n: number) => ({ kind: 'message' as const, immutableId: `AAkALgMerge${serial}-${n}`, internetMessageId: `<merge${serial}-${n}@x>`, conversationId: `conv${n}`, subject: `Viesti ${n}`, from: null, date: '2025-03-0' + n + 'T10:00:00Z', mailbox: null });
  await s().store.file(item(1) as never, [summary(dup)]);
  await s().store.file(item(2) as never, [summary(dup)]);
  await s().store.addNote({ headline: `Tapaaminen ${serial}` }, [summary(dup)]);

  const preview = await keeping.previewMerge(dup.ref, kept.ref);
  expect(preview).toMatchObject({ addresses: [`mk@${domain}`], filings: 2, notes: 1, participations: 0 });
  const moved = await keeping.merge(dup.ref, kept.ref);
  expect(moved.filingsMoved).toBe(3);
  expect((await s().store.filingsOfEntity(kept.ref)).items).toHaveLength(3);
  expect(((await s().store.get(kept.ref)) as Person).emails).toEqual([`mikko.kaksonen@${domain}`, `mk@${domain}`]);
  await expect(s().store.get(dup.ref)).rejects.toBeDefined();
  expect((await auditOf(`person:${kept.ref.id}`)).map((r) => r.Title)).toContain('merge');
});

test('merge: a project the duplicate owns is owned by the person who stays; found addresses show the kept roles', async () => {
  const keeping = keepingFor();
  const domain = `omistajat${++serial}.fi`;
  const kept = await person('Pirjo Pysyvä', `pirjo@${domain}`);
  await s().store.update(kept, { roles: ['expert'] });
  const dup = await person('P. Pysyvä', `pp@${domain}`);
  const project = (await s().store.createProject({ name: `Omistettu hanke ${serial}`, ownerId: dup.ref.id })).entity;
  await keeping.merge(dup.ref, kept.ref);
  expect(((await s().store.get(project.ref)) as { ownerId: string | null }).ownerId).toBe(kept.ref.id);
  const found = (await s().store.search(`pp@${domain}`, 5)).find((e) => e.ref.id === kept.ref.id);
  expect(found?.roles).toEqual(['expert']);
});

test("merge: the duplicate's phone and role fill the kept person's empty fields; its notes are appended; nothing is lost", async () => {
  const keeping = keepingFor();
  const kept = await person('Jenna Korhonen', `jenna${++serial}@x.fi`);
  const dup = await person('Jenna Korhonen', `jenna.k${serial}@y.fi`);
  await s().store.update(dup, { phone: '+358 40 123 4567', roles: ['supplier'], jobTitle: 'Myyntipäällikkö', notes: 'Toimittaa paperit.' });
  const preview = await keeping.previewMerge(dup.ref, kept.ref);
  expect(preview.details.gained).toEqual([
    { field: 'phone', value: '+358 40 123 4567' },
    { field: 'jobTitle', value: 'Myyntipäällikkö' },
  ]);
  expect(preview.details.rolesGained).toEqual(['supplier']);
  expect(preview.details.dropped).toEqual([]);
  await keeping.merge(dup.ref, kept.ref);
  const after = (await s().store.get(kept.ref)) as Person;
  expect([after.phone, after.jobTitle, after.roles, after.notes]).toEqual(['+358 40 123 4567', 'Myyntipäällikkö', ['supplier'], 'Toimittaa paperit.']);
  // The kept person is found by the duplicate's address with the merged roles.
  expect((await s().store.search(`jenna.k${serial}@y.fi`, 5)).find((e) => e.ref.id === kept.ref.id)?.roles).toEqual(['supplier']);
  expect((await s().store.search(`jenna${serial}@x.fi`, 5)).find((e) => e.ref.id === kept.ref.id)?.roles).toEqual(['supplier']);
});

test("merge: both have phones: the kept one's stays and the preview names the dropped one; roles are the union", async () => {
  const keeping = keepingFor();
  const kept = await person('Jenna Korhonen', `jenna${++serial}@x.fi`);
  await s().store.update(kept, { phone: '+358 50 111 2222', roles: ['expert'] });
  const dup = await person('Jenna Korhonen', `jenna.k${serial}@y.fi`);
  await s().store.update(dup, { phone: '+358 40 123 4567', roles: ['supplier'] });
  const preview = await keeping.previewMerge(dup.ref, kept.ref);
  expect(preview.details.dropped).toEqual([{ field: 'phone', value: '+358 40 123 4567', kept: '+358 50 111 2222' }]);
  await keeping.merge(dup.ref, kept.ref);
  const after = (await s().store.get(kept.ref)) as Person;
  expect([after.phone, after.roles]).toEqual(['+358 50 111 2222', ['expert', 'supplier']]);
});

test('merge: the kept entity changed by a colleague after the preview is not overwritten: the merge reads it again', async () => {
  const keeping = keepingFor();
  const kept = await person('Jenna Korhonen', `jenna${++serial}@x.fi`);
  const dup = await person('Jenna Korhonen', `jenna.k${serial}@y.fi`);
  await s().store.update(dup, { phone: '+358 40 123 4567' });
  await keeping.previewMerge(dup.ref, kept.ref);
  const colleague = s().storeAs({ name: 'Kari Kollega', upn: 'kari.kollega@seutuopisto.fi' });
  await colleague.update(kept, { phone: '+358 9 555' });
  await keeping.merge(dup.ref, kept.ref);
  expect(((await s().store.get(kept.ref)) as Person).phone).toBe('+358 9 555');
});

test("merge: the kept person's update applied but its answer lost: the merge finishes, the notes appended once", async () => {
  const keeping = keepingFor();
  const kept = await person('Jenna Korhonen', `jenna${++serial}@x.fi`);
  await s().store.update(kept, { notes: 'Soita aamulla.' });
  const dup = await person('Jenna Korhonen', `jenna.k${serial}@y.fi`);
  await s().store.update(dup, { notes: 'Toimittaa paperit.', roles: ['supplier'] });
  await s().t.sandbox.control.setFaults({ rules: [{ kind: 'after503', method: 'PATCH', next: 1, pathPattern: `${s().location.lists.people}/items/${kept.ref.id}/fields` }] });
  // The PATCH applied, its answer lost, the resend refused (If-Match): the merge reads the kept person again and goes on.
  await keeping.merge(dup.ref, kept.ref);
  await s().t.sandbox.control.setFaults({ rules: [] });
  const after = (await s().store.get(kept.ref)) as Person;
  expect([after.notes, after.roles]).toEqual(['Soita aamulla.\n\nToimittaa paperit.', ['supplier']]);
  await expect(s().store.get(dup.ref)).rejects.toBeDefined();
});

test('export holds the person’s filings; erase names what goes, removes them from search and is audited', async () => {
  const keeping = keepingFor(s().store, { recordKeepers: [s().t.user.userPrincipalName] });
  expect(await keeping.mayKeepRecord()).toBe(true);
  // Named keepers decide alone: the user owns the site's group here, and still may not.
  expect(await keepingFor(s().store, { recordKeepers: ['someone.else@seutuopisto.fi'] }).keeperStanding()).toBe('notNamed');
  const p = await person(`Poistettava Henkilö${++serial}`, `poistettava${serial}@rekisteri.fi`);
  const item = { kind: 'message', immutableId: `AAkALgErase${serial}`, internetMessageId: `<erase${serial}@x>`, conversationId: 'c', subject: 'Hakemus', from: null, date: '2025-03-01T10:00:00Z', mailbox: null };
  await s().store.file(item as never, [summary(p)]);
  const owned = (await s().store.createProject({ name: `Poistettavan hanke ${serial}`, ownerId: p.ref.id })).entity;
  await s().store.involve(summary(owned), summary(p), 'expert');
  // Renamed since: the export names the project as it is called now.
  const renamed = await s().store.update((await s().store.get(owned.ref)) as Project, { name: `Oppisopimus ${serial}` });

  const file = await keeping.exportPerson(p.ref);
  expect(file.fileName).toMatch(/^trail-export-poistettava\d+@rekisteri\.fi-\d{4}-\d\d-\d\d\.json$/);
  expect(JSON.parse(file.json).filings).toHaveLength(1);
  // A data subject reads which projects they take part in and as what: each by its name beside its id.
  expect(JSON.parse(file.json).participations).toEqual([{ projectId: owned.ref.id, projectName: renamed.name, role: 'expert' }]);

  expect(await keeping.previewErase(p.ref)).toMatchObject({ addresses: 1, filings: 1, notes: 0, participations: 1 });
  await keeping.erasePerson(p.ref);
  expect(((await s().store.get(owned.ref)) as { ownerId: string | null }).ownerId).toBeNull(); // the project stays, with no owner named
  expect((await s().store.search(p.name.split(' ')[0]!, 10)).filter((e) => e.ref.id === p.ref.id)).toEqual([]);
  expect((await auditOf(`person:${p.ref.id}`)).map((r) => r.Title).sort()).toEqual(['erase', 'export']);
});

/** The sandbox's control context, to change who owns the team site's group. */
const setSiteOwners = (owners: string[]) => {
  const control = s().t.sandbox.control;
  teamSiteGroup(control.context()).owners = owners;
  control.stateChanged();
};

describe('record keepers by default: the owners of the site’s Microsoft 365 group', () => {
  afterEach(() => setSiteOwners([s().t.user.id]));
  const ownershipCalls = () => s().t.sandbox.control.requests().filter((r) => /ownedObjects|\/groups\//.test(r.url)).length;

  test('with none named, an owner of the site’s group may; asked once in the session, not at all when keepers are named', async () => {
    s().t.sandbox.control.clearRequests();
    const keeping = keepingFor();
    expect(await keeping.keeperStanding()).toBe('siteOwner');
    expect(await keeping.mayKeepRecord()).toBe(true);
    const asked = ownershipCalls();
    expect(asked).toBeGreaterThanOrEqual(2); // ownedObjects, then the owned group's site
    await keeping.keeperStanding();
    expect(ownershipCalls()).toBe(asked);

    s().t.sandbox.control.clearRequests();
    expect(await keepingFor(s().store, { recordKeepers: [s().t.user.userPrincipalName] }).keeperStanding()).toBe('named');
    expect(ownershipCalls()).toBe(0);
  });

  test('not an owner of the group: may not', async () => {
    setSiteOwners([]);
    expect(await keepingFor().keeperStanding()).toBe('notOwner');
  });

  test('the directory failing: pessimistically not an owner', async () => {
    s().t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'GET', next: 10, pathPattern: 'ownedObjects' }] });
    try {
      expect(await keepingFor().mayKeepRecord()).toBe(false);
    } finally {
      s().t.sandbox.control.clearFaults();
    }
  });
});

test('the export names the person’s organisation beside its id, as it is called now', async () => {
  const keeping = keepingFor(s().store, { recordKeepers: [s().t.user.userPrincipalName] });
  const org = (await s().store.createOrganisation({ name: `Vanha Oy ${++serial}`, domains: [`vienti${serial}.fi`] })).entity;
  const p = await person(`Viety Henkilö${serial}`, `viety${serial}@vienti${serial}.fi`, org.ref.id);
  const renamed = await s().store.update(await s().store.get(org.ref), { name: `Uusi Oy ${serial}` });
  const exported = JSON.parse((await keeping.exportPerson(p.ref)).json) as { person: Record<string, unknown> };
  expect(exported.person).toMatchObject({ organisationId: org.ref.id, organisationName: renamed.name });
  const keys = Object.keys(exported.person);
  expect(keys.indexOf('organisationName')).toBe(keys.indexOf('organisationId') + 1);
  // Someone with no organisation: the name is null beside the null id, not left out.
  const alone = await person(`Yksin Henkilö${serial}`, `yksin${serial}@vienti${serial}.fi`);
  expect(JSON.parse((await keeping.exportPerson(alone.ref)).json).person).toMatchObject({ organisationId: null, organisationName: null });
});

test("an erasure and a merge are swept again once colleagues' panes have caught up: a filing that raced them is removed or moved", async () => {
  const kept = new Map<string, string>();
  let clock = Date.UTC(2026, 11, 8, 9);
  const lateSweeps = createLateSweeps({
    store: s().store,
    storage: { getItem: (k) => kept.get(k) ?? null, setItem: (k, v) => void kept.set(k, v) },
    key: 'trail.lateSweeps:test',
    now: () => clock,
    wait: () => undefined,
  });
  const keeping = createRecordKeeping({
    store: s().store,
    index: noIndex,
    search: async (text, limit = 10) => ({ results: await s().store.search(text, limit) }),
    organisation: () => ({ publicDomains: [] }),
    self: s().t.user.userPrincipalName,
    ownsSite: async () => true,
    lateSweeps,
  });
  const erased = await person('Late Erased', 'late.erased@sweep.fi');
  const duplicate = await person('Late Dup', 'late.dup@sweep.fi');
  const stays = await person('Late Stays', 'late.stays@sweep.fi');
  await keeping.erasePerson(erased.ref);
  await keeping.merge(duplicate.ref, stays.ref);

  // A colleague's pane that still knew both files to them (its index vouching for them: no read first).
  const item = { kind: 'message' as const, immutableId: 'AAMkLateSweep=', internetMessageId: '<late@sweep.fi>', subject: 'Myöhässä', date: new Date(clock).toISOString() };
  const outcomes = await s().storeAs({ name: 'Kari', upn: 'kari.korhonen@seutuopisto.fi' }).file(item, [summary(erased), summary(duplicate)], '', new Set([`person:${erased.ref.id}`, `person:${duplicate.ref.id}`]));
  expect(outcomes.map((o) => o.status)).toEqual(['filed', 'filed']);

  clock += LATE_SWEEP_AFTER_MS;
  await lateSweeps.runDue();
  expect((await s().store.history([erased.ref], 10)).filings).toEqual([]);
  expect((await s().store.history([duplicate.ref], 10)).filings).toEqual([]);
  expect((await s().store.history([stays.ref], 10)).filings.map((f) => f.item.immutableId)).toEqual([item.immutableId]);
});

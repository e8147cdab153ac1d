/**
 * The shared record over real HTTP against the sandbox: every operation of TrailStore, through the
 * real Graph client and SharePoint list semantics (unique indexes, ETags, $batch, paging). All of it
 * runs twice: under the sandbox's pessimistic readings of what Microsoft leaves open (order-by
 * ignored, bare write responses, two indexed columns refused; filtered pages that may be empty yet not
 * last show on lists past 5,000 items, in largeRecord.test.ts) and under the generous ones.
 */
import type { EntitySummary, Organisation, Person } from '../../../src/domain/entities';
import type { FiledItem } from '../../../src/domain/itemKeys';
import { ConflictError, DuplicateKeyError, InvalidInputError } from '../../../src/record/errors';
import { GENEROUS, PESSIMISTIC } from '../../../dev/sandbox/sharepoint';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';

describe.each([
  ['pessimistic', PESSIMISTIC],
  ['generous', GENEROUS],
])('under the %s readings', (_readings, readings) => {
  let s: TestStore;
  beforeAll(async () => {
    s = await startTestStore({ sharepoint: readings });
  });
  afterAll(() => s.t.close());
  expectNoContractViolations(() => s?.t);

  const summary = (entity: { ref: EntitySummary['ref']; name: string }): EntitySummary => ({ ref: entity.ref, name: entity.name, detail: '' });
  let serial = 0;
  const unique = (label: string) => `${label}${++serial}`;

  function mail(overrides: Partial<FiledItem> = {}): FiledItem {
    const n = ++serial;
    return {
      kind: 'message',
      immutableId: `AAMkImmutable${n}=`,
      internetMessageId: `<msg${n}@kallio-rakennus.fi>`,
      conversationId: `conv-${n}`,
      subject: `Oppisopimuksen jatko ${n}`,
      from: { name: 'Mikko Heikkinen', address: 'mikko.heikkinen@kallio-rakennus.fi' },
      date: new Date(Date.UTC(2026, 10, 1, 8, 0, n)).toISOString(),
      webLink: `https://outlook.office365.com/owa/?ItemID=AAMkImmutable${n}%3D&exvsurl=1&viewmodel=ReadMessageItem`,
      ...overrides,
    };
  }

  async function person(name: string, emails: string[]): Promise<Person> {
    const outcome = await s.store.createPerson({ name, emails });
    if (outcome.status !== 'created') throw new Error(`${name} already existed`);
    return outcome.entity;
  }

  async function organisation(name: string, domains: string[]): Promise<Organisation> {
    const outcome = await s.store.createOrganisation({ name, domains });
    if (outcome.status !== 'created') throw new Error(`${name} already existed`);
    return outcome.entity;
  }

  const graphCalls = () => s.t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/'));

  describe('people and organisations', () => {
    test('a person is found by any of their addresses, whatever the case or spacing', async () => {
      const mikko = await person('Mikko Heikkinen', ['Mikko.Heikkinen@Kallio-Rakennus.fi', 'mikko@heikkinen.net']);
      expect(mikko.emails).toEqual(['mikko.heikkinen@kallio-rakennus.fi', 'mikko@heikkinen.net']);
      const matches = await s.store.resolve([' MIKKO@heikkinen.net ', 'mailto:mikko.heikkinen@kallio-rakennus.fi', 'nobody@else.fi']);
      expect(matches.people.get('mikko@heikkinen.net')?.ref).toEqual(mikko.ref);
      expect(matches.people.get('mikko.heikkinen@kallio-rakennus.fi')?.name).toBe('Mikko Heikkinen');
      expect(matches.people.has('nobody@else.fi')).toBe(false);
    });

    test('creating a person whose address exists returns the existing one', async () => {
      const first = await person('Liisa Korhonen', ['liisa.korhonen@hame-ely.fi']);
      const again = await s.store.createPerson({ name: 'Liisa K.', emails: ['LIISA.KORHONEN@hame-ely.fi'] });
      expect(again).toEqual({ status: 'existing', entity: expect.objectContaining({ ref: first.ref }) });
    });

    test('two colleagues creating the same person at once end with one person', async () => {
      const colleague = s.storeAs({ name: 'Kari Nieminen', upn: 'kari.nieminen@seutuopisto.fi' });
      const outcomes = await Promise.all([
        s.store.createPerson({ name: 'Anne Kinnunen', emails: ['anne.kinnunen@lahihoiva.fi'] }),
        colleague.createPerson({ name: 'Anne Kinnunen', emails: ['anne.kinnunen@lahihoiva.fi'] }),
      ]);
      const ids = outcomes.map((o) => o.entity.ref.id);
      expect(ids[0]).toBe(ids[1]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['created', 'existing']);
      const found = await s.store.search('anne kinn');
      expect(found.filter((e) => e.ref.kind === 'person')).toHaveLength(1);
    });

    test('malformed addresses are refused with what is wrong, before anything is written', async () => {
      const before = graphCalls().length;
      await expect(s.store.createPerson({ name: 'Skanneri', emails: ['skanneri-2krs@', 'no at sign', 'ok@fine.fi'] })).rejects.toMatchObject({
        problems: [
          { field: 'emails', value: 'skanneri-2krs@', problem: 'noDomain' },
          { field: 'emails', value: 'no at sign', problem: 'whitespace' },
        ],
      });
      await expect(s.store.createPerson({ name: '   ', emails: [] })).rejects.toBeInstanceOf(InvalidInputError);
      expect(graphCalls().length).toBe(before);
    });

    test('an organisation is found by its domain, never by a public mail domain', async () => {
      const kallio = await organisation('Rakennus Kallio Oy', ['kallio-rakennus.fi']);
      await expect(s.store.createOrganisation({ name: 'Gmail users', domains: ['gmail.com'] })).rejects.toMatchObject({
        problems: [{ field: 'domains', value: 'gmail.com', problem: 'publicDomain' }],
      });
      const matches = await s.store.resolve([], ['Kallio-Rakennus.FI', 'gmail.com', 'luukku.com']);
      expect(matches.organisations.get('kallio-rakennus.fi')?.ref).toEqual(kallio.ref);
      expect([...matches.organisations.keys()]).toEqual(['kallio-rakennus.fi']);
      const duplicate = await s.store.createOrganisation({ name: 'Kallio', domains: ['kallio-rakennus.fi'] });
      expect(duplicate.status).toBe('existing');
    });

    test("a message's sender, recipients and their organisations resolve in one round trip", async () => {
      s.t.sandbox.control.clearRequests();
      await s.store.resolve(
        ['mikko.heikkinen@kallio-rakennus.fi', 'liisa.korhonen@hame-ely.fi', 'aino.laine@seutuopisto.fi', 'someone@gmail.com'],
        ['kallio-rakennus.fi', 'hame-ely.fi', 'seutuopisto.fi', 'gmail.com'],
      );
      expect(graphCalls().map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(['POST /v1.0/$batch']);
    });

    test('search by name prefix across kinds, and by address or domain prefix', async () => {
      const project = await s.store.createProject({ name: 'Osaava Harjuseutu -hanke', projectKind: 'fundedProject' });
      expect(project.status).toBe('created');
      expect((await s.store.search('heik')).map((e) => e.name)).toContain('Mikko Heikkinen');
      expect((await s.store.search('Mikko H')).map((e) => e.name)).toContain('Mikko Heikkinen');
      expect((await s.store.search('kallio')).map((e) => e.ref.kind)).toContain('organisation');
      expect((await s.store.search('harju')).map((e) => e.name)).toEqual(['Osaava Harjuseutu -hanke']);
      expect((await s.store.search('liisa.kor')).map((e) => e.name)).toEqual(['Liisa Korhonen']);
    });

    test.each([
      ['a double space', 'Oppisopimus  2027'],
      ['a no-break space', 'Oppisopimus\u00a02028'],
      ['full-width letters', 'Ｏｐｐｉｓｏｐｉｍｕｓ 2029'],
      ['a zero-width space', 'Oppi\u200bsopimus 2030'],
      ['more than 100 characters', `Oppisopimus ${'pitkä nimi '.repeat(20)}`],
    ])('a project whose name has %s is found again when made twice, never doubled', async (_case, name) => {
      expect((await s.store.createProject({ name, projectKind: 'project' })).status).toBe('created');
      expect((await s.store.createProject({ name, projectKind: 'project' })).status).toBe('existing');
    });

    test('a project named like a word of another project is a project of its own', async () => {
      expect((await s.store.createProject({ name: 'Kehittämishanke Sahalahti', projectKind: 'project' })).status).toBe('created');
      expect((await s.store.createProject({ name: 'Sahalahti', projectKind: 'project' })).status).toBe('created');
    });

    test('a name whose 100th character falls inside an emoji is made and found again, never cut into half a character', async () => {
      const name = `${'Ä'.repeat(99)}😀 projekti`;
      const project = await s.store.createProject({ name, projectKind: 'project' });
      expect(project.status).toBe('created');
      expect((await s.store.search(name)).map((e) => e.name)).toEqual([name]);
      expect((await s.store.search(name.slice(0, 100))).map((e) => e.name)).toEqual([name]);
    });

    test.each([
      ["O'Brien"],
      ["' or 1 eq 1 or '"],
      ['a&b#c+d%e'],
      [')'],
      ["fields/Key eq 'x'"],
      ['\u202Eevil\u202C'],
      ['🎉'],
      ['x'.repeat(10_000)],
    ])('hostile search text %# is just text: no error, no stray matches', async (text) => {
      await expect(s.store.search(text)).resolves.toEqual([]);
    });

    test('names with quotes, HTML, RTL marks and emoji are stored and found as written', async () => {
      const name = `Siobhán O'Brien <b>&amp;</b> \u200F🎓`;
      const obrien = await person(name, ["o'brien@glenmore-fe.com"]);
      expect(obrien.name).toBe(name);
      expect((await s.store.resolve(["O'Brien@glenmore-fe.com"])).people.get("o'brien@glenmore-fe.com")?.name).toBe(name);
      expect((await s.store.search("o'brien")).map((e) => e.ref)).toContainEqual(obrien.ref);
    });
  });

  describe('filings', () => {
    let mikko: EntitySummary;
    let kallio: EntitySummary;
    let project: EntitySummary;
    beforeAll(async () => {
      mikko = summary(await person('Mikko Filer', ['mikko.filer@kallio-filer.fi']));
      kallio = summary(await organisation('Kallio Filer Oy', ['kallio-filer.fi']));
      project = summary((await s.store.createProject({ name: unique('Oppisopimus-projekti ') })).entity);
    });

    test('filing to three entities is one $batch, and filing again changes nothing', async () => {
      const item = mail();
      s.t.sandbox.control.clearRequests();
      const outcomes = await s.store.file(item, [mikko, kallio, project], 'sovittiin jatkosta');
      expect(graphCalls().map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(['POST /v1.0/$batch']);
      expect(outcomes.map((o) => o.status)).toEqual(['filed', 'filed', 'filed']);

      const again = await s.store.file(item, [mikko, kallio, project]);
      expect(again.map((o) => o.status)).toEqual(['alreadyFiled', 'alreadyFiled', 'alreadyFiled']);
      const filed = await s.store.filingsOfItem(item);
      expect(filed.map((f) => f.entityName).sort()).toEqual([kallio.name, mikko.name, project.name].sort());
      expect(filed[0]).toMatchObject({ note: expect.any(String), filedBy: { upn: s.t.user.userPrincipalName } });
    });

    test('the same mail filed by a colleague from their own copy is the same item', async () => {
      const mine = mail();
      const theirs = { ...mine, immutableId: 'AAMkTheirCopy=' }; // same internetMessageId, other mailbox
      await s.store.file(mine, [mikko]);
      const colleague = s.storeAs({ name: 'Kari Nieminen', upn: 'kari.nieminen@seutuopisto.fi' });
      expect((await colleague.file(theirs, [mikko]))[0]!.status).toBe('alreadyFiled');
      expect((await colleague.filingsOfItem(theirs)).map((f) => f.filedBy.name)).toEqual([s.t.user.displayName]);
    });

    test('a filing survives a triage move: it is keyed by internetMessageId, not the folder', async () => {
      const item = mail();
      await s.store.file(item, [kallio]);
      const afterMove = { ...item, webLink: 'https://outlook.office365.com/owa/?ItemID=moved' };
      expect(await s.store.filingsOfItem(afterMove)).toHaveLength(1);
    });

    test('a timeline is newest first and pages to the end', async () => {
      const pekka = summary(await person('Pekka Timeline', ['pekka.timeline@kallio-filer.fi']));
      const items = Array.from({ length: 7 }, () => mail());
      for (const item of items) await s.store.file(item, [pekka]);
      const first = await s.store.filingsOfEntity(pekka.ref, { pageSize: 3 });
      const second = await s.store.filingsOfEntity(pekka.ref, { next: first.nextLink! });
      const third = await s.store.filingsOfEntity(pekka.ref, { next: second.nextLink! });
      const dates = [...first.items, ...second.items, ...third.items].map((f) => new Date(f.item.date).toISOString());
      expect(dates).toEqual(items.map((i) => i.date).reverse());
      expect(third.nextLink).toBeNull();
    });

    test("a person's and their organisation's histories come in one round trip, merged", async () => {
      s.t.sandbox.control.clearRequests();
      const page = await s.store.history([mikko.ref, kallio.ref], 10);
      expect(graphCalls()).toHaveLength(1);
      expect(page.filings.length).toBeGreaterThan(2);
      const dates = page.filings.map((f) => f.item.date);
      expect(dates).toEqual([...dates].sort().reverse());
    });

    test('entities already linked to a conversation are found for a reply', async () => {
      const thread = mail();
      await s.store.file(thread, [project, kallio]);
      const reply = mail({ conversationId: thread.conversationId, subject: `Vs: ${thread.subject}` });
      expect((await s.store.conversationEntities(reply.conversationId!)).map((e) => e.name).sort()).toEqual([kallio.name, project.name].sort());
    });

    test('unfiling removes one link; unfiling again is harmless', async () => {
      const item = mail();
      await s.store.file(item, [mikko, kallio]);
      const [first] = await s.store.filingsOfItem(item);
      await s.store.unfile(first!);
      await s.store.unfile(first!);
      expect(await s.store.filingsOfItem(item)).toHaveLength(1);
    });

    test('a 10,000-character hostile subject is filed with its title cut to 255 characters', async () => {
      const subject = `<img src=x onerror=alert(1)> "erikoishinta" 🎉 \u202E${'ä'.repeat(10_000)}`;
      const outcomes = await s.store.file(mail({ subject }), [mikko]);
      expect(outcomes[0]!.status).toBe('filed');
      const filing = outcomes[0]!.status === 'filed' ? outcomes[0]!.filing : undefined;
      expect(filing?.item.subject).toHaveLength(255);
      expect(filing?.item.subject.startsWith('<img src=x onerror=alert(1)> "erikoishinta" 🎉')).toBe(true);
    });

    test('throttled requests inside the batch are retried and applied exactly once', async () => {
      const item = mail();
      s.t.sandbox.control.setFaults({ rules: [{ kind: '429', next: 2, retryAfterSeconds: 2, method: 'POST', pathPattern: '/items' }] });
      const outcomes = await s.store.file(item, [mikko, kallio, project]);
      s.t.sandbox.control.clearFaults();
      expect(outcomes.map((o) => o.status)).toEqual(['filed', 'filed', 'filed']);
      expect(await s.store.filingsOfItem(item)).toHaveLength(3);
      expect(s.waits).toContain(2000);
    });

    test('a note of a call is filed like mail', async () => {
      const outcomes = await s.store.addNote({ headline: 'Puhelu: sovittiin näyttöpäivä 12.3.', body: 'Mikko tulee klo 9.' }, [mikko, project]);
      expect(outcomes.map((o) => o.status)).toEqual(['filed', 'filed']);
      const timeline = await s.store.filingsOfEntity(project.ref);
      expect(timeline.items.some((f) => f.item.kind === 'note' && f.item.subject === 'Puhelu: sovittiin näyttöpäivä 12.3.')).toBe(true);
    });
  });

  describe("projects' people and organisations", () => {
    test('someone is involved once with a role; changing the role keeps one row; both sides can see it', async () => {
      const hanke = summary((await s.store.createProject({ name: unique('Lähihoitajien täydennyskoulutus '), projectKind: 'fundedProject' })).entity);
      const ely = summary(await organisation('Hämeen ELY-keskus', ['hame-ely-test.fi']));
      const liisa = summary(await person('Liisa Rahoittaja', ['liisa.rahoittaja@hame-ely-test.fi']));
      await s.store.involve(hanke, ely, 'rahoittaja');
      await s.store.involve(hanke, liisa, 'yhteyshenkilö');
      await s.store.involve(hanke, liisa, 'hankkeen valvoja');

      const involved = await s.store.participants(hanke.ref);
      expect(involved.map((p) => [p.entity.name, p.role]).sort()).toEqual([
        ['Hämeen ELY-keskus', 'rahoittaja'],
        ['Liisa Rahoittaja', 'hankkeen valvoja'],
      ]);
      expect((await s.store.projectsOf(ely.ref)).map((p) => p.project.name)).toEqual([hanke.name]);

      await s.store.uninvolve(involved.find((p) => p.entity.name === 'Liisa Rahoittaja')!);
      expect((await s.store.participants(hanke.ref)).map((p) => p.entity.name)).toEqual(['Hämeen ELY-keskus']);
    });
  });

  describe('concurrent edits', () => {
    test('an update sends If-Match and succeeds on the version read', async () => {
      const p = await person('Sari Virtanen', ['sari.virtanen@seutuopisto.fi']);
      const updated = await s.store.update(p, { phone: '+358 40 123 4567' });
      expect(updated.phone).toBe('+358 40 123 4567');
      expect(updated.etag).not.toBe(p.etag);
    });

    test("a change to other fields meanwhile is kept and ours re-applied", async () => {
      const p = await person('Ronja Mattila', ['ronja.mattila@seutuopisto.fi']);
      const colleague = s.storeAs({ name: 'Kari Nieminen', upn: 'kari.nieminen@seutuopisto.fi' });
      await colleague.update(p, { notes: 'Lähihoitajaopiskelija' });
      const mine = await s.store.update(p, { phone: '050 111 2222' }); // p's ETag is stale now
      expect({ phone: mine.phone, notes: mine.notes }).toEqual({ phone: '050 111 2222', notes: 'Lähihoitajaopiskelija' });
    });

    test('a change to the same field meanwhile is never overwritten: the user is told', async () => {
      const p = await person('Noora Lahtinen', ['noora.lahtinen@seutuopisto.fi']);
      const colleague = s.storeAs({ name: 'Kari Nieminen', upn: 'kari.nieminen@seutuopisto.fi' });
      await colleague.update(p, { jobTitle: 'Opettaja' });
      const error = await s.store.update(p, { jobTitle: 'Koulutuspäällikkö' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).fields).toEqual(['JobTitle']);
      expect(((await s.store.get(p.ref)) as Person).jobTitle).toBe('Opettaja');
    });

    test('changing addresses moves the lookup keys; taking someone else\'s address is refused', async () => {
      const p = await person('Emilia Nurmi', ['emilia.nurmi@hotmail.com']);
      await person('Other Owner', ['taken@seutuopisto.fi']);
      const updated = await s.store.update(p, { emails: ['emilia.nurmi@seutuopisto.fi'] });
      const matches = await s.store.resolve(['emilia.nurmi@seutuopisto.fi', 'emilia.nurmi@hotmail.com']);
      expect(matches.people.get('emilia.nurmi@seutuopisto.fi')?.ref).toEqual(p.ref);
      expect(matches.people.has('emilia.nurmi@hotmail.com')).toBe(false);
      await expect(s.store.update(updated, { emails: ['emilia.nurmi@seutuopisto.fi', 'taken@seutuopisto.fi'] })).rejects.toBeInstanceOf(DuplicateKeyError);
    });
  });

  describe('merging duplicates', () => {
    test('filings and addresses move to the kept person; a filing both had stays single', async () => {
      const kept = await person('Antti Karjalainen', ['antti.karjalainen@lahihoiva.fi']);
      const duplicate = await person('A. Karjalainen', ['antti.k@gmail.com']);
      const shared = mail();
      await s.store.file(shared, [summary(kept), summary(duplicate)]);
      await s.store.file(mail(), [summary(duplicate)]);

      const moved = await s.store.merge(duplicate.ref, kept.ref);
      expect(moved).toEqual({ filingsMoved: 1, keysMoved: 1 });
      expect((await s.store.filingsOfEntity(kept.ref)).items).toHaveLength(2);
      expect(await s.store.filingsOfItem(shared)).toHaveLength(1);
      expect((await s.store.resolve(['antti.k@gmail.com'])).people.get('antti.k@gmail.com')?.ref).toEqual(kept.ref);
      expect(((await s.store.get(kept.ref)) as Person).emails).toEqual(['antti.karjalainen@lahihoiva.fi', 'antti.k@gmail.com']);
      await expect(s.store.get(duplicate.ref)).rejects.toMatchObject({ status: 404 });
    });
  });

  describe('data rights', () => {
    test('export gathers a person, their filings and notes; erase removes them; both are audited', async () => {
      const subject = await person('Pertti Huttunen', ['pertti.huttunen@luukku.com']);
      const other = summary(await organisation('Huttunen Audit Oy', ['huttunen-audit.fi']));
      await s.store.file(mail(), [summary(subject), other]);
      await s.store.addNote({ headline: 'Soitti: peruu ilmoittautumisen' }, [summary(subject)]);
      await s.store.addNote({ headline: 'Yhteinen palaveri' }, [summary(subject), other]);

      const exported = await s.store.exportPerson(subject.ref);
      expect(exported.person.emails).toEqual(['pertti.huttunen@luukku.com']);
      expect(exported.filings).toHaveLength(3);
      expect(exported.notes.map((n) => n.headline).sort()).toEqual(['Soitti: peruu ilmoittautumisen', 'Yhteinen palaveri']);
      expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);

      const erased = await s.store.erasePerson(subject.ref);
      expect(erased).toEqual({ filings: 3, keys: expect.any(Number), notes: 1 });
      await expect(s.store.get(subject.ref)).rejects.toMatchObject({ status: 404 });
      expect((await s.store.resolve(['pertti.huttunen@luukku.com'])).people.size).toBe(0);
      // The shared note stays for the organisation.
      expect((await s.store.filingsOfEntity(other.ref)).items.map((f) => f.item.subject)).toContain('Yhteinen palaveri');

      const auditRows = await s.graph
        .api(`/sites/${s.location.siteId}/lists/${s.location.lists.audit}/items?$expand=fields($select=Title,SubjectKey,ActorUpn,Details)`)
        .get();
      const mine = auditRows.value.filter((row: { fields: { SubjectKey: string } }) => row.fields.SubjectKey === `person:${subject.ref.id}`);
      expect(mine.map((row: { fields: { Title: string; ActorUpn: string } }) => [row.fields.Title, row.fields.ActorUpn])).toEqual([
        ['export', s.t.user.userPrincipalName],
        ['erase', s.t.user.userPrincipalName],
      ]);
      expect(JSON.stringify(mine)).not.toContain('pertti');
    });
  });

  describe('a creation that fails half way leaves nothing behind, so trying again makes one entity, not two', () => {
    const itemsOfList = async (list: 'organisations' | 'keys', filter: string) =>
      (
        await s.t.graphJson<{ value: unknown[] }>(
          `/sites/${encodeURIComponent(s.location.siteId)}/lists/${s.location.lists[list]}/items?$filter=${encodeURIComponent(filter)}&$expand=fields`,
          { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
        )
      ).body.value;
    afterEach(() => s.t.sandbox.control.clearFaults());

    test.each([
      // The $batch calls of a creation: the lookup, then the key rows, then (on failure) tidying up.
      ['the key rows meet a 503 after the organisation was written', [{ kind: '503', method: 'POST', pathPattern: '$batch', after: 1, next: 1 }]],
      ['and tidying up meets one too, which is sent again', [{ kind: '503', method: 'POST', pathPattern: '$batch', after: 1, next: 2 }]],
    ])('%s', async (_, rules) => {
      const name = unique('Puolivalmis Oy ');
      const domain = `puolivalmis${serial}.fi`;
      s.t.sandbox.control.setFaults({ rules: rules as never });
      await expect(s.store.createOrganisation({ name, domains: [domain] })).rejects.toMatchObject({ status: 503 });
      s.t.sandbox.control.clearFaults();
      expect(await itemsOfList('organisations', `fields/Title eq '${name}'`)).toEqual([]);
      expect(await itemsOfList('keys', `fields/Key eq 'domain:${domain}'`)).toEqual([]);

      const again = await s.store.createOrganisation({ name, domains: [domain] });
      expect(again.status).toBe('created');
      expect(await itemsOfList('organisations', `fields/Title eq '${name}'`)).toHaveLength(1);
      expect((await s.store.createOrganisation({ name, domains: [domain] })).status).toBe('existing');
    });
  });
});

/**
 * Keeping the record from the pane, against the sandbox over HTTP: a project created with its owner
 * and participants and the open item filed to it as one action that a retry after a lost answer never
 * doubles; organisations by name with zero or more domains (never a public one), renamed and given or
 * relieved of domains with their key rows following; a colleague's concurrent change is a conflict,
 * never overwritten.
 */
import type { FiledItem } from '../../../src/domain/itemKeys';
import { createFilingService } from '../../../src/services/filing/filingService';
import type { FilingRuntime } from '../../../src/services/filingRuntime';
import { createProjectKeeping, emptyProjectDraft, OWNER_ROLE, recordProblem } from '../../../src/services/record/projectKeeping';
import { storePerFile } from '../helpers/store';

jest.setTimeout(30_000);
const s = storePerFile();

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}
const self = () => s().t.user.mail ?? s().t.user.userPrincipalName;
function service() {
  const filing = createFilingService({ store: s().store, graph: s().graph, self: self(), storage: memoryStorage() });
  const runtime = { filing, self: self(), index: { refresh: () => Promise.resolve() } } as unknown as FilingRuntime;
  return createProjectKeeping(runtime, { name: s().t.user.displayName });
}
const message = (n: string): FiledItem => ({
  kind: 'message',
  immutableId: `AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AAAAA${n}`,
  internetMessageId: `<record-keeping-${n}@harjuamk.fi>`,
  conversationId: `conversation-${n}`,
  subject: `Oppisopimus ${n}`,
  from: { name: 'Maija Virtanen', address: 'maija.virtanen@harjuamk.fi' },
  date: '2026-11-02T08:00:00Z',
  mailbox: null,
});
const projectsNamed = async (name: string) => (await s().store.search(name, 20)).filter((e) => e.ref.kind === 'project' && e.name === name);
const projectsPath = () => `${s().location.lists.projects}/items`;

test('a project created with its owner (the user) and a participant, and the open item filed to it in the same action', async () => {
  const keeping = service();
  const org = await keeping.createOrganisation('Harjun AMK', ['harjuamk.fi']);
  const draft = { ...emptyProjectDraft('Oppisopimus 2027'), projectKind: 'fundedProject' as const, status: 'planned' as const, startDate: '2027-01-01', endDate: '2027-12-31', participants: [{ entity: org, role: 'funder' }] };
  const { project, filed } = await keeping.createProject(draft, message('a'));

  expect(filed?.outcomes.map((o) => o.status)).toEqual(['filed']);
  const full = await keeping.project(project.ref);
  expect([full.name, full.projectKind, full.status, full.startDate?.slice(0, 10), full.endDate?.slice(0, 10)]).toEqual(['Oppisopimus 2027', 'fundedProject', 'planned', '2027-01-01', '2027-12-31']);
  const participants = await keeping.participants(project.ref);
  expect(participants.map((p) => [p.entity.name, p.role])).toEqual([['Harjun AMK', 'funder']]);
  // The owner is the project's own field: the user's person entry, not a participant row.
  const me = (await s().store.resolve([self().toLowerCase()])).people.get(self().toLowerCase());
  expect(full.ownerId).toBe(me?.ref.id);
  expect((await keeping.owner(full, participants))?.name).toBe(s().t.user.displayName);
  expect((await s().store.filingsOfEntity(project.ref)).items.map((f) => f.item.subject)).toEqual(['Oppisopimus a']);
});

test('the answer to the create lost after the write, then a later step failing: saving again finds the first project, never a second', async () => {
  const keeping = service();
  const partner = await keeping.createOrganisation('Kadonneen vastauksen kumppani', []);
  const draft = { ...emptyProjectDraft('Kadonnut vastaus 2027'), participants: [{ entity: partner, role: 'partner' }] };
  // The project's row is written but its answer lost; the participant's row then cannot be written.
  s().t.sandbox.control.setFaults({
    rules: [
      { kind: 'after503', method: 'POST', pathPattern: projectsPath(), next: 1 },
      { kind: '503', method: 'POST', pathPattern: `${s().location.lists.participants}/items`, next: 20 },
    ],
  });
  await expect(keeping.createProject(draft, message('b'))).rejects.toBeTruthy();
  expect(await projectsNamed('Kadonnut vastaus 2027')).toHaveLength(1);
  s().t.sandbox.control.clearFaults();
  const { project, filed } = await keeping.createProject(draft, message('b'));
  expect(filed?.outcomes.map((o) => o.status)).toEqual(['filed']);
  expect((await projectsNamed('Kadonnut vastaus 2027')).map((p) => p.ref.id)).toEqual([project.ref.id]);
  expect((await keeping.participants(project.ref)).map((p) => p.role)).toEqual(['partner']);
  expect((await keeping.project(project.ref)).ownerId).toEqual(expect.any(String));
  // Asked a third time (a double click), nothing more is made or filed.
  const again = await keeping.createProject(draft, message('b'));
  expect(again.project.ref.id).toBe(project.ref.id);
  expect(again.filed?.outcomes.map((o) => o.status)).toEqual(['alreadyFiled']);
  expect(await projectsNamed('Kadonnut vastaus 2027')).toHaveLength(1);
});

test('the owner changed to a colleague; a project recorded before the Owner column, its owner a participant with role "owner", still has its owner', async () => {
  const keeping = service();
  const { project } = await keeping.createProject(emptyProjectDraft('Omistajan vaihto 2027'));
  const colleague = (await s().store.createPerson({ name: 'Kaisa Kollega', emails: [`kaisa.kollega${Date.now()}@seutuopisto.fi`] })).entity;
  const changed = await keeping.updateProject(await keeping.project(project.ref), { ownerId: colleague.ref.id });
  expect(changed.ownerId).toBe(colleague.ref.id);
  expect((await keeping.owner(changed, await keeping.participants(project.ref)))?.name).toBe('Kaisa Kollega');

  // As Trail wrote projects before: no Owner value, the owner a participant with role "owner".
  const old = (await s().store.createProject({ name: 'Vanha hanke 2024' })).entity;
  await s().store.involve({ ref: old.ref, name: old.name, detail: '' }, { ref: colleague.ref, name: colleague.name, detail: '' }, OWNER_ROLE);
  const read = await keeping.project(old.ref);
  expect(read.ownerId).toBeNull();
  expect((await keeping.owner(read, await keeping.participants(old.ref)))?.ref).toEqual(colleague.ref);
});

test('participants: a role changed in place (one row per pair), a participant removed', async () => {
  const keeping = service();
  const { project } = await keeping.createProject(emptyProjectDraft('Työelämäpäivät 2027'));
  const org = await keeping.createOrganisation('Rakennus Kallio Oy', []);
  await keeping.involve(project, org, 'employer');
  await keeping.involve(project, org, 'partner');
  const mine = (await keeping.participants(project.ref)).filter((p) => p.entity.name === 'Rakennus Kallio Oy');
  expect(mine.map((p) => p.role)).toEqual(['partner']);
  await keeping.uninvolve(mine[0]!);
  expect((await keeping.participants(project.ref)).map((p) => p.entity.name)).not.toContain('Rakennus Kallio Oy');
});

test('an organisation by name with no domain or with several; never a public mail domain', async () => {
  const keeping = service();
  const none = await keeping.createOrganisation('Seudun yrittäjät ry', []);
  expect((await keeping.organisation(none.ref)).domains).toEqual([]);
  const two = await keeping.createOrganisation('Mäntyrinteen kansalaisopisto', ['mantyrinne.fi', 'mantyrinteenopisto.fi']);
  expect((await keeping.organisation(two.ref)).domains).toEqual(['mantyrinne.fi', 'mantyrinteenopisto.fi']);
  const refused = await keeping.createOrganisation('Gmail', ['gmail.com']).catch((e: unknown) => e);
  expect(recordProblem(refused)).toEqual({ kind: 'invalid', problems: [expect.objectContaining({ value: 'gmail.com', problem: 'publicDomain' })] });
});

test('renamed, and domains added and removed: the key rows follow, so search and resolve find it as it now is', async () => {
  const keeping = service();
  const made = await keeping.createOrganisation('Tarjoustaloale', ['tarjoustalo-ale.fi']);
  let org = await keeping.organisation(made.ref);
  org = await keeping.renameOrganisation(org, 'Tarjoustalo Äle Oy');
  expect(org.name).toBe('Tarjoustalo Äle Oy');
  const found = (await s().store.search('Tarjoustalo', 10)).filter((e) => e.ref.id === made.ref.id && e.ref.kind === 'organisation');
  expect(found.map((e) => e.name)).toContain('Tarjoustalo Äle Oy');
  expect((await s().store.search('Tarjoustaloale', 10)).filter((e) => e.ref.id === made.ref.id && e.ref.kind === 'organisation')).toEqual([]);

  org = await keeping.setDomains(org, [...org.domains, 'tarjoustalo.fi']);
  org = await keeping.setDomains(org, org.domains.filter((d) => d !== 'tarjoustalo-ale.fi'));
  expect(org.domains).toEqual(['tarjoustalo.fi']);
  const resolved = await s().store.resolve([], ['tarjoustalo.fi', 'tarjoustalo-ale.fi']);
  expect(resolved.organisations.get('tarjoustalo.fi')?.ref.id).toBe(made.ref.id);
  expect(resolved.organisations.has('tarjoustalo-ale.fi')).toBe(false);

  // A domain another organisation has is refused, saying whose it is.
  const other = await keeping.createOrganisation('Toinen Oy', ['toinen.fi']);
  const clash = await keeping.setDomains(org, [...org.domains, 'toinen.fi']).catch((e: unknown) => e);
  expect(recordProblem(clash)).toEqual({ kind: 'duplicate', owner: other.name });
});

test('a colleague changed the same field meanwhile: a conflict, nothing overwritten; another field merges', async () => {
  const keeping = service();
  const { project } = await keeping.createProject(emptyProjectDraft('Samanaikainen 2027'));
  const read = await keeping.project(project.ref);
  const colleague = s().storeAs({ name: 'Kari Kollega', upn: 'kari.kollega@seutuopisto.fi' });
  await colleague.update(await colleague.get(project.ref), { status: 'closed' });

  const conflict = await keeping.updateProject(read, { status: 'planned' }).catch((e: unknown) => e);
  expect(recordProblem(conflict)).toEqual({ kind: 'conflict', fields: ['Status'] });
  expect((await keeping.project(project.ref)).status).toBe('closed');

  const merged = await keeping.updateProject(read, { endDate: '2027-06-30' });
  expect([merged.status, merged.endDate?.slice(0, 10)]).toEqual(['closed', '2027-06-30']);
});

/**
 * The playground's lived-in record (dev/sandbox/livedIn): built by Trail's own provisioning and
 * GraphTrailStore into a private sandbox, then read back here through GraphTrailStore from a sandbox
 * started on that state, as `npm start` does. Counts, determinism, and consistency with the seeded
 * mailbox's senders.
 */
import { buildLivedInState } from '../../../dev/sandbox/livedIn/build';
import { planRecord } from '../../../dev/sandbox/livedIn/plan';
import { PLAYGROUND_SITE, mailboxMessages } from '../../../dev/sandbox/livedIn/write';
import type { SandboxState } from '../../../dev/sandbox/core/types';
import { DEFAULT_SEED, PEOPLE } from '../../../dev/sandbox/seed';
import { normaliseAddress } from '../../../src/domain/addresses';
import type { Person, Project } from '../../../src/domain/entities';

const normal = (address: string): string => {
  const n = normaliseAddress(address);
  if (!n.ok) throw new Error(`not an address: ${address}`);
  return n.address;
};
import { createGraphClient } from '../../../src/graph/client';
import { createGraphTrailStore } from '../../../src/record/graphTrailStore';
import { locateStore } from '../../../src/record/locate';
import type { TrailStore } from '../../../src/record/trailStore';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

jest.setTimeout(300_000);

const ANCHOR = new Date('2026-11-20T10:00:00Z');

let state: SandboxState;
let summary: Awaited<ReturnType<typeof buildLivedInState>>['summary'];
let t: TestSandbox;
let store: TrailStore;

beforeAll(async () => {
  ({ state, summary } = await buildLivedInState({ seed: DEFAULT_SEED, anchor: ANCHOR }));
  t = await startTestSandbox({ seed: DEFAULT_SEED, anchor: ANCHOR, initialState: state });
  const graph = createGraphClient({ baseUrl: t.sandbox.origin, tokens: { getAccessToken: async () => t.token } });
  const location = await locateStore(graph, PLAYGROUND_SITE);
  store = createGraphTrailStore({ graph, location, filer: { name: t.user.displayName, upn: t.user.userPrincipalName } });
});
afterAll(async () => t?.close());

test('about 200 people, 60 organisations, 15 projects with participants, hundreds of filings by more than five colleagues, and notes', () => {
  expect(summary.people).toBe(200);
  expect(summary.organisations).toBe(60);
  expect(summary.projects).toBe(15);
  expect(summary.participations).toBeGreaterThanOrEqual(60);
  expect(summary.filings).toBeGreaterThanOrEqual(400);
  expect(summary.notes).toBeGreaterThanOrEqual(50);
  expect(summary.filers).toBeGreaterThanOrEqual(5);
});

test('the same seed gives the same record; the plan changes with the seed', async () => {
  const again = await buildLivedInState({ seed: DEFAULT_SEED, anchor: ANCHOR });
  expect(JSON.stringify(again.state.sharepoint)).toBe(JSON.stringify(state.sharepoint));
  expect(planRecord(DEFAULT_SEED + 1, ANCHOR).people.map((p) => p.email)).not.toEqual(planRecord(DEFAULT_SEED, ANCHOR).people.map((p) => p.email));
});

test('every person who writes to the seeded mailbox is in the record, with their organisation by its proper name', async () => {
  const graph = createGraphClient({ baseUrl: t.sandbox.origin, tokens: { getAccessToken: async () => t.token } });
  const senders = new Set((await mailboxMessages(graph)).flatMap((m) => (m.from ? [m.from.address.toLowerCase()] : [])));
  const external = Object.values(PEOPLE).filter((p) => senders.has(p.address.toLowerCase()) && p.org !== 'seutuopisto' && p.org !== 'tarjoustalo' && !['uutiskirje', 'jäsentiedote'].includes(p.title));
  expect(external.length).toBeGreaterThan(20);
  const matches = await store.resolve(external.map((p) => p.address));
  const missing = external.filter((p) => !matches.people.has(normal(p.address)));
  expect(missing.map((p) => p.address)).toEqual([]);

  const byDomain = await store.resolve([], ['mantyrinteenopisto.fi']);
  expect(byDomain.organisations.get('mantyrinteenopisto.fi')?.name).toBe('Mäntyrinteen kansalaisopisto');
});

test('a seeded sender resolves to a person whose history holds filings by at least five colleagues, at once', async () => {
  const address = PEOPLE.riikka.address;
  const person = (await store.resolve([address])).people.get(normal(address));
  expect(person?.name).toBe('Riikka Hämäläinen');
  const organisation = (await store.resolve([], ['harjuseudunely.fi'])).organisations.get('harjuseudunely.fi')!;
  const history = await store.history([person!.ref, organisation.ref], 50);
  const filers = new Set(history.filings.map((f) => f.filedBy.upn));
  expect(filers.size).toBeGreaterThanOrEqual(5);
  expect(filers.has(t.user.userPrincipalName)).toBe(false); // colleagues' history, not Aino's own
  // Filed over the past months, by the clock of the day each was filed.
  const months = new Set(history.filings.map((f) => f.filedAt.slice(0, 7)));
  expect(months.size).toBeGreaterThanOrEqual(2);
  expect(history.filings.every((f) => f.filedAt <= ANCHOR.toISOString())).toBe(true);
});

test('projects have participants with roles, and notes of calls and meetings are in timelines', async () => {
  const [project] = await store.search('Osaava Harjuseutu', 5);
  expect(project?.ref.kind).toBe('project');
  const participants = await store.participants(project!.ref);
  expect(participants.map((p) => p.role)).toEqual(expect.arrayContaining(['rahoittaja', 'yhteyshenkilö']));
  // Its owner is the colleague who made it, by their own person entry (the Owner field).
  const ownerId = ((await store.get(project!.ref)) as Project).ownerId;
  const owner = (await store.get({ kind: 'person', id: ownerId! })) as Person;
  expect(owner.emails[0]).toMatch(/@seutuopisto\.fi$/);
  const organisation = participants.find((p) => p.entity.ref.kind === 'organisation')!;
  const page = await store.filingsOfEntity(organisation.entity.ref, { pageSize: 200 });
  expect(page.items.length).toBeGreaterThan(0);
  // Notes of calls and meetings, by colleagues, in the timelines of the people they were with.
  const people = planRecord(DEFAULT_SEED, ANCHOR).people.slice(0, 40).map((p) => p.email);
  const refs = [...(await store.resolve(people)).people.values()].map((p) => p.ref);
  const notes = (await store.history(refs, 50)).filings.filter((f) => f.item.kind === 'note');
  expect(notes.length).toBeGreaterThan(0);
  expect(notes[0]!.item.subject).toMatch(/^(Puhelu|Tapaaminen|Teams-palaveri|Kohtaaminen)/);
  expect(notes[0]!.filedBy.upn).not.toBe(t.user.userPrincipalName);
});

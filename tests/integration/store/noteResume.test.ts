/**
 * A meeting note whose save did not finish (issue 17, defect 8: notes orphaned) is finished when the
 * pane opens again. The note row is written before its filings (SharePoint has no transaction that
 * holds both), so a save whose filing and clean-up both fail leaves the note filed nowhere; the save's
 * creation id and what it was for wait in the pane's storage, and the next pane's resume() files that
 * same note (found by its creation id, never a second one) or writes it, once.
 */
import type { EntitySummary } from '../../../src/domain/entities';
import type { FiledItem } from '../../../src/domain/itemKeys';
import { createFilingService, type FilingView } from '../../../src/services/filing/filingService';
import { storePerFile } from '../helpers/store';

jest.setTimeout(60_000);
const s = storePerFile();

let serial = 0;
const unique = (label: string) => `${label}${++serial}`;
type ListName = 'notes' | 'filings';

async function rows(list: ListName, filter: string): Promise<Array<{ id: string; fields: Record<string, unknown> }>> {
  const answer = await s().t.graphJson<{ value: Array<{ id: string; fields: Record<string, unknown> }> }>(
    `/sites/${encodeURIComponent(s().location.siteId)}/lists/${s().location.lists[list]}/items?$filter=${encodeURIComponent(filter)}&$expand=fields&$top=500`,
    { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
  );
  return answer.body.value;
}
const itemsPath = (list: ListName) => `${s().location.lists[list]}/items`;
const notesTitled = (headline: string) => rows('notes', `fields/Title eq '${headline}'`);
const filingsOfNote = (noteId: string) => rows('filings', `fields/ItemKey eq 'note:${noteId}'`);

/** The pane's local storage, which outlives the pane. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

let project: EntitySummary;
beforeAll(async () => {
  const made = await s().store.createProject({ name: unique('Jatkettu hanke ') });
  project = { ref: made.entity.ref, name: made.entity.name, detail: '' };
});

function meetingOf(headline: string): FilingView {
  const item: FiledItem = { kind: 'event', immutableId: `ev-resume-${serial}`, iCalUId: `ical-resume-${serial}`, subject: headline, date: '2026-11-02T08:00:00Z', from: null };
  return { item, series: null, suggestions: [], unknown: [], filed: [{ entity: project.ref, entityName: project.name }], sender: null } as unknown as FilingView;
}

test('a note left filed nowhere (its filing and its clean-up failed) is filed by the next pane, once', async () => {
  const storage = new MemoryStorage();
  const pane = () => createFilingService({ store: s().store, graph: s().graph, self: s().t.user.userPrincipalName, storage });
  const headline = unique('Keskeytynyt palaveri ');
  const meeting = meetingOf(headline);
  // The note is written; every filing $batch fails, and so does the read that would tell whether a filing landed.
  s().t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'POST', pathPattern: '$batch' }, { kind: '503', method: 'GET', pathPattern: itemsPath('filings') }] });
  const first = pane();
  await expect(first.addMeetingNote(meeting, 'Sovittiin jatkosta.')).rejects.toBeDefined();
  s().t.sandbox.control.clearFaults();
  const [left] = await notesTitled(headline);
  expect(left).toBeDefined();
  expect(await filingsOfNote(left!.id)).toHaveLength(0); // an orphan, as the campaign found it

  // The user gives up and the pane closes; the next pane resumes what did not finish.
  const next = pane();
  const resumed = await next.resume();
  expect(resumed.map((r) => r.map((o) => o.status))).toEqual([['filed']]);
  const notes = await notesTitled(headline);
  expect(notes.map((n) => n.id)).toEqual([left!.id]);
  expect(await filingsOfNote(left!.id)).toHaveLength(1);
  // Nothing is left to resume, and resuming again sends nothing twice.
  expect(await pane().resume()).toEqual([]);
});

test('a note whose save never reached the record is written and filed by the next pane, once', async () => {
  const storage = new MemoryStorage();
  const pane = () => createFilingService({ store: s().store, graph: s().graph, self: s().t.user.userPrincipalName, storage });
  const headline = unique('Tallentumaton palaveri ');
  s().t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'POST', pathPattern: itemsPath('notes') }] });
  await expect(pane().addMeetingNote(meetingOf(headline), 'Sovittiin hinnasta.')).rejects.toBeDefined();
  s().t.sandbox.control.clearFaults();
  expect(await notesTitled(headline)).toEqual([]);

  const resumed = await pane().resume();
  expect(resumed.map((r) => r.map((o) => o.status))).toEqual([['filed']]);
  const notes = await notesTitled(headline);
  expect(notes).toHaveLength(1);
  expect(notes[0]!.fields.Body).toBe('Sovittiin hinnasta.');
  expect(await filingsOfNote(notes[0]!.id)).toHaveLength(1);
});

test('a resume that fails again keeps the save waiting for the next pane', async () => {
  const storage = new MemoryStorage();
  const pane = () => createFilingService({ store: s().store, graph: s().graph, self: s().t.user.userPrincipalName, storage });
  const headline = unique('Sitkeä palaveri ');
  s().t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'POST', pathPattern: itemsPath('notes') }] });
  await expect(pane().addMeetingNote(meetingOf(headline), 'Sovittiin aikataulusta.')).rejects.toBeDefined();
  expect(await pane().resume()).toEqual([]); // still failing: nothing finished, nothing thrown
  s().t.sandbox.control.clearFaults();
  expect((await pane().resume()).map((r) => r.map((o) => o.status))).toEqual([['filed']]);
  expect(await notesTitled(headline)).toHaveLength(1);
});

test('a save the same pane is still holding (the user may press Save again) is not resumed by that pane', async () => {
  const storage = new MemoryStorage();
  const filing = createFilingService({ store: s().store, graph: s().graph, self: s().t.user.userPrincipalName, storage });
  const headline = unique('Avoin palaveri ');
  s().t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'POST', pathPattern: itemsPath('notes') }] });
  await expect(filing.addMeetingNote(meetingOf(headline), 'Sovittiin.')).rejects.toBeDefined();
  s().t.sandbox.control.clearFaults();
  expect(await filing.resume()).toEqual([]);
  // Save again in that pane: one note.
  expect((await filing.addMeetingNote(meetingOf(headline), 'Sovittiin.')).map((o) => o.status)).toEqual(['filed']);
  expect(await notesTitled(headline)).toHaveLength(1);
});

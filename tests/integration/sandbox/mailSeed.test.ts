/** The realistic seed dataset loads into the mail module and answers the add-in's everyday requests. */
import { expectNoContractViolations, startTestSandbox, TEST_ANCHOR, type TestSandbox } from '../helpers/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
}, 30_000);
afterAll(() => t.close());

type Page<T> = { value: T[]; '@odata.nextLink'?: string };

test('folders, messages and the signed-in user come from the seed', async () => {
  const me = await t.graphJson<{ id: string; preferredLanguage: string }>('/me');
  expect(me.body.id).toBe(t.user.id);
  const inbox = await t.graphJson<{ totalItemCount: number; unreadItemCount: number }>('/me/mailFolders/inbox');
  expect(inbox.body.totalItemCount).toBeGreaterThan(10);
  const page = await t.graphJson<Page<{ id: string; receivedDateTime: string; parentFolderId: string }>>('/me/mailFolders/inbox/messages?$top=25&$select=receivedDateTime,parentFolderId');
  expect(page.body.value).toHaveLength(25);
  expect(page.body.value.every((m) => Date.parse(m.receivedDateTime) <= TEST_ANCHOR.getTime() + 86_400_000)).toBe(true);
});

test('every message id is unique and resolvable', async () => {
  const all = await t.graphJson<Page<{ id: string }>>('/me/messages?$top=1000&$select=id');
  const ids = all.body.value.map((m) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect((await t.graphFetch(`/me/messages/${ids[ids.length - 1]}`)).status).toBe(200);
});

test('the week around the anchor has meetings in the calendar view', async () => {
  const from = new Date(TEST_ANCHOR.getTime() - 3 * 86_400_000).toISOString();
  const to = new Date(TEST_ANCHOR.getTime() + 4 * 86_400_000).toISOString();
  const view = await t.graphJson<Page<{ start: { dateTime: string } }>>(`/me/calendarView?startDateTime=${from}&endDateTime=${to}&$top=100`);
  expect(view.status).toBe(200);
  expect(view.body.value.length).toBeGreaterThan(0);
  const starts = view.body.value.map((e) => e.start.dateTime);
  expect([...starts].sort()).toEqual(starts);
});

expectNoContractViolations(() => t);

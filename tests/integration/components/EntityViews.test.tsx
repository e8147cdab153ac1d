/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * The person card, organisation and project views with their timelines, rendered in jsdom against
 * the record in the sandbox over HTTP: what colleagues filed and the user's own mail, entries that
 * open in Outlook, paging, and roles.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EntitySummary } from '../../../src/domain/entities';
import { PUBLIC_MAIL_DOMAINS } from '../../../src/domain/publicMailDomains';
import { EntityView, PersonCard } from '../../../src/ui/filing/EntityView';
import type { MessageSnapshot } from '../../../src/office/host';
import { panelHarnessOfFile, summaryOf } from './harness';

const h = panelHarnessOfFile();

const summary = (o: { entity: { ref: EntitySummary['ref']; name: string } }): EntitySummary => summaryOf(o.entity);
const colleague = () => h.s.storeAs({ name: 'Kari Kollega', upn: 'kari.kollega@seutuopisto.fi' });
const fromSender = (address: string): MessageSnapshot[] => h.inbox.filter((m) => m.from?.address.toLowerCase() === address);

/** A seeded sender at an organisation's own domain with at least `count` messages in the inbox. */
function busySender(count: number): string {
  const counts = new Map<string, number>();
  for (const m of h.inbox) if (m.from && !['seutuopisto.fi', ...PUBLIC_MAIL_DOMAINS].includes(m.from.address.toLowerCase().split('@')[1]!)) counts.set(m.from.address.toLowerCase(), (counts.get(m.from.address.toLowerCase()) ?? 0) + 1);
  const found = [...counts].find(([, n]) => n >= count);
  if (!found) throw new Error(`no seeded sender with ${count} messages`);
  return found[0];
}

test('the person card: their organisation, what a colleague filed and the user’s own mail with them; an entry opens in Outlook', async () => {
  const address = busySender(2);
  const [first] = fromSender(address);
  const org = summary(await h.runtime.filing.store.createOrganisation({ name: 'Kortteli Oy', domains: [address.split('@')[1]!] }));
  const person = summary(await h.runtime.filing.store.createPerson({ name: first!.from!.name, emails: [address], organisationId: org.ref.id, jobTitle: 'Rehtori' }));
  await colleague().file((await h.runtime.filing.view(first!)).item, [person], 'Tärkeä');
  await h.runtime.catchUp(); // a colleague's filing shows once the pane's replica has caught up (at most 10 minutes)

  h.render(<PersonCard runtime={h.runtime} host={h.host} address={address} name={first!.from!.name} person={person} organisation={org} onOpen={() => undefined} />);
  const card = screen.getByTestId('person-card');
  expect(within(card).getByTestId('history-loading')).toBeTruthy(); // skeleton first, never a blank
  expect(await within(card).findByText('Rehtori', { exact: false })).toBeTruthy();
  const entries = await within(card).findByTestId('history-entries');
  const filing = within(entries).getAllByTestId('history-filing')[0]!;
  expect(filing.textContent).toContain('Kari Kollega');
  expect(filing.textContent).toContain('Tärkeä');
  expect(within(entries).getAllByTestId('history-mail').length).toBeGreaterThanOrEqual(1);

  fireEvent.click(within(filing).getByRole('button', { name: /Open .* in Outlook/ }));
  await waitFor(() => expect(h.host.opened).toContainEqual({ kind: 'message', id: first!.id, webLink: expect.stringMatching(/^https:\/\/outlook\.office365\.com\/owa\//) }));
});

test('a timeline loads its first page, then the next on "Show more", and then offers no more', async () => {
  const project = summary(await h.runtime.filing.store.createProject({ name: 'Pitkä hanke' }));
  for (const message of h.inbox.slice(0, 13)) await colleague().file((await h.runtime.filing.view(message)).item, [project]);
  await h.runtime.catchUp();

  h.render(<EntityView runtime={h.runtime} host={h.host} entity={project} onBack={() => undefined} onOpen={() => undefined} />);
  const entries = await screen.findByTestId('entity-timeline-entries');
  expect(within(entries).getAllByTestId('history-filing')).toHaveLength(10);
  fireEvent.click(screen.getByTestId('entity-timeline-more'));
  await waitFor(() => expect(within(screen.getByTestId('entity-timeline-entries')).getAllByTestId('history-filing')).toHaveLength(13));
  expect(screen.queryByTestId('entity-timeline-more')).toBeNull();
});

test('the project view names who is involved with their roles, in Finnish', async () => {
  const project = summary(await h.runtime.filing.store.createProject({ name: 'Oppisopimus 2025' }));
  const employer = summary(await h.runtime.filing.store.createOrganisation({ name: 'Rakennus Kallio Oy', domains: ['rakennus-kallio.fi'] }));
  const student = summary(await h.runtime.filing.store.createPerson({ name: 'Mikko Heikkinen', emails: ['mikko.heikkinen@example.fi'] }));
  await h.runtime.filing.store.involve(project, employer, 'employer');
  await h.runtime.filing.store.involve(project, student, 'student');
  const opened: EntitySummary[] = [];

  h.render(<EntityView runtime={h.runtime} host={h.host} entity={project} onBack={() => undefined} onOpen={(e) => opened.push(e)} />, 'fi');
  // Listed once, where they are edited: each name with its role in the project (issue 16).
  const related = await screen.findByTestId('project-participants');
  const roleOf = (name: string) => (within(related).getByRole('combobox', { name: new RegExp(name) }) as HTMLInputElement).value;
  expect(roleOf('Rakennus Kallio Oy')).toBe('työnantaja');
  expect(roleOf('Mikko Heikkinen')).toBe('opiskelija');
  fireEvent.click(within(related).getByRole('button', { name: 'Näytä Rakennus Kallio Oy' }));
  expect(opened.map((e) => e.name)).toEqual(['Rakennus Kallio Oy']);
  expect(await screen.findByText('Aikajana', { exact: false })).toBeTruthy();
});

test('an item a colleague filed that is not in the user’s mailbox says so instead of failing', async () => {
  const project = summary(await h.runtime.filing.store.createProject({ name: 'Vieras hanke' }));
  const [message] = h.inbox.slice(-1);
  const item = (await h.runtime.filing.view(message!)).item;
  await colleague().file({ ...item, immutableId: 'not-ours', internetMessageId: '<elsewhere@example.org>' }, [project]);
  await h.runtime.catchUp();

  h.render(<EntityView runtime={h.runtime} host={h.host} entity={project} onBack={() => undefined} onOpen={() => undefined} />);
  const entries = await screen.findByTestId('entity-timeline-entries');
  const before = h.host.opened.length;
  await act(async () => fireEvent.click(within(entries).getByRole('button', { name: /in Outlook/ })));
  expect(await screen.findByTestId('entity-timeline-notice')).toHaveProperty('textContent', expect.stringContaining('not in your mailbox'));
  expect(h.host.opened).toHaveLength(before);
});

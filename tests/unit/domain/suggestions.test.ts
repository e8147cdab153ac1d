import type { EntitySummary } from '../../../src/domain/entities';
import { suggestFilings, type Participant, type SuggestionInput } from '../../../src/domain/suggestions';

const person = (id: string, name: string): EntitySummary => ({ ref: { kind: 'person', id }, name, detail: '' });
const org = (id: string, name: string): EntitySummary => ({ ref: { kind: 'organisation', id }, name, detail: '' });
const project = (id: string, name: string): EntitySummary => ({ ref: { kind: 'project', id }, name, detail: '' });

const mikko = person('1', 'Mikko Heikkinen');
const liisa = person('2', 'Liisa Korhonen');
const kallio = org('10', 'Kallion kunta');
const hanke = project('20', 'Osaava Kallio');

const base = (over: Partial<SuggestionInput> = {}): SuggestionInput => ({
  participants: [],
  people: new Map([
    ['mikko.heikkinen@kallio.fi', mikko],
    ['liisa@yritys.fi', liisa],
  ]),
  organisations: new Map([['kallio.fi', kallio]]),
  conversation: [],
  recent: [],
  filed: [],
  self: 'aino.laine@seutuopisto.fi',
  ...over,
});
const from = (address: string, name = ''): Participant => ({ name, address, role: 'sender' });
const to = (address: string, name = ''): Participant => ({ name, address, role: 'recipient' });
const names = (input: SuggestionInput) => suggestFilings(input).suggestions.map((s) => s.entity.name);

test('sender, their organisation, the thread’s projects, then recipients, then recent', () => {
  const input = base({
    participants: [to('liisa@yritys.fi'), from('Mikko.Heikkinen@Kallio.FI')],
    conversation: [hanke],
    recent: [project('21', 'Kesäkoulu')],
  });
  expect(names(input)).toEqual(['Mikko Heikkinen', 'Kallion kunta', 'Osaava Kallio', 'Liisa Korhonen', 'Kesäkoulu']);
  expect(suggestFilings(input).suggestions.map((s) => s.reason.kind)).toEqual(['person', 'domain', 'conversation', 'person', 'recent']);
});

test('each entity once, in its strongest reason; what is already filed is left out', () => {
  const input = base({ participants: [from('mikko.heikkinen@kallio.fi'), to('other@kallio.fi')], recent: [mikko, kallio], filed: [hanke.ref] , conversation: [hanke] });
  const { suggestions } = suggestFilings(input);
  expect(suggestions.map((s) => [s.entity.name, s.reason.kind])).toEqual([
    ['Mikko Heikkinen', 'person'],
    ['Kallion kunta', 'domain'],
  ]);
});

test('public mail domains and the user’s own organisation are never suggested as organisations', () => {
  const input = base({
    participants: [from('someone@gmail.com'), to('colleague@seutuopisto.fi'), to('aino.laine@seutuopisto.fi')],
    organisations: new Map([
      ['gmail.com', org('11', 'Gmail')],
      ['seutuopisto.fi', org('12', 'Seutuopisto')],
    ]),
  });
  const { suggestions, unknown } = suggestFilings(input);
  expect(suggestions).toEqual([]);
  // A colleague is not a stakeholder to create; the user is never on the list.
  expect(unknown.map((u) => [u.address, u.domain])).toEqual([['someone@gmail.com', undefined]]);
});

test('unknown people are offered for creation with their organisation domain; malformed addresses are skipped', () => {
  const { unknown, suggestions } = suggestFilings(base({ participants: [from('"Uusi" <uusi@kallio.fi>', 'Uusi Henkilö'), to('not an address'), to('@@')] }));
  expect(unknown).toEqual([{ name: 'Uusi Henkilö', address: '"Uusi" <uusi@kallio.fi>', role: 'sender', domain: 'kallio.fi' }]);
  expect(suggestions.map((s) => s.entity.name)).toEqual(['Kallion kunta']);
});

test('a meeting: organizer first, attendees after', () => {
  const input = base({ participants: [{ name: '', address: 'liisa@yritys.fi', role: 'attendee' }, { name: '', address: 'mikko.heikkinen@kallio.fi', role: 'organizer' }] });
  expect(names(input)).toEqual(['Mikko Heikkinen', 'Kallion kunta', 'Liisa Korhonen']);
});

test('the list is capped, and recently used entities never crowd out the item’s own', () => {
  const participants = Array.from({ length: 4 }, (_, i) => to(`p${i}@kallio.fi`));
  const many = new Map(participants.map((p, i) => [p.address, person(String(200 + i), `Henkilö ${i}`)]));
  const recent = Array.from({ length: 30 }, (_, i) => project(String(100 + i), `P${i}`));
  expect(names(base({ recent, limit: 5 }))).toEqual(['P0', 'P1', 'P2']); // only three recent ones, even with room
  const full = suggestFilings(base({ participants, people: many, recent, limit: 5 })).suggestions;
  expect(full.map((s) => s.reason.kind)).toEqual(['person', 'domain', 'person', 'person', 'person']); // the item's own fill the cap
});

describe("the organisation's own rules (tenant settings)", () => {
  test('never-file domains: their people are neither suggested nor offered for creating, nor is their organisation', () => {
    const input = base({
      participants: [from('mikko.heikkinen@kallio.fi'), to('liisa@yritys.fi'), to('new.person@kallio.fi'), to('helpdesk@it.kallio.fi')],
      neverFileDomains: ['kallio.fi'],
    });
    const { suggestions, unknown } = suggestFilings(input);
    expect(suggestions.map((s) => s.entity.name)).toEqual(['Liisa Korhonen']);
    // Subdomains count too: it.kallio.fi is kallio.fi's.
    expect(unknown).toEqual([]);
  });

  test('never-file domains compare as normalised domains, whatever case or form the setting used', () => {
    const input = base({ participants: [from('Mikko.Heikkinen@Kallio.FI')], neverFileDomains: ['KALLIO.fi.'] });
    expect(suggestFilings(input).suggestions).toEqual([]);
  });

  test('public-domain additions: the person is still suggested, but no organisation by that domain, and a new person gets none', () => {
    const input = base({
      participants: [from('mikko.heikkinen@kallio.fi'), to('someone@kallio.fi')],
      extraPublicDomains: ['kallio.fi'],
    });
    const { suggestions, unknown } = suggestFilings(input);
    expect(suggestions.map((s) => [s.entity.name, s.reason.kind])).toEqual([['Mikko Heikkinen', 'person']]);
    expect(unknown.map((u) => [u.address, u.domain])).toEqual([['someone@kallio.fi', undefined]]);
  });

  test('without either list, nothing changes', () => {
    const input = base({ participants: [from('mikko.heikkinen@kallio.fi')] });
    expect(names({ ...input, neverFileDomains: [], extraPublicDomains: [] })).toEqual(names(input));
  });
});

test('an organisation’s reason says whose domain it is: the sender’s, a recipient’s, the organizer’s or an attendee’s', () => {
  const reasons = (participants: Participant[]) => suggestFilings(base({ participants })).suggestions.filter((s) => s.reason.kind === 'domain').map((s) => s.reason);
  expect(reasons([from('x@kallio.fi')])).toEqual([{ kind: 'domain', domain: 'kallio.fi', role: 'sender' }]);
  expect(reasons([from('liisa@yritys.fi'), to('x@kallio.fi')])).toEqual([{ kind: 'domain', domain: 'kallio.fi', role: 'recipient' }]);
  expect(reasons([{ name: '', address: 'x@kallio.fi', role: 'organizer' }])).toEqual([{ kind: 'domain', domain: 'kallio.fi', role: 'organizer' }]);
  expect(reasons([{ name: '', address: 'x@kallio.fi', role: 'attendee' }])).toEqual([{ kind: 'domain', domain: 'kallio.fi', role: 'attendee' }]);
});

test('a closed project the user filed to lately is not suggested as recent; an open one is', () => {
  const closed: EntitySummary = { ...project('22', 'Päättynyt hanke'), closed: true };
  expect(names(base({ recent: [closed, project('23', 'Käynnissä oleva hanke')] }))).toEqual(['Käynnissä oleva hanke']);
});

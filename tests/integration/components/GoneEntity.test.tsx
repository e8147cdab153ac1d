/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * An entity no longer in the shared record (merged into another, or erased), in words: opened from
 * "Filed to" or a suggestion, its view says so and offers nothing to do with it; a filing refused
 * because of it names it, and what was filed with it.
 */
import { screen } from '@testing-library/react';
import type { EntitySummary } from '../../../src/domain/entities';
import { EntityGoneError } from '../../../src/domain/entityGone';
import { EntityView } from '../../../src/ui/filing/EntityView';
import { FilingResultBar } from '../../../src/ui/filing/FilingResultBar';
import { RECENT_ENTITIES_KEY } from '../../../src/services/storage/keys';
import { panelHarnessOfFile, summaryOf } from './harness';

const h = panelHarnessOfFile();

const summary = (o: { entity: { ref: EntitySummary['ref']; name: string } }): EntitySummary => summaryOf(o.entity);

test.each([
  ['en', /This person is no longer in the shared record/],
  ['fi', /Tätä henkilöä ei enää ole yhteisessä rekisterissä/],
] as const)('an erased person opened from the pane says it is no longer in the record, with no actions (%s)', async (locale, words) => {
  const person = summary(await h.runtime.filing.store.createPerson({ name: `Poistettu ${locale}`, emails: [`poistettu.${locale}@gone-view.fi`] }));
  window.localStorage.setItem(RECENT_ENTITIES_KEY, JSON.stringify([person]));
  await h.runtime.filing.store.erasePerson(person.ref);

  h.render(<EntityView runtime={h.runtime} host={h.host} entity={person} onBack={() => undefined} onOpen={() => undefined} />, locale);
  expect((await screen.findByTestId('entity-gone')).textContent).toMatch(words);
  expect(screen.queryByText(/404|itemNotFound/)).toBeNull();
  expect(screen.queryByTestId('entity-keeping')).toBeNull();
  expect(screen.queryByTestId('note-new')).toBeNull();
  expect(screen.queryByTestId('entity-timeline')).toBeNull();
  expect(screen.getByTestId('entity-back')).toBeTruthy();
  // Nor is it offered as one the user filed to lately.
  expect(JSON.parse(window.localStorage.getItem(RECENT_ENTITIES_KEY) ?? '[]')).toEqual([]);
});

test.each([
  ['en', 'Not filed to Pekka: it is no longer in the shared record (merged into another entry, or erased). Filed to Kallio Oy.'],
  ['fi', 'Kohteeseen Pekka ei kirjattu: sitä ei enää ole yhteisessä rekisterissä (yhdistetty toiseen tai poistettu). Kirjattu: Kallio Oy.'],
] as const)('a filing refused because its entity is gone says so and names what was filed (%s)', (locale, words) => {
  const result = { kind: 'failed' as const, names: [], gone: ['Pekka'], filed: ['Kallio Oy'], error: new EntityGoneError({ kind: 'person', id: '1' }) };
  h.render(<FilingResultBar result={result} filedKey="" busy={false} onUndoMove={() => undefined} />, locale);
  expect(screen.getByTestId('filing-result').textContent).toBe(words);
});

/**
 * The Finnish pane calls the project entity "hanke" (hanketta, hankkeen, hankerooli…) everywhere; only
 * the kinds of project keep their own names (Projekti, Rahoitettu hanke, Asiakokonaisuus).
 */
import { createIntl } from 'react-intl';
import { fi } from '../../../src/i18n/messages';

const KIND_NAMES = new Set(['projects.kind.project']);

test('no Finnish string but the kind names says "projekti"', () => {
  const saying = Object.entries(fi).filter(([key, text]) => !KIND_NAMES.has(key) && /projekt/i.test(String(text)));
  expect(saying.map(([key]) => key)).toEqual([]);
});

test('the words of a project no longer in the record, and of a note’s entities, say "hanke"', () => {
  const intl = createIntl({ locale: 'fi', messages: fi });
  expect(intl.formatMessage({ id: 'entity.gone' }, { kind: 'project' })).toMatch(/^Tätä hanketta ei enää ole/);
  expect(intl.formatMessage({ id: 'notes.addEntity' })).toBe('Lisää henkilö, organisaatio tai hanke');
  expect(intl.formatMessage({ id: 'notes.needEntity' })).toBe('Lisää vähintään yksi henkilö, organisaatio tai hanke.');
});

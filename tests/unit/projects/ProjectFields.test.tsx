/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { catalogues } from '../../../src/i18n/messages';
import { ProjectFields, type ProjectFieldValues } from '../../../src/ui/projects/ProjectFields';
import { formatDay, parseDay } from '../../../src/ui/projects/projectDates';

/**
 * A project's dates in the user's language, not the browser's (issue 16): typed the Finnish or English
 * way, chosen from a calendar in that language whose weeks start on Monday, and text that is no day said
 * at the field and kept there.
 */
let saved: ProjectFieldValues[] = [];
function Fields({ start }: { start: string | null }) {
  const [value, setValue] = useState<ProjectFieldValues>({ projectKind: 'project', status: 'active', startDate: start, endDate: null });
  return (
    <ProjectFields
      value={value}
      onChange={(field, v) =>
        setValue((old) => {
          const next = { ...old, [field]: v };
          saved.push(next);
          return next;
        })
      }
      testId="p"
    />
  );
}
function renderIn(locale: 'en' | 'fi', start: string | null = null) {
  saved = [];
  return render(
    <IntlProvider locale={locale} messages={catalogues[locale]}>
      <FluentProvider theme={webLightTheme}>
        <Fields start={start} />
      </FluentProvider>
    </IntlProvider>,
  );
}
const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const type = (id: string, text: string) => {
  fireEvent.change(input(id), { target: { value: text } });
  fireEvent.blur(input(id));
};

test('days are written d.M.yyyy in Finnish and dd/mm/yyyy in English, and read back either way or as yyyy-mm-dd', () => {
  const day = new Date(2026, 11, 7);
  expect(formatDay(day, 'fi')).toBe('7.12.2026');
  expect(formatDay(day, 'en')).toBe('07/12/2026');
  for (const text of ['7.12.2026', '07/12/2026', '7.12.26', '2026-12-07', ' 7-12-2026 ']) expect(parseDay(text)).toEqual(day);
  for (const text of ['31.2.2027', '12/31/2027', 'huomenna', '2027-13-01', '']) expect(parseDay(text)).toBeNull();
});

test('a Finnish user sees and types the start date the Finnish way, whatever the browser', () => {
  renderIn('fi', '2027-01-15');
  expect(input('p-start').value).toBe('15.1.2027');
  expect(input('p-start').placeholder).toBe('pp.kk.vvvv');
  type('p-end', '31.12.2027');
  expect(saved.at(-1)?.endDate).toBe('2027-12-31');
  expect(input('p-end').value).toBe('31.12.2027');
});

test('an English user types day first', () => {
  renderIn('en');
  type('p-start', '01/02/2027');
  expect(saved.at(-1)?.startDate).toBe('2027-02-01');
  expect(input('p-start').value).toBe('01/02/2027');
});

test('text that is no day is said at the field, stays there as typed, and the day before it is kept until corrected', () => {
  renderIn('fi', '2027-01-15');
  type('p-start', '31.2.2027');
  expect(screen.getByTestId('p-start-problem').textContent).toBe('”31.2.2027” ei ole päivämäärä. Kirjoita se muodossa 31.12.2027 tai valitse se kalenterista.');
  expect(input('p-start').value).toBe('31.2.2027');
  expect(input('p-start').getAttribute('aria-invalid')).toBe('true');
  expect(saved).toEqual([]);
  type('p-start', '28.2.2027');
  expect(screen.queryByTestId('p-start-problem')).toBeNull();
  expect(saved.at(-1)?.startDate).toBe('2027-02-28');
});

test('the calendar speaks Finnish, starts its weeks on Monday, and a day chosen in it is the field’s', () => {
  renderIn('fi', '2027-03-10');
  fireEvent.click(input('p-start'));
  const calendar = screen.getByRole('dialog', { name: 'Kalenteri' });
  const headers = within(calendar).getAllByRole('columnheader').map((h) => h.getAttribute('title') ?? h.textContent);
  expect(headers[0]).toMatch(/maanantai|ma/);
  expect(calendar.textContent).toContain('maaliskuu 2027');
  expect(within(calendar).getByRole('button', { name: 'Siirry tähän päivään' })).toBeTruthy();
  fireEvent.click(within(calendar).getByRole('gridcell', { name: /^17/ }).querySelector('button') ?? within(calendar).getByRole('button', { name: /^17/ }));
  expect(saved.at(-1)?.startDate).toBe('2027-03-17');
  expect(input('p-start').value).toBe('17.3.2027');
});

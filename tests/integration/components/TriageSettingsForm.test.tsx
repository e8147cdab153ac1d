/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * The triage settings form against the sandbox over HTTP: it names the folders as the mailbox names
 * them (as the pane's counts do), not with the catalogue's words for the user's language of the day.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { parseTriageSettings, storedTriageSettings, type TriageSettings } from '../../../src/domain/triage/settings';
import { catalogues } from '../../../src/i18n/messages';
import type { TriageService } from '../../../src/services/triage/triageService';
import { TriageSettingsForm } from '../../../src/ui/triage/TriageSettingsForm';
import { expectNoContractViolations, startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { graphCalls, messagesIn, triageHarness } from '../triage/harness';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());
expectNoContractViolations(() => t);
beforeEach(() => t.sandbox.control.reset());

/** Roaming settings as the runtime keeps them: stored without unchosen names, read back in the language of the day. */
function roamingIn(locale: { current: 'en' | 'fi' }): { current: TriageSettings } {
  let stored: unknown = undefined;
  return {
    get current() {
      return parseTriageSettings(stored, locale.current);
    },
    set current(next: TriageSettings) {
      stored = storedTriageSettings(next);
    },
  };
}

function renderForm(service: TriageService, locale: 'en' | 'fi') {
  render(
    <IntlProvider locale={locale} messages={catalogues[locale]} defaultLocale="en">
      <FluentProvider theme={webLightTheme}>
        <TriageSettingsForm service={service} onSaved={() => undefined} />
      </FluentProvider>
    </IntlProvider>,
  );
}

const value = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;

/** A Read later folder made while Outlook was in English, then the pane opened in Finnish (its counts read). */
async function folderMadeInEnglishOpenedInFinnish() {
  const locale = { current: 'en' as 'en' | 'fi' };
  const settings = roamingIn(locale);
  const [message] = await messagesIn(t, 'inbox', 1);
  await triageHarness(t, { sharedSettings: settings }).service.triage('readLater', [message!.id]);
  locale.current = 'fi';
  const h = triageHarness(t, { sharedSettings: settings });
  await h.service.counts();
  return { h, settings };
}

// A Finnish user saw "Lue myöhemmin" in the form while the mailbox folder is named "Read later".
test('a folder named "Read later" is shown as "Read later" to a Finnish user', async () => {
  const { h } = await folderMadeInEnglishOpenedInFinnish();
  renderForm(h.service, 'fi');
  expect(value('settings-read-later')).toBe('Read later');
  expect(value('settings-asap')).toBe('ASAP');
});

test('saving only a new due time renames no folder and keeps the names unchosen', async () => {
  const { h, settings } = await folderMadeInEnglishOpenedInFinnish();
  renderForm(h.service, 'fi');
  t.sandbox.control.clearRequests();
  fireEvent.change(screen.getByTestId('settings-due-time'), { target: { value: '15.30' } });
  fireEvent.click(screen.getByTestId('settings-save'));
  await screen.findByTestId('settings-saved');
  expect(graphCalls(t).filter((c) => c.method === 'PATCH')).toEqual([]);
  expect(settings.current.folderNamesChosen).toBeUndefined();
  expect(settings.current.dueRule).toMatchObject({ hour: 15, minute: 30 });
  expect(value('settings-read-later')).toBe('Read later');
});

test('a name the user types is saved as typed and the folder renamed', async () => {
  const { h, settings } = await folderMadeInEnglishOpenedInFinnish();
  renderForm(h.service, 'fi');
  fireEvent.change(screen.getByTestId('settings-read-later'), { target: { value: 'Myöhemmin' } });
  fireEvent.click(screen.getByTestId('settings-save'));
  await screen.findByTestId('settings-saved');
  expect(settings.current.readLaterFolderName).toBe('Myöhemmin');
  await waitFor(() => expect(value('settings-read-later')).toBe('Myöhemmin'));
});

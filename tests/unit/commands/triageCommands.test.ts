import { runTriageCommand } from '../../../src/commands/triageCommands';
import type { HostNotification, OfficeHost } from '../../../src/office/host';

function hostSpeaking(language: string, notify: (n: HostNotification) => Promise<void>): OfficeHost {
  return {
    currentItem: async () => null,
    onItemChanged: () => () => undefined,
    selectedItems: async () => [],
    notify,
    roamingSettings: { get: () => undefined, set: async () => undefined },
    displayLanguage: () => language,
    theme: () => 'light',
    onThemeChanged: () => () => undefined,
    user: () => ({ displayName: 'Aino Laine', emailAddress: 'aino.laine@seutuopisto.fi', timeZone: 'FLE Standard Time' }),
  };
}

test('a ribbon command reports in the user language and completes the event', async () => {
  const shown: HostNotification[] = [];
  const completed = jest.fn();
  await runTriageCommand(hostSpeaking('fi-FI', async (n) => void shown.push(n)), 'readLater', { completed });
  expect(shown).toEqual([{ key: 'trail-triage', kind: 'informational', message: 'Lue myöhemmin: yhden napsautuksen lajittelu tulee pian Trailiin.' }]);
  expect(completed).toHaveBeenCalledTimes(1);
});

test('the event is completed even when the notification fails, so Outlook never shows a stuck button', async () => {
  const completed = jest.fn();
  const failing = hostSpeaking('en-US', () => Promise.reject(new Error('item closed')));
  await expect(runTriageCommand(failing, 'asap', { completed })).rejects.toThrow('item closed');
  expect(completed).toHaveBeenCalledTimes(1);
});

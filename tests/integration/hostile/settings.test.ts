/**
 * Hostile text through the triage settings: every string of the corpus as a folder name and as a due
 * time, checked as the form checks it; every name the check lets through saved over HTTP against the
 * sandbox, where the folder must then carry exactly that name. A name is refused with the reason the
 * form shows (at most 64 characters, none of Outlook's forbidden ones), never saved cut.
 */
import { DEFAULT_DUE_RULE } from '../../../src/domain/triage/dueDate';
import { checkSettingsChange, MAX_FOLDER_NAME_LENGTH } from '../../../src/domain/triage/settings';
import { parseTime } from '../../../src/ui/triage/useTriageSettingsForm';
import { HOSTILE_STRINGS } from '../../support/hostileStrings';
import { expectNoContractViolations, startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { messagesIn, triageHarness } from '../triage/harness';
import { filtersAsked, PLAIN_SHAPE } from './queries';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());
expectNoContractViolations(() => t);

const FORBIDDEN = /[[\]/\\&~?*|<>";:+\p{Cc}]/u;
function graphemes(text: string): number {
  let count = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) if (++count > MAX_FOLDER_NAME_LENGTH) break;
  return count;
}

/** What the form should do with a Read later name typed next to "ASAP": the name as saved, or refused. */
function expected(text: string): { saved: string } | { refused: 'invalidName' | 'sameName' } {
  const name = text.normalize('NFC').trim();
  if (!name || FORBIDDEN.test(name) || /^\.+$/.test(name) || graphemes(name) > MAX_FOLDER_NAME_LENGTH) return { refused: 'invalidName' };
  if (name.toLocaleLowerCase() === 'asap') return { refused: 'sameName' };
  return { saved: name };
}

const NAMES = HOSTILE_STRINGS.map((h) => ({ ...h, outcome: expected(h.text) }));

test('every string as a folder name: saved as typed or refused with the reason, never cut', () => {
  const problems = NAMES.flatMap(({ category, label, text, outcome }) => {
    const check = checkSettingsChange({ asapFolderName: 'ASAP', readLaterFolderName: text, dueRule: DEFAULT_DUE_RULE });
    const got = check.ok ? { saved: check.change.readLaterFolderName } : { refused: check.problems.readLaterFolderName };
    return JSON.stringify(got) === JSON.stringify(outcome) ? [] : [`${category} / ${label}: ${JSON.stringify(got).slice(0, 120)}`];
  });
  expect(problems).toEqual([]);
  expect(NAMES.filter((n) => 'saved' in n.outcome).length).toBeGreaterThan(150);
});

test('every string as a due time: a time of day or refused, never a throw', () => {
  const problems = HOSTILE_STRINGS.flatMap(({ category, label, text }) => {
    const [hour, minute] = parseTime(text);
    const check = checkSettingsChange({ asapFolderName: 'ASAP', readLaterFolderName: 'Read later', dueRule: { weekday: 5, hour, minute } });
    const digits = /^\s*\d{1,2}(?:[:.]\d{2})?\s*$/.test(text);
    return check.ok === (digits && hour <= 23 && minute <= 59) ? [] : [`${category} / ${label}: ${check.ok ? 'accepted' : 'refused'}`];
  });
  expect(problems).toEqual([]);
});

test('every name the form lets through renames the folder to exactly that name; no query changes', async () => {
  const h = triageHarness(t);
  const [message] = await messagesIn(t, 'inbox', 1);
  await h.service.triage('readLater', [message!.id]);
  const folderId = h.settings.current.folderIds?.readLater ?? (await h.service.ensureFolders()).readLater;
  t.sandbox.control.clearRequests();

  const problems: string[] = [];
  for (const { category, label, outcome } of NAMES) {
    if (!('saved' in outcome)) continue;
    try {
      const saved = await h.service.changeSettings({ asapFolderName: 'ASAP', readLaterFolderName: outcome.saved, dueRule: DEFAULT_DUE_RULE });
      const folder = await t.graphJson<{ displayName: string }>(`/me/mailFolders/${encodeURIComponent(folderId)}?$select=displayName`);
      if (saved.readLaterFolderName !== outcome.saved) problems.push(`${category} / ${label}: saved ${JSON.stringify(saved.readLaterFolderName)}`);
      else if (folder.body.displayName !== outcome.saved) problems.push(`${category} / ${label}: folder named ${JSON.stringify(folder.body.displayName)}`);
    } catch (error) {
      problems.push(`${category} / ${label}: threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 160)}` : String(error)}`);
    }
  }
  expect(problems).toEqual([]);
  const filters = filtersAsked(t);
  expect(filters.filter((f) => !PLAIN_SHAPE.test(f.shape)).map((f) => f.shape)).toEqual([]);
  expect(new Set(filters.map((f) => f.shape)).size).toBeLessThanOrEqual(2);
}, 180_000);

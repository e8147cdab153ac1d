import {
  checkSettingsChange,
  defaultTriageSettings,
  MAX_FOLDER_NAME_LENGTH,
  normaliseFolderName,
  parseTriageSettings,
  storedTriageSettings,
  type TriageSettings,
} from '../../../../src/domain/triage/settings';

const EN: TriageSettings = { asapFolderName: 'ASAP', readLaterFolderName: 'Read later', dueRule: { weekday: 5, hour: 16, minute: 0 } };
const FI: TriageSettings = { asapFolderName: 'ASAP', readLaterFolderName: 'Lue myöhemmin', dueRule: { weekday: 5, hour: 16, minute: 0 } };

describe('defaultTriageSettings', () => {
  test.each([
    ['en', EN],
    ['fi', FI],
  ] as const)('%s', (locale, expected) => {
    expect(defaultTriageSettings(locale)).toEqual(expected);
  });

  test('each call gives a fresh object, so a caller cannot change the defaults', () => {
    const first = defaultTriageSettings('en');
    first.dueRule.hour = 9;
    expect(defaultTriageSettings('en').dueRule.hour).toBe(16);
  });
});

describe('parseTriageSettings: whole values', () => {
  test.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty object', {}],
    ['a number', 42],
    ['a boolean', true],
    ['an array', [{ asapFolderName: 'Nyt' }]],
    ['a function', () => ({ asapFolderName: 'Nyt' })],
    ['JSON that is not an object', '"ASAP"'],
    ['broken JSON', '{"asapFolderName": "Nyt"'],
    ['an empty string', ''],
  ])('%s → the defaults for the locale', (_label, raw) => {
    expect(parseTriageSettings(raw, 'fi')).toEqual(FI);
    expect(parseTriageSettings(raw, 'en')).toEqual(EN);
  });

  test('a complete, valid value is kept', () => {
    const raw = {
      asapFolderName: 'Heti',
      readLaterFolderName: 'Myöhemmin',
      dueRule: { weekday: 4, hour: 12, minute: 30 },
      folderIds: { asap: 'AAMkAGI2TG93AAA=', readLater: 'AAMkAGI2TG94AAA=' },
    };
    expect(parseTriageSettings(raw, 'en')).toEqual({ ...raw, folderNamesChosen: true });
  });

  test('the same value stored as JSON text', () => {
    const raw = JSON.stringify({ asapFolderName: 'Heti', dueRule: { weekday: 4, hour: 12, minute: 0 } });
    expect(parseTriageSettings(raw, 'fi')).toEqual({ ...FI, asapFolderName: 'Heti', dueRule: { weekday: 4, hour: 12, minute: 0 }, folderNamesChosen: true });
  });

  test('unknown and older fields are dropped', () => {
    const raw = { version: 0, asapFolder: 'Old', dueDay: 'friday', readLaterFolderName: 'Later' };
    expect(parseTriageSettings(raw, 'en')).toEqual({ ...EN, readLaterFolderName: 'Later', folderNamesChosen: true });
  });

  test('a throwing getter or proxy never escapes', () => {
    const getter = Object.defineProperty({}, 'asapFolderName', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(parseTriageSettings(getter, 'en')).toEqual(EN);
    const proxy = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
      },
    );
    expect(parseTriageSettings(proxy, 'fi')).toEqual(FI);
  });

  test('nothing is read from the prototype chain', () => {
    const raw = Object.create({ asapFolderName: 'Inherited', dueRule: { weekday: 1, hour: 8, minute: 0 } }) as object;
    expect(parseTriageSettings(raw, 'en')).toEqual(EN);
  });

  test('an unsupported locale from a JavaScript caller gets English defaults', () => {
    expect(parseTriageSettings(undefined, 'sv' as 'en')).toEqual(EN);
  });
});

describe('parseTriageSettings: the due rule, field by field', () => {
  test.each([
    ['only weekday', { weekday: 4 }, { weekday: 4, hour: 16, minute: 0 }],
    ['only hour and minute', { hour: 12, minute: 15 }, { weekday: 5, hour: 12, minute: 15 }],
    ['weekday as a string', { weekday: '4', hour: 12, minute: 0 }, { weekday: 5, hour: 12, minute: 0 }],
    ['weekday 0 (Sunday in JavaScript, not ISO)', { weekday: 0, hour: 12, minute: 0 }, { weekday: 5, hour: 12, minute: 0 }],
    ['weekday 8', { weekday: 8 }, { weekday: 5, hour: 16, minute: 0 }],
    ['weekday 7 (Sunday) is valid', { weekday: 7 }, { weekday: 7, hour: 16, minute: 0 }],
    ['hour 24', { weekday: 4, hour: 24, minute: 0 }, { weekday: 4, hour: 16, minute: 0 }],
    ['hour 0 is valid', { weekday: 1, hour: 0, minute: 0 }, { weekday: 1, hour: 0, minute: 0 }],
    ['fractional hour', { hour: 12.5 }, { weekday: 5, hour: 16, minute: 0 }],
    ['NaN minute', { minute: NaN }, { weekday: 5, hour: 16, minute: 0 }],
    ['minute 60', { minute: 60 }, { weekday: 5, hour: 16, minute: 0 }],
    ['minute 59 is valid', { minute: 59 }, { weekday: 5, hour: 16, minute: 59 }],
    ['null fields', { weekday: null, hour: null, minute: null }, { weekday: 5, hour: 16, minute: 0 }],
    ['a string for the whole rule', 'Friday 16:00', { weekday: 5, hour: 16, minute: 0 }],
    ['an array for the whole rule', [4, 12, 0], { weekday: 5, hour: 16, minute: 0 }],
  ])('%s', (_label, dueRule, expected) => {
    expect(parseTriageSettings({ dueRule }, 'en').dueRule).toEqual(expected);
  });
});

describe('parseTriageSettings: folder names', () => {
  const emoji = '📌 Tärkeät 👩‍💻';

  test.each([
    ['trimmed', '  Heti  ', 'Heti'],
    ['Finnish letters', 'Lue myöhemmin', 'Lue myöhemmin'],
    ['emoji, with a ZWJ sequence', emoji, emoji],
    ['inner spaces and punctuation Outlook allows', "Project's (2025) - follow-up, #1 !", "Project's (2025) - follow-up, #1 !"],
    ['NFD input is stored as NFC', 'Lue myo\u0308hemmin', 'Lue myöhemmin'],
  ])('kept: %s', (_label, name, expected) => {
    expect(parseTriageSettings({ asapFolderName: name }, 'en').asapFolderName).toBe(expected);
  });

  test.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['only a tab and newline', '\t\n'],
    ['a number', 7],
    ['null', null],
    ['an object', { name: 'Heti' }],
    ['HTML', '<b>ASAP</b>'],
    ['a script tag', '<script>alert(1)</script>'],
    ['an ampersand entity', 'R&amp;D'],
    ['a path', 'Inbox/ASAP'],
    ['a backslash', 'Inbox\\ASAP'],
    ['a colon', 'To do: now'],
    ['a question mark', 'Why?'],
    ['an asterisk', 'Important*'],
    ['a pipe', 'a|b'],
    ['quotes', '"ASAP"'],
    ['a semicolon', 'a;b'],
    ['a plus', 'C++'],
    ['a tilde', '~ASAP'],
    ['brackets', '[ASAP]'],
    ['a control character', 'AS\u0000AP'],
    ['an embedded newline', 'AS\nAP'],
    ['a single dot', '.'],
    ['two dots', '..'],
  ])('refused, falls back: %s', (_label, name) => {
    expect(parseTriageSettings({ asapFolderName: name, readLaterFolderName: name }, 'fi')).toEqual(FI);
  });

  test('a 10,000-character name is capped to the limit', () => {
    const name = parseTriageSettings({ readLaterFolderName: 'x'.repeat(10_000) }, 'en').readLaterFolderName;
    expect(name).toBe('x'.repeat(MAX_FOLDER_NAME_LENGTH));
  });

  test('capping never splits an emoji and trims the cut end', () => {
    const long = 'a'.repeat(MAX_FOLDER_NAME_LENGTH - 2) + ' 👩‍💻👩‍💻👩‍💻';
    expect(normaliseFolderName(long)).toBe('a'.repeat(MAX_FOLDER_NAME_LENGTH - 2) + ' 👩‍💻');
    const spaceAtCut = 'a'.repeat(MAX_FOLDER_NAME_LENGTH - 1) + ' b';
    expect(normaliseFolderName(spaceAtCut)).toBe('a'.repeat(MAX_FOLDER_NAME_LENGTH - 1));
  });

  test('a name of exactly the limit is kept whole', () => {
    const name = 'ä'.repeat(MAX_FOLDER_NAME_LENGTH);
    expect(normaliseFolderName(name)).toBe(name);
  });

  test('a 10,000-character name with a forbidden character is refused outright', () => {
    expect(parseTriageSettings({ asapFolderName: `${'x'.repeat(9_999)}/` }, 'en').asapFolderName).toBe('ASAP');
  });

  test('one bad name does not cost the other', () => {
    expect(parseTriageSettings({ asapFolderName: '<i>', readLaterFolderName: 'Myöhemmin' }, 'fi')).toEqual({
      ...FI,
      readLaterFolderName: 'Myöhemmin',
      folderNamesChosen: true,
    });
  });

  test.each([
    ['the same name twice', { asapFolderName: 'Inbox 2', readLaterFolderName: 'Inbox 2' }],
    ['the same name in another case', { asapFolderName: 'Later', readLaterFolderName: 'later' }],
    ['a custom ASAP name equal to the default Read later', { asapFolderName: 'Read later' }],
  ])('both actions into one folder is refused: %s', (_label, raw) => {
    expect(parseTriageSettings(raw, 'en')).toEqual(EN);
  });
});

describe("folder names: Trail's, then the organisation's, then the user's own choice", () => {
  const ORG = { asapFolderName: 'Kiireelliset', readLaterFolderName: 'Luettavat' };

  test("with nothing stored, the organisation's names replace Trail's; a missing one stays Trail's", () => {
    expect(parseTriageSettings(undefined, 'fi', ORG)).toEqual({ ...FI, ...ORG });
    expect(parseTriageSettings(undefined, 'en', { readLaterFolderName: 'Luettavat' })).toEqual({ ...EN, readLaterFolderName: 'Luettavat' });
  });

  test("a bad organisation name, or both the same, falls back to Trail's", () => {
    expect(parseTriageSettings(undefined, 'en', { asapFolderName: 'a/b' })).toEqual(EN);
    expect(parseTriageSettings(undefined, 'en', { asapFolderName: 'Same', readLaterFolderName: 'same' })).toEqual(EN);
    // Only one given, equal to Trail's other name: Trail's pair rather than one folder for both.
    expect(parseTriageSettings(undefined, 'en', { asapFolderName: 'Read later' })).toEqual(EN);
  });

  test("the user's chosen names win over the organisation's", () => {
    const mine = { asapFolderName: 'Heti', readLaterFolderName: 'Joskus', folderNamesChosen: true };
    expect(parseTriageSettings(mine, 'fi', ORG)).toMatchObject({ asapFolderName: 'Heti', readLaterFolderName: 'Joskus', folderNamesChosen: true });
  });

  test("names saved only to remember folder ids (not chosen) follow the organisation's, even when it changes them", () => {
    const saved = storedTriageSettings({ ...parseTriageSettings(undefined, 'fi', ORG), folderIds: { asap: 'AAMkA1' } });
    expect(saved).toEqual({ dueRule: FI.dueRule, folderIds: { asap: 'AAMkA1' }, folderNamesChosen: false });
    expect(parseTriageSettings(saved, 'fi', { asapFolderName: 'Nyt' })).toEqual({ ...FI, asapFolderName: 'Nyt', folderIds: { asap: 'AAMkA1' } });
  });

  test('chosen names are stored and read back as chosen', () => {
    const chosen: TriageSettings = { ...EN, asapFolderName: 'Now', folderNamesChosen: true };
    expect(parseTriageSettings(storedTriageSettings(chosen), 'en', ORG)).toEqual(chosen);
  });

  test("settings saved before the choice was recorded: a name unlike Trail's default is the user's; Trail's default is not", () => {
    expect(parseTriageSettings({ asapFolderName: 'ASAP', readLaterFolderName: 'Lue myöhemmin' }, 'fi', ORG)).toEqual({ ...FI, ...ORG });
    expect(parseTriageSettings({ asapFolderName: 'Heti', readLaterFolderName: 'Lue myöhemmin' }, 'fi', ORG)).toEqual({
      ...FI,
      asapFolderName: 'Heti',
      readLaterFolderName: 'Luettavat',
      folderNamesChosen: true,
    });
  });
});

describe('parseTriageSettings: remembered folder ids', () => {
  test.each([
    ['both', { asap: 'AAMkA1', readLater: 'AAMkA2' }, { asap: 'AAMkA1', readLater: 'AAMkA2' }],
    ['only ASAP', { asap: 'AAMkA1' }, { asap: 'AAMkA1' }],
    ['only Read later, trimmed', { readLater: ' AAMkA2 ' }, { readLater: 'AAMkA2' }],
    ['one valid, one not', { asap: 42, readLater: 'AAMkA2' }, { readLater: 'AAMkA2' }],
    ['none valid', { asap: '', readLater: 'has space' }, undefined],
    ['too long', { asap: 'A'.repeat(2000) }, undefined],
    ['not an object', 'AAMkA1', undefined],
    ['null', null, undefined],
  ])('%s', (_label, folderIds, expected) => {
    const parsed = parseTriageSettings({ folderIds }, 'en');
    expect(parsed.folderIds).toEqual(expected);
    if (expected === undefined) expect('folderIds' in parsed).toBe(false);
  });
});

describe('checkSettingsChange', () => {
  const rule = { weekday: 5, hour: 16, minute: 0 } as const;

  test('names come back as they will be created: trimmed, NFC', () => {
    expect(checkSettingsChange({ asapFolderName: '  Kiire ', readLaterFolderName: 'Lue myo\u0308hemmin', dueRule: { weekday: 4, hour: 15, minute: 30 } })).toEqual({
      ok: true,
      change: { asapFolderName: 'Kiire', readLaterFolderName: 'Lue myöhemmin', dueRule: { weekday: 4, hour: 15, minute: 30 } },
    });
  });

  test('each field says what is wrong with it', () => {
    expect(checkSettingsChange({ asapFolderName: 'a/b', readLaterFolderName: '   ', dueRule: { weekday: 8 as never, hour: 16, minute: 0 } })).toEqual({
      ok: false,
      problems: { asapFolderName: 'invalidName', readLaterFolderName: 'invalidName', dueRule: 'invalid' },
    });
  });

  test('two names Exchange would see as one folder are refused on the second', () => {
    expect(checkSettingsChange({ asapFolderName: 'Later', readLaterFolderName: 'LATER ', dueRule: rule })).toEqual({
      ok: false,
      problems: { readLaterFolderName: 'sameName' },
    });
  });

  // Issue 17: no silent change of what was typed. The form's message names the cap; roaming and
  // organisation names (parseTriageSettings) are still cut, as nobody is there to be told.
  test('a 10,000-character name is refused with the reason, not cut', () => {
    const check = checkSettingsChange({ asapFolderName: '😀'.repeat(10_000), readLaterFolderName: 'Read later', dueRule: rule });
    expect(check).toEqual({ ok: false, problems: { asapFolderName: 'invalidName' } });
    const atCap = checkSettingsChange({ asapFolderName: '😀'.repeat(MAX_FOLDER_NAME_LENGTH), readLaterFolderName: 'Read later', dueRule: rule });
    expect(atCap.ok && [...atCap.change.asapFolderName]).toHaveLength(MAX_FOLDER_NAME_LENGTH);
  });

  test('unknown fields of the rule are dropped', () => {
    const check = checkSettingsChange({ asapFolderName: 'ASAP', readLaterFolderName: 'Read later', dueRule: { ...rule, extra: 1 } as never });
    expect(check.ok && check.change.dueRule).toEqual(rule);
  });
});

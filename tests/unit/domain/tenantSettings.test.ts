import { DEFAULT_TENANT_SETTINGS, parseTenantSettings, stakeholderRolesOf, tenantSettingsFromCache } from '../../../src/domain/tenantSettings';
import { isDomainWithin } from '../../../src/domain/addresses';

describe('parseTenantSettings: the settings item as SharePoint returns its fields', () => {
  test('a complete item', () => {
    const { settings, problems } = parseTenantSettings({
      Title: 'Trail settings',
      AsapFolderName: ' Kiireelliset ',
      ReadLaterFolderName: 'Luettavat',
      PublicDomains: 'posti.fi\nKOTIMAIL.FI',
      NeverFileDomains: 'seutuopisto.fi; seutuopisto.onmicrosoft.com',
    });
    expect(settings).toEqual({
      asapFolderName: 'Kiireelliset',
      readLaterFolderName: 'Luettavat',
      publicDomains: ['posti.fi', 'kotimail.fi'],
      neverFileDomains: ['seutuopisto.fi', 'seutuopisto.onmicrosoft.com'],
    });
    expect(problems).toEqual([]);
  });

  test.each([
    ['nothing', undefined],
    ['null', null],
    ['an array', ['x']],
    ['an empty item', {}],
    ['empty columns (SharePoint leaves them out or null)', { AsapFolderName: null, ReadLaterFolderName: '', PublicDomains: null, NeverFileDomains: '   ' }],
  ])('%s → the defaults', (_label, fields) => {
    expect(parseTenantSettings(fields)).toEqual({ settings: DEFAULT_TENANT_SETTINGS, problems: [] });
  });

  test('a bad value falls back alone, and says which and why', () => {
    const { settings, problems } = parseTenantSettings({
      AsapFolderName: 'Inbox/ASAP',
      ReadLaterFolderName: 'Luettavat',
      PublicDomains: 'posti.fi, not a domain!, 192.168.1.1, posti.fi',
      NeverFileDomains: 42,
    });
    expect(settings).toEqual({ readLaterFolderName: 'Luettavat', publicDomains: ['posti.fi'], neverFileDomains: [] });
    expect(problems).toEqual([
      { column: 'AsapFolderName', value: 'Inbox/ASAP', problem: 'invalidFolderName' },
      { column: 'PublicDomains', value: 'not', problem: 'invalidDomain' },
      { column: 'PublicDomains', value: 'a', problem: 'invalidDomain' },
      { column: 'PublicDomains', value: 'domain!', problem: 'invalidDomain' },
      { column: 'PublicDomains', value: '192.168.1.1', problem: 'invalidDomain' },
    ]);
  });

  test('both folder names the same (in any case) is refused: both actions would file into one folder', () => {
    const { settings, problems } = parseTenantSettings({ AsapFolderName: 'Myöhemmin', ReadLaterFolderName: 'MYÖHEMMIN' });
    expect(settings).toEqual(DEFAULT_TENANT_SETTINGS);
    expect(problems.map((p) => p.problem)).toEqual(['sameFolderNames']);
  });
});

describe('tenantSettingsFromCache', () => {
  test('round-trips what was parsed', () => {
    const { settings } = parseTenantSettings({ AsapFolderName: 'Nyt', PublicDomains: 'posti.fi', NeverFileDomains: 'seutuopisto.fi' });
    expect(tenantSettingsFromCache(JSON.parse(JSON.stringify(settings)))).toEqual(settings);
  });

  test('a tampered cache is checked like the list item', () => {
    expect(tenantSettingsFromCache({ asapFolderName: '<b>', publicDomains: ['ok.fi', 7, 'bad domain'], neverFileDomains: 'x' })).toEqual({ publicDomains: ['ok.fi'], neverFileDomains: [] });
    expect(tenantSettingsFromCache('nope')).toBeUndefined();
    expect(tenantSettingsFromCache(null)).toBeUndefined();
  });
});

describe('isDomainWithin', () => {
  test.each([
    ['the domain itself', 'kallio.fi', true],
    ['a subdomain', 'mail.it.kallio.fi', true],
    ['another domain ending the same way', 'lahtikallio.fi', false],
    ['the parent of a listed subdomain', 'fi', false],
    ['not a domain', 'x', false],
  ])('%s', (_label, domain, expected) => {
    expect(isDomainWithin(domain, ['Kallio.FI', 'bad domain'])).toBe(expected);
  });
});

describe('stakeholder roles and record keepers', () => {
  test('one role a line, kept as written; a bad one dropped alone; none set: Trail’s defaults', () => {
    const { settings, problems } = parseTenantSettings({ StakeholderRoles: 'opiskelija\n työnantaja \nOpiskelija\npartner; school\n\n', RecordKeepers: 'Tiina.Laine@seutuopisto.fi, not-an-address' });
    expect(settings.stakeholderRoles).toEqual(['opiskelija', 'työnantaja']);
    expect(settings.recordKeepers).toEqual(['tiina.laine@seutuopisto.fi']);
    expect(problems).toEqual([
      { column: 'StakeholderRoles', value: 'partner; school', problem: 'invalidRole' },
      { column: 'RecordKeepers', value: 'not-an-address', problem: 'invalidAddress' },
    ]);
    expect(stakeholderRolesOf(settings)).toEqual(['opiskelija', 'työnantaja']);
    expect(stakeholderRolesOf(parseTenantSettings({}).settings)).toEqual(expect.arrayContaining(['student', 'employer', 'funder', 'partnerSchool', 'supplier', 'media', 'municipality', 'expert', 'alumni', 'other']));
  });

  test('they survive the cache', () => {
    const { settings } = parseTenantSettings({ StakeholderRoles: 'opiskelija\nmedia', RecordKeepers: 'tiina.laine@seutuopisto.fi' });
    expect(tenantSettingsFromCache(JSON.parse(JSON.stringify(settings)))).toEqual(settings);
  });
});

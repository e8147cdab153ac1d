import { isPublicMailDomain, normaliseAddress, normaliseDomain, organisationDomainOf } from '../../../src/domain/addresses';

describe('normaliseAddress', () => {
  test.each([
    ['Mikko.Heikkinen@Kallio.FI', 'mikko.heikkinen@kallio.fi'],
    ['  mikko@kallio.fi  ', 'mikko@kallio.fi'],
    ['mailto:Mikko@kallio.fi', 'mikko@kallio.fi'],
    ['Mikko Heikkinen <mikko@kallio.fi>', 'mikko@kallio.fi'],
    ["o'brien@glenmore-fe.com", "o'brien@glenmore-fe.com"],
    ['user+tag@kallio.fi', 'user+tag@kallio.fi'],
    ['jääskeläinen@yhdistys.fi', 'jääskeläinen@yhdistys.fi'],
    ['x@mail.kallio.fi.', 'x@mail.kallio.fi'],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseAddress(raw)).toEqual({ ok: true, address: expected, domain: expected.split('@')[1] });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['skanneri-2krs@', 'noDomain'],
    ['no-at-sign.fi', 'noAt'],
    ['@kallio.fi', 'noLocalPart'],
    ['a b@kallio.fi', 'whitespace'],
    ['x@localhost', 'badDomain'],
    ['x@-bad-.fi', 'badDomain'],
    ['x@192.168.0.1', 'badDomain'],
    [`${'a'.repeat(65)}@kallio.fi`, 'tooLong'],
  ])('%j is refused as %s', (raw, problem) => {
    expect(normaliseAddress(raw)).toEqual({ ok: false, problem });
  });
});

test.each([
  ['Kallio.FI', 'kallio.fi'],
  ['@kallio.fi', 'kallio.fi'],
  ['hämeenlinna.fi', 'hämeenlinna.fi'],
  ['kallio', undefined],
  ['', undefined],
  ['kallio..fi', undefined],
])('normaliseDomain(%j) → %j', (raw, expected) => {
  expect(normaliseDomain(raw)).toBe(expected);
});

describe('public mail domains', () => {
  test.each(['gmail.com', 'GMAIL.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'luukku.com', 'suomi24.fi', 'mail.gmail.com'])(
    '%s is public',
    (domain) => expect(isPublicMailDomain(domain)).toBe(true),
  );
  test.each(['seutuopisto.fi', 'kallio-rakennus.fi', 'notgmail.com', 'gmail.com.evil.fi'])('%s is not public', (domain) =>
    expect(isPublicMailDomain(domain)).toBe(false),
  );
  test('an organisation extends the list', () => {
    expect(isPublicMailDomain('kotiposti.fi')).toBe(false);
    expect(isPublicMailDomain('kotiposti.fi', ['KotiPosti.fi'])).toBe(true);
  });
  test('an address suggests an organisation only by a non-public domain', () => {
    expect(organisationDomainOf('Liisa <liisa.korhonen@hame-ely.fi>')).toBe('hame-ely.fi');
    expect(organisationDomainOf('pertti.huttunen@luukku.com')).toBeUndefined();
    expect(organisationDomainOf('broken@')).toBeUndefined();
  });
});

import { bestOrganisationName, organisationFromDisplayName, organisationFromSignature, personFromDisplayName } from '../../../src/domain/organisationNames';

describe('the organisation a message names', () => {
  it('reads it from the display name after the person', () => {
    expect(organisationFromDisplayName('Maija Virtanen | Mäntyrinteen kansalaisopisto')).toBe('Mäntyrinteen kansalaisopisto');
    expect(organisationFromDisplayName('Maija Virtanen (Harjun AMK)')).toBe('Harjun AMK');
    expect(organisationFromDisplayName('Maija Virtanen - Tarjoustalo Oy')).toBe('Tarjoustalo Oy');
    expect(organisationFromDisplayName('Virtanen Maija, Harjun AMK')).toBe('Harjun AMK');
  });

  it('finds none in a plain name, an address or a phone number', () => {
    expect(organisationFromDisplayName('Maija Virtanen')).toBeNull();
    expect(organisationFromDisplayName('Anna-Liisa Korhonen')).toBeNull();
    expect(organisationFromDisplayName('maija@harjuamk.fi')).toBeNull();
    expect(organisationFromDisplayName('Maija Virtanen (+358 40 1234567)')).toBeNull();
    expect(organisationFromDisplayName('')).toBeNull();
  });

  it('keeps the person apart from the organisation', () => {
    expect(personFromDisplayName('Maija Virtanen | Mäntyrinteen kansalaisopisto')).toBe('Maija Virtanen');
    expect(personFromDisplayName('Maija Virtanen (Harjun AMK)')).toBe('Maija Virtanen');
    expect(personFromDisplayName('Anna-Liisa Korhonen')).toBe('Anna-Liisa Korhonen');
  });

  it('takes a signature line only when it reads as an organisation just below the name', () => {
    const signature = ['Ystävällisin terveisin', '', 'Maija Virtanen', 'Koulutussuunnittelija', 'Mäntyrinteen kansalaisopisto', '040 123 4567'];
    expect(organisationFromSignature(signature, 'Maija Virtanen')).toBe('Mäntyrinteen kansalaisopisto');
    expect(organisationFromSignature(['Maija Virtanen', 'Koulutussuunnittelija', 'Puh. 040 123 4567'], 'Maija Virtanen')).toBeNull();
    expect(organisationFromSignature(['Terveisin', 'Harjun AMK'], 'Maija Virtanen')).toBeNull();
  });

  it('offers the display name, then the signature, then the domain with its letters kept', () => {
    expect(bestOrganisationName({ displayName: 'Maija Virtanen (Harjun AMK)', domain: 'harjuamk.fi' })).toBe('Harjun AMK');
    expect(bestOrganisationName({ displayName: 'Maija Virtanen', signature: ['Maija Virtanen', 'Mäntyrinteen kansalaisopisto'], domain: 'mantyrinteenopisto.fi' })).toBe('Mäntyrinteen kansalaisopisto');
    expect(bestOrganisationName({ displayName: 'Maija Virtanen', domain: 'Tarjoustalo-ale.fi' })).toBe('tarjoustalo-ale.fi');
    expect(bestOrganisationName({ domain: 'mäntyrinne.fi' })).toBe('mäntyrinne.fi');
  });
});

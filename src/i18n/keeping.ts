/**
 * Keeping the record (issue 16): the words of a done erasure and of a name that another person
 * already has (warned before a person is saved or created under it). Spread into messages.ts. English is the reference; Finnish has exactly the same keys.
 */
export const en = {
  'data.erasedDone':
    '{name} was erased: {addresses, plural, one {# address} other {# addresses}}, {filings, plural, one {# filing} other {# filings}}, {participations, plural, one {# project role} other {# project roles}} and {notes, plural, one {# note that was only theirs} other {# notes that were only theirs}} are gone for good.',
  'data.erasedAudited': 'The audit log records that you erased a person and how much went, not who they were.',
  'data.erasedBack': 'Back',
  'sameName.found': '{count, plural, one {Another person is already called {name}:} other {# other people are already called {name}:}}',
  'sameName.askSave': 'Is this the same person? Open them to check, merge the two, or save if this is someone else.',
  'sameName.askCreate': 'Is this the same person? Open them to check, or create a new person if this is someone else.',
  'sameName.open': 'Open {name}',
  'sameName.merge': 'Merge with {name}…',
  'sameName.saveAnyway': 'Save anyway',
  'sameName.createAnyway': 'Create anyway',
};

export const fi: Record<keyof typeof en, string> = {
  'data.erasedDone':
    '{name} on poistettu: {addresses, plural, one {# osoite} other {# osoitetta}}, {filings, plural, one {# kirjaus} other {# kirjausta}}, {participations, plural, one {# hankerooli} other {# hankeroolia}} ja {notes, plural, one {# vain hänelle kuulunut muistiinpano} other {# vain hänelle kuulunutta muistiinpanoa}} poistuivat pysyvästi.',
  'data.erasedAudited': 'Poisto on kirjattu lokiin: siihen jää, että poistit henkilön ja kuinka paljon tietoja poistui, mutta ei sitä, kuka hän oli.',
  'data.erasedBack': 'Takaisin',
  'sameName.found': '{count, plural, one {Toisen henkilön nimi on jo {name}:} other {# muun henkilön nimi on jo {name}:}}',
  'sameName.askSave': 'Onko kyseessä sama henkilö? Avaa hänet ja tarkista, yhdistä henkilöt tai tallenna, jos kyseessä on eri henkilö.',
  'sameName.askCreate': 'Onko kyseessä sama henkilö? Avaa hänet ja tarkista, tai luo uusi henkilö, jos kyseessä on eri henkilö.',
  'sameName.open': 'Avaa {name}',
  'sameName.merge': 'Yhdistä: {name}…',
  'sameName.saveAnyway': 'Tallenna silti',
  'sameName.createAnyway': 'Luo silti',
};

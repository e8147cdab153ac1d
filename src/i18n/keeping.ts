/**
 * Keeping the record (issue 16): the words of a done erasure and of a name that another person
 * already has. Spread into messages.ts. English is the reference; Finnish has exactly the same keys.
 */
export const en = {
  'data.erasedDone':
    '{name} was erased: {addresses, plural, one {# address} other {# addresses}}, {filings, plural, one {# filing} other {# filings}}, {participations, plural, one {# project role} other {# project roles}} and {notes, plural, one {# note that was only theirs} other {# notes that were only theirs}} are gone for good.',
  'data.erasedAudited': 'The audit log records that you erased a person and how much went, not who they were.',
  'data.erasedBack': 'Back',
};

export const fi: Record<keyof typeof en, string> = {
  'data.erasedDone':
    '{name} on poistettu: {addresses, plural, one {# osoite} other {# osoitetta}}, {filings, plural, one {# kirjaus} other {# kirjausta}}, {participations, plural, one {# projektirooli} other {# projektiroolia}} ja {notes, plural, one {# vain hänelle kuulunut muistiinpano} other {# vain hänelle kuulunutta muistiinpanoa}} poistuivat pysyvästi.',
  'data.erasedAudited': 'Poisto on kirjattu lokiin: siihen jää, että poistit henkilön ja kuinka paljon tietoja poistui, mutta ei sitä, kuka hän oli.',
  'data.erasedBack': 'Takaisin',
};

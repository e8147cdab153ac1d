/**
 * Checking a person's edited details at their fields (the name's length, each address), spread into
 * messages.ts. English is the reference; Finnish has exactly the same keys.
 */
export const en = {
  'people.nameCount': '{count} / {max}',
  'people.nameTooLong': 'The record keeps a name of at most {max} characters: shorten it by {over} to save.',
  'people.emailInvalid': 'This is not an email address: check it has no spaces and a domain after the @, e.g. name@company.fi.',
  'people.emailTooLong': 'This address is longer than email allows (254 characters, 64 before the @).',
  'people.emailNone': 'Give at least one email address.',
} as const;

export const fi: Record<keyof typeof en, string> = {
  'people.nameCount': '{count} / {max} merkkiä',
  'people.nameTooLong': 'Rekisteriin mahtuu enintään {max} merkin nimi: lyhennä sitä {over} merkillä, niin voit tallentaa.',
  'people.emailInvalid': 'Tämä ei ole sähköpostiosoite: tarkista, ettei siinä ole välilyöntejä ja että @-merkin jälkeen tulee verkkotunnus, esimerkiksi nimi@yritys.fi.',
  'people.emailTooLong': 'Osoite on pidempi kuin sähköpostiosoite voi olla (254 merkkiä, ennen @-merkkiä 64).',
  'people.emailNone': 'Anna vähintään yksi sähköpostiosoite.',
};

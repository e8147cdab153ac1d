/** The words of naming an organisation made from a mail domain, offered for correction before it is saved. */
export const en = {
  'naming.organisation': 'Organisation',
  'naming.organisationName': 'Organisation name',
  'naming.organisationMissing': 'Type the organisation’s name to create it.',
  'naming.organisationTooLong': 'The organisation’s name is longer than the record holds ({max} characters): shorten it.',
};

export const fi: typeof en = {
  'naming.organisation': 'Organisaatio',
  'naming.organisationName': 'Organisaation nimi',
  'naming.organisationMissing': 'Kirjoita organisaation nimi, niin se luodaan.',
  'naming.organisationTooLong': 'Organisaation nimi on pidempi kuin rekisteriin mahtuu ({max} merkkiä). Lyhennä sitä.',
};

/** A project's name against the record's limit, said at the name field (issue 16). */
export const en = {
  'projects.nameTooLong': 'The name is longer than the record holds ({max} characters): shorten it.',
  'projects.nameCount': '{count} / {max} characters',
};

export const fi: Record<keyof typeof en, string> = {
  'projects.nameTooLong': 'Nimi on pidempi kuin rekisteriin mahtuu ({max} merkkiä): lyhennä sitä.',
  'projects.nameCount': '{count} / {max} merkkiä',
};

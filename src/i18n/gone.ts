/** The words of an entity no longer in the shared record: merged into another entry, or erased. */
export const en = {
  'entity.gone':
    '{kind, select, person {This person is} organisation {This organisation is} other {This project is}} no longer in the shared record: it was merged into another entry or erased. Go back and choose another.',
  'filing.gone': 'Not filed to {names}: {count, plural, one {it is} other {they are}} no longer in the shared record (merged into another entry, or erased).',
  'meeting.gone': 'Not linked to {names}: {count, plural, one {it is} other {they are}} no longer in the shared record (merged into another entry, or erased).',
};

export const fi: typeof en = {
  'entity.gone':
    '{kind, select, person {Tätä henkilöä} organisation {Tätä organisaatiota} other {Tätä hanketta}} ei enää ole yhteisessä rekisterissä: se on yhdistetty toiseen tai poistettu. Palaa takaisin ja valitse toinen.',
  'filing.gone': '{count, plural, one {Kohteeseen} other {Kohteisiin}} {names} ei kirjattu: {count, plural, one {sitä} other {niitä}} ei enää ole yhteisessä rekisterissä (yhdistetty toiseen tai poistettu).',
  'meeting.gone': '{count, plural, one {Kohteeseen} other {Kohteisiin}} {names} ei linkitetty: {count, plural, one {sitä} other {niitä}} ei enää ole yhteisessä rekisterissä (yhdistetty toiseen tai poistettu).',
};

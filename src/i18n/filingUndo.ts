/** Undo of a click that filed a message and moved it away: what it undid, or exactly what is left. */
export const en = {
  'filing.departedUndone':
    'Undone: the message is back {known, select, yes {in {folder}} other {where it was}}{count, plural, =0 {. It stays filed as it was before.} one { and no longer filed to {names}.} other { and no longer filed to {names}.}}',
  'filing.departedUnfileFailed':
    'The message is back {known, select, yes {in {folder}} other {where it was}}, but it is still filed to {names}. Try again to remove {count, plural, one {that filing} other {those filings}}.',
  'filing.departedUndoFailed': 'Nothing was undone: the message could not be moved back. It is still in {folder} and filed. Try again.',
};

export const fi: typeof en = {
  'filing.departedUndone':
    'Kumottu: viesti on taas {known, select, yes {kansiossa {folder}} other {paikallaan}}{count, plural, =0 {. Aiemmat kirjaukset säilyvät.} one {, eikä sitä ole enää kirjattu kohteeseen {names}.} other {, eikä sitä ole enää kirjattu kohteisiin {names}.}}',
  'filing.departedUnfileFailed':
    'Viesti on taas {known, select, yes {kansiossa {folder}} other {paikallaan}}, mutta se on yhä kirjattu {count, plural, one {kohteeseen} other {kohteisiin}} {names}. Yritä uudelleen poistaaksesi {count, plural, one {kirjauksen} other {kirjaukset}}.',
  'filing.departedUndoFailed': 'Mitään ei kumottu: viestiä ei saatu siirrettyä takaisin. Se on yhä kansiossa {folder} ja kirjattuna. Yritä uudelleen.',
};

/**
 * Editing projects and organisations (issue 16): dates in the user's language (not the browser's), the
 * calendar's words, roles offered from those known, and the participant search's answers.
 * `{day}` in the calendar's labels is filled by the calendar itself (its `{0}`).
 */
export const en = {
  'dates.placeholder': 'dd/mm/yyyy',
  'dates.invalid': '“{text}” is not a date. Write it as 31/12/2027, or choose it from the calendar.',
  'dates.calendar': 'Calendar',
  'dates.goToToday': 'Go to today',
  'dates.prevMonth': 'Previous month',
  'dates.nextMonth': 'Next month',
  'dates.prevYear': 'Previous year',
  'dates.nextYear': 'Next year',
  'dates.prevYears': 'Previous years',
  'dates.nextYears': 'Next years',
  'dates.close': 'Close the calendar',
  'dates.selected': 'Chosen date {day}',
  'dates.today': 'Today, {day}',
  'dates.monthHeader': '{day}, choose the year',
  'dates.yearHeader': '{day}, choose the month',
  'dates.week': 'Week {day}',
  'dates.marked': 'marked',
  'projects.dateInvalid': 'A date is not a day the calendar knows: correct it at its field, or clear it.',
  'projects.noOneFound': 'No one found for “{query}”. Check the spelling, or search by another name or address.',
  'projects.results': 'People and organisations found',
};

export const fi: Record<keyof typeof en, string> = {
  'dates.placeholder': 'pp.kk.vvvv',
  'dates.invalid': '”{text}” ei ole päivämäärä. Kirjoita se muodossa 31.12.2027 tai valitse se kalenterista.',
  'dates.calendar': 'Kalenteri',
  'dates.goToToday': 'Siirry tähän päivään',
  'dates.prevMonth': 'Edellinen kuukausi',
  'dates.nextMonth': 'Seuraava kuukausi',
  'dates.prevYear': 'Edellinen vuosi',
  'dates.nextYear': 'Seuraava vuosi',
  'dates.prevYears': 'Edelliset vuodet',
  'dates.nextYears': 'Seuraavat vuodet',
  'dates.close': 'Sulje kalenteri',
  'dates.selected': 'Valittu päivä {day}',
  'dates.today': 'Tänään, {day}',
  'dates.monthHeader': '{day}, valitse vuosi',
  'dates.yearHeader': '{day}, valitse kuukausi',
  'dates.week': 'Viikko {day}',
  'dates.marked': 'merkitty',
  'projects.dateInvalid': 'Päivämäärä ei kelpaa: korjaa se kentässään tai tyhjennä kenttä.',
  'projects.noOneFound': 'Haulla ”{query}” ei löytynyt ketään. Tarkista kirjoitusasu tai hae toisella nimellä tai osoitteella.',
  'projects.results': 'Löytyneet henkilöt ja organisaatiot',
};

/**
 * The words for a triage intent resumed when the pane opens (issue 17: "the triage intent written down
 * before it is sent and resumed when the pane reopens"), and for a message a Retry or a resume left
 * where it was because something newer had moved it (reason 'movedSince').
 */
export const en = {
  'triage.resumed': '{count, plural, one {Finished an action left unfinished when Trail last closed} other {Finished # actions left unfinished when Trail last closed}}: {done, plural, one {# message done} other {# messages done}}.',
  'triage.resumedWaiting': '{count, plural, one {# message still waits} other {# messages still wait}} in Not done yet: {subjects}.',
  'triage.partialDone': '{done} of {total} triaged.',
  'triage.leftMovedSince': '{count, plural, one {# message had been moved elsewhere since, so Trail left it there} other {# messages had been moved elsewhere since, so Trail left them there}}: {subjects}.',
  'triage.movedSince': 'The message was moved elsewhere after this action was asked for, so Trail left it there.',
} as const;

export const fi: Record<keyof typeof en, string> = {
  'triage.resumed': '{count, plural, one {Kesken jäänyt toiminto Trailin edelliseltä kerralta tehtiin loppuun} other {# kesken jäänyttä toimintoa Trailin edelliseltä kerralta tehtiin loppuun}}: {done, plural, one {# viesti lajiteltu} other {# viestiä lajiteltu}}.',
  'triage.resumedWaiting': '{count, plural, one {# viesti odottaa} other {# viestiä odottaa}} yhä kohdassa Vielä tekemättä: {subjects}.',
  'triage.partialDone': '{done}/{total} lajiteltu.',
  'triage.leftMovedSince': '{count, plural, one {# viesti oli sillä välin siirretty muualle, joten Trail jätti sen sinne} other {# viestiä oli sillä välin siirretty muualle, joten Trail jätti ne sinne}}: {subjects}.',
  'triage.movedSince': 'Viesti siirrettiin muualle tämän toiminnon pyytämisen jälkeen, joten Trail jätti sen sinne.',
};

/** The ribbon's and the selection's figures, named for `--json`, from the triage bench's scenarios. */
import { figures as named, record } from './figures';
import type { TriageFigure } from './triageScenarios';

export function recordRibbonFigures(figures: readonly TriageFigure[]): void {
  const of = (scenario: string) => figures.find((f) => f.scenario === scenario);
  const fresh = of('ribbon click: ASAP, fresh function file');
  const first = of('first click ever: ASAP, folder created');
  if (fresh) record('ribbonRoundTripsFresh', fresh.roundTrips);
  if (first) record('ribbonRoundTripsFirstEver', first.roundTrips);
  const warmOne = figures.find((f) => f.scenario === 'asap, warm' && f.messages === 1);
  if (warmOne) record('ribbonRoundTripsWarm', warmOne.roundTrips);
  for (const action of ['asap', 'readLater', 'archive']) {
    const hundred = figures.find((f) => f.scenario === `${action}, warm` && f.messages === 100);
    if (hundred) named.recordPart('selected100RoundTrips', action, hundred.roundTrips);
  }
  record('peakInFlightPerMailbox', Math.max(0, ...figures.map((f) => f.peakInFlight)));
}

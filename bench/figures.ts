/**
 * The bench's named figures: any bench file records one with `figures.record(name, value)`, and
 * `npm run bench -- --json <file>` writes them all (with when and where they were taken) so runs can
 * be compared. Names are stable; a value is a number, or numbers by a sub-name (`selected100RoundTrips`
 * per action). Nothing here asserts anything.
 */
import fs from 'node:fs';
import os from 'node:os';

export type FigureValue = number | Record<string, number>;

const recorded = new Map<string, FigureValue>();

export const figures = {
  /** Records (or replaces) one named figure. */
  record(name: string, value: FigureValue): void {
    recorded.set(name, value);
  },
  /** One entry of a per-something figure (`recordPart('selected100RoundTrips', 'asap', 3)`). */
  recordPart(name: string, part: string, value: number): void {
    const current = recorded.get(name);
    recorded.set(name, { ...(typeof current === 'object' ? current : {}), [part]: value });
  },
  all(): Record<string, FigureValue> {
    return Object.fromEntries(recorded);
  },
  /** Writes the figures as JSON: `{ figures, takenAt, host }`. */
  write(file: string): void {
    const body = { figures: Object.fromEntries([...recorded].sort(([a], [b]) => a.localeCompare(b))), takenAt: new Date().toISOString(), host: { cpus: os.cpus().length, platform: process.platform, node: process.version } };
    fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  },
};

/** Shorthand for `figures.record`. */
export function record(name: string, value: number): void {
  figures.record(name, value);
}

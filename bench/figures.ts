/**
 * Named figures of one `npm run bench` run: each part records what it prints, and `--json <file>` writes
 * them all, so runs can be compared by name.
 */
import fs from 'node:fs';

const recorded: Record<string, number> = {};

export function record(name: string, value: number): void {
  recorded[name] = value;
}

export function recordedFigures(): Readonly<Record<string, number>> {
  return recorded;
}

/** Writes the figures to the file given after `--json`, if one was. */
export function writeFiguresIfAsked(argv: readonly string[]): void {
  const at = argv.indexOf('--json');
  const file = at >= 0 ? argv[at + 1] : undefined;
  if (file) fs.writeFileSync(file, `${JSON.stringify(recorded, null, 2)}\n`);
}

/**
 * Named figures for `npm run bench -- --json <file>`: each part records what it measured under the
 * names the issue lists, so runs can be compared. (A minimal version; the bench's own is reconciled at merge.)
 */
const figures = new Map<string, number>();

export function record(name: string, value: number): void {
  figures.set(name, value);
}

export function recorded(): Record<string, number> {
  return Object.fromEntries(figures);
}

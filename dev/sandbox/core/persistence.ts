/**
 * Keeps the sandbox state on disk between runs: loaded on start, written to a temp file then renamed (so a crash
 * never leaves half a file). A Graph write is flushed before it is answered (server.ts); bulk loads through the
 * control API are debounced.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SandboxState } from './types';

const DEBOUNCE_MS = 150;

export function loadState(file: string): SandboxState | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as SandboxState) : undefined;
  } catch (error) {
    console.warn(`[sandbox] ignoring unreadable state file ${file}:`, error instanceof Error ? error.message : error);
    return undefined;
  }
}

export function writeStateNow(file: string, state: SandboxState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}

export class StateSaver {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly state: () => SandboxState,
  ) {}

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    try {
      writeStateNow(this.file, this.state());
    } catch (error) {
      console.error(`[sandbox] could not save state to ${this.file}:`, error);
    }
  }

  /** Writes now if a save is pending (used on close). */
  flushPending(): void {
    if (this.timer) this.flush();
  }
}

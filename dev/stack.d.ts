export interface Stack {
  addinOrigin: string;
  sandboxOrigin: string;
  playgroundUrl: string;
  caFile: string;
  stop(): Promise<void>;
}
export function startStack(options?: {
  addinPort?: number;
  sandboxPort?: number;
  stateFile?: string;
  quiet?: boolean;
  /** An unprovisioned site instead of the lived-in record (default: TRAIL_PLAYGROUND_EMPTY from the environment). */
  empty?: boolean;
  sandboxEnv?: Record<string, string>;
  /** Called when a child exits without being told to stop. */
  onChildExit?: (exit: { what: string; code: number | null; signal: NodeJS.Signals | null }) => void;
  /** Aborting stops a start-up half-way (the children are stopped and startStack rejects). */
  abort?: AbortSignal;
  /** Changes the dev server's webpack configuration before it builds (webpack.config.js's, development mode). */
  adjustWebpack?: (config: import('webpack').Configuration) => void;
}): Promise<Stack>;

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
  sandboxEnv?: Record<string, string>;
}): Promise<Stack>;

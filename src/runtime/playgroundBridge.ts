import type { AccessTokenSource } from '../graph/middleware/auth';
import type { OfficeHost } from '../office/host';

/**
 * What the playground page (dev/playground) offers the taskpane and function file it hosts in
 * iframes: an Office host driven by the simulated mailbox, and the sandbox's Graph settings.
 * Production code only depends on this interface, never on the playground itself.
 */
export interface PlaygroundBridge {
  createHost(frame: Window): OfficeHost;
  graph: { baseUrl: string; tokens: AccessTokenSource };
}

declare global {
  interface Window {
    trailPlayground?: PlaygroundBridge;
  }
}

export function findPlaygroundBridge(frame: Window): PlaygroundBridge | undefined {
  try {
    return frame.parent !== frame ? frame.parent.trailPlayground : undefined;
  } catch {
    return undefined; // a cross-origin parent (real Outlook on the web) cannot be read
  }
}

/**
 * Builds the lived-in sandbox state: a private sandbox in this process (plain HTTP on loopback, no disk,
 * its own clock) starts from the seeded mailbox, Trail's own provisioning and record code write the
 * record into it over HTTP (write.ts), and its state is handed back to become the playground's
 * (written to the state file before the sandbox starts, or loaded into a running one). The clock lets
 * every row carry the time its colleague made it, months ago, rather than the minute of the build.
 */
import { createSandbox } from '../core/server';
import { makeSandboxToken } from '../core/token';
import type { SandboxModule, SandboxState } from '../core/types';
import { createMailModule } from '../mail';
import { COLLEAGUES, USER } from '../seed/directory';
import { createSharePointModule, type SharePointReadings } from '../sharepoint';
import type { Filer } from './activity';
import { writeLivedIn, type LivedInSummary } from './write';

export interface LivedInOptions {
  seed: number;
  /** The mailbox's "now": the same anchor as the sandbox the state is for. */
  anchor: Date;
  readings?: Partial<SharePointReadings>;
  /** Modules to build with; default: mail from the seed, SharePoint with `readings`. */
  modules?: SandboxModule[];
}

export async function buildLivedInState(options: LivedInOptions): Promise<{ state: SandboxState; summary: LivedInSummary }> {
  let clock = options.anchor;
  const sandbox = await createSandbox({
    port: 0,
    host: '127.0.0.1',
    seed: options.seed,
    anchor: options.anchor,
    now: () => clock,
    modules: options.modules ?? [createMailModule(), createSharePointModule(options.readings)],
  });
  try {
    const people = [USER, ...COLLEAGUES];
    const users: Filer[] = people.map((u) => ({ name: u.displayName, upn: u.userPrincipalName }));
    const ids = new Map(people.map((u) => [u.userPrincipalName, u.id]));
    const summary = await writeLivedIn(
      {
        origin: sandbox.origin,
        users,
        // A fresh token per request, issued at the sandbox's clock (which moves back and forth in months).
        tokensFor: (user) => ({ getAccessToken: async () => makeSandboxToken({ oid: ids.get(user.upn)!, upn: user.upn, name: user.name }, clock, 3600) }),
        setClock: (at) => (clock = at),
      },
      options.seed,
      options.anchor,
    );
    return { state: JSON.parse(JSON.stringify(sandbox.control.state)) as SandboxState, summary };
  } finally {
    await sandbox.close();
  }
}

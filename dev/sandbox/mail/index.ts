/**
 * The mail and calendar module (`mail`): the signed-in user's mailbox (folders, messages, categories,
 * events) and the tenant's other users, seeded from dev/sandbox/seed.
 */
import type { Router, SandboxContext, SandboxModule } from '../core/types';
import type { SeedMailbox } from '../seed/types';
import { registerCalendarViewRoutes } from './calendarView';
import { registerCategoryRoutes } from './categories';
import { registerDeltaRoute } from './delta';
import { registerEventRoutes } from './events';
import { registerFolderRoutes } from './folders';
import { registerMessageRoutes } from './messages';
import { registerScheduleRoute } from './schedule';
import { mailStateFromSeed } from './seedLoad';
import { generateSeedMailbox } from './seedSource';
import { MAIL_SLICE, mailState } from './state';
import { registerTranslateRoute } from './translate';
import { registerUserRoutes } from './users';

export type { MailState, MailboxState, MessageRecord, FolderRecord, EventRecord } from './state';

/** Where a fresh mailbox comes from; tests may pass their own small dataset. */
export type SeedMailboxSource = (seed: number, anchor: Date) => SeedMailbox;

function ensureSlice(ctx: SandboxContext, source: SeedMailboxSource): void {
  const existing = ctx.state[MAIL_SLICE] as { version?: unknown } | undefined;
  if (existing?.version === 2) return;
  ctx.state[MAIL_SLICE] = mailStateFromSeed(ctx, source(ctx.seed, ctx.anchor));
}

export function createMailModule(source: SeedMailboxSource = generateSeedMailbox): SandboxModule {
  return {
    name: MAIL_SLICE,
    register(router: Router, ctx: SandboxContext): void {
      registerMail(router, ctx, source);
    },
  };
}

export const mailModule: SandboxModule = createMailModule();

function registerMail(router: Router, ctx: SandboxContext, source: SeedMailboxSource): void {
  ensureSlice(ctx, source);
  const state = mailState(ctx);
  for (const user of state.users) {
    const fullAccess = state.mailboxes[user.id]?.fullAccess;
    ctx.directory.add({ id: user.id, userPrincipalName: user.userPrincipalName, displayName: user.displayName, mail: user.mail, ...(fullAccess ? { fullAccess } : {}) });
  }
  registerUserRoutes(router, ctx);
  registerFolderRoutes(router, ctx);
  registerMessageRoutes(router, ctx);
  registerDeltaRoute(router, ctx);
  registerCategoryRoutes(router, ctx);
  registerTranslateRoute(router, ctx);
  registerEventRoutes(router, ctx);
  registerCalendarViewRoutes(router, ctx);
  registerScheduleRoute(router, ctx);
}

import type { StoreContext } from './context';

export type AuditAction = 'export' | 'erase' | 'merge';

/** Records who did a data-rights action on which entity, when (the row's Created). No personal data in Details. */
export async function audit(ctx: StoreContext, action: AuditAction, subjectKey: string, details: Record<string, unknown>): Promise<void> {
  await ctx.lists.create('audit', {
    Title: action,
    SubjectKey: subjectKey,
    ActorUpn: ctx.filer.upn,
    ActorName: ctx.filer.name,
    Details: JSON.stringify(details),
  });
}

/**
 * Setting up the shared record on a site, as the admin screen uses it: check (reads only), then apply.
 * The admin UI imports this module and nothing below it: the types it shows, the plan's predicates and
 * what a failure means are all here.
 */
import type { GraphClient } from '../../graph/client';
import { GraphRequestError } from '../../graph/errors';
import { SignInError } from '../../graph/tokens';
import type { StoreLocation } from '../../record/location';
import { applyProvisioning, planProvisioning, ProvisioningIncompleteError, type ProvisioningPlan, type ProvisioningProgress } from '../../record/provision';
import { NotASiteUrlError, resolveSite, SiteNotFoundError, type Site } from '../../record/site';
import { readTenantSettings, type TenantSettingsRead } from '../../record/tenantSettings';

export { planConflicts, planIsEmpty, type ColumnConflict, type FoundType, type ListPlan, type ProvisioningPlan, type ProvisioningProgress } from '../../record/provision';
export type { StoreLocation } from '../../record/location';
export type { Site } from '../../record/site';
export type { TenantSettingsRead } from '../../record/tenantSettings';

/** What the admin screen needs; tests give it their own, the taskpane the Graph one below. */
export interface ProvisioningService {
  /**
   * Finds the site and says what setting it up would do, and which organisation settings are in
   * force there (null when they could not be read). Reads only.
   */
  check(siteUrl: string): Promise<{ site: Site; plan: ProvisioningPlan; settings: TenantSettingsRead | null }>;
  /** Carries out a plan; needs Sites.Manage.All (docs/permissions.md). */
  apply(site: Site, plan: ProvisioningPlan, onProgress: (progress: ProvisioningProgress) => void): Promise<StoreLocation>;
}

/** Failures leave the record and src/graph as GraphRequestError (or SignInError) already: nothing to convert here. */
export function graphProvisioningService(graph: GraphClient): ProvisioningService {
  return {
    async check(siteUrl) {
      const site = await resolveSite(graph, siteUrl);
      // In parallel: reading the settings adds no round trip, and its failure must not hide the plan.
      const [plan, settings] = await Promise.all([planProvisioning(graph, site.id), readTenantSettings(graph, site.id).catch(() => null)]);
      return { site, plan, settings };
    },
    apply: (site, plan, onProgress) => applyProvisioning(graph, site.id, plan, onProgress),
  };
}

/** What went wrong while checking or setting up, for the words the admin reads. */
export type ProvisioningFailure =
  | { kind: 'notASite' }
  | { kind: 'siteNotFound' }
  /** Setup ran, but these lists (display names) are still not as Trail needs them. */
  | { kind: 'incomplete'; lists: string[] }
  /** A 403 here means the rights to manage lists. */
  | { kind: 'forbidden' }
  /** Graph's own failures (offline, throttled) and sign-in problems: they read as they do everywhere else. */
  | { kind: 'graph'; error: GraphRequestError | SignInError }
  /** A fault in Trail itself: its own text is the most useful thing to show support. */
  | { kind: 'unexpected'; detail: string };

export function provisioningFailure(error: unknown): ProvisioningFailure {
  if (error instanceof NotASiteUrlError) return { kind: 'notASite' };
  if (error instanceof SiteNotFoundError) return { kind: 'siteNotFound' };
  if (error instanceof ProvisioningIncompleteError) return { kind: 'incomplete', lists: error.lists };
  if (error instanceof GraphRequestError && error.status === 403) return { kind: 'forbidden' };
  if (error instanceof GraphRequestError || error instanceof SignInError) return { kind: 'graph', error };
  return { kind: 'unexpected', detail: error instanceof Error ? error.message : String(error) };
}

import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { toGraphRequestError } from '../../graph/errors';
import type { StoreLocation } from '../../record/location';
import { applyProvisioning, planProvisioning, type ProvisioningPlan, type ProvisioningProgress } from '../../record/provision';
import { resolveSite, type Site } from '../../record/site';
import { readTenantSettings, type TenantSettingsRead } from '../../record/tenantSettings';

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

/** The SDK's own error type becomes ours here, so the screen decides on one type. */
const asOurs = (error: unknown): never => {
  throw error instanceof GraphError ? toGraphRequestError(error) : error;
};

export function graphProvisioningService(graph: Client): ProvisioningService {
  return {
    async check(siteUrl) {
      const site = await resolveSite(graph, siteUrl).catch(asOurs);
      // In parallel: reading the settings adds no round trip, and its failure must not hide the plan.
      const [plan, settings] = await Promise.all([
        planProvisioning(graph, site.id).catch(asOurs),
        readTenantSettings(graph, site.id).catch(() => null),
      ]);
      return { site, plan, settings };
    },
    apply: (site, plan, onProgress) => applyProvisioning(graph, site.id, plan, onProgress).catch(asOurs),
  };
}

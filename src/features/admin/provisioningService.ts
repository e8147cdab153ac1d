import type { Client } from '@microsoft/microsoft-graph-client';
import type { StoreLocation } from '../../store/location';
import { applyProvisioning, planProvisioning, type ProvisioningPlan, type ProvisioningProgress } from '../../store/provision';
import { resolveSite, type Site } from '../../store/site';

/** What the admin screen needs; the Graph implementation below is the only real one. */
export interface ProvisioningService {
  check(siteUrl: string): Promise<{ site: Site; plan: ProvisioningPlan }>;
  apply(site: Site, plan: ProvisioningPlan, onProgress: (progress: ProvisioningProgress) => void): Promise<StoreLocation>;
}

export function graphProvisioningService(graph: Client): ProvisioningService {
  return {
    async check(siteUrl) {
      const site = await resolveSite(graph, siteUrl);
      return { site, plan: await planProvisioning(graph, site.id) };
    },
    apply: (site, plan, onProgress) => applyProvisioning(graph, site.id, plan, onProgress),
  };
}

import type { ProvisioningService } from './provisioningService';

/**
 * The service with its code loaded on first use, so the composition root can hand the admin screen a
 * service while the provisioning code stays out of the JavaScript every user loads.
 */
export function deferredProvisioningService(load: () => Promise<ProvisioningService>): ProvisioningService {
  let loaded: Promise<ProvisioningService> | undefined;
  const service = () => (loaded ??= load().catch((error: unknown) => {
    loaded = undefined; // a chunk that failed to load (offline) is tried again next time
    throw error;
  }));
  return {
    check: async (siteUrl) => (await service()).check(siteUrl),
    apply: async (site, plan, onProgress) => (await service()).apply(site, plan, onProgress),
  };
}

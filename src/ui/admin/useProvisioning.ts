import { useCallback, useRef, useState } from 'react';
import type {
  ProvisioningPlan,
  ProvisioningProgress,
  ProvisioningService,
  Site,
  StoreLocation,
  TenantSettingsRead,
} from '../../services/provisioning/provisioningService';

export type ProvisioningState =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'planned'; site: Site; plan: ProvisioningPlan; settings: TenantSettingsRead | null }
  | { step: 'applying'; site: Site; plan: ProvisioningPlan; settings: TenantSettingsRead | null; progress: ProvisioningProgress | null }
  | { step: 'done'; site: Site; plan: ProvisioningPlan; location: StoreLocation }
  | { step: 'failed'; error: unknown; previous: ProvisioningState };

/**
 * Check, then set up. A failure keeps what was shown before, so the admin can retry without
 * retyping; applying the same plan again is safe because provisioning is idempotent.
 */
export function useProvisioning(service: ProvisioningService, onReady?: (location: StoreLocation, site: Site) => void) {
  const [state, setState] = useState<ProvisioningState>({ step: 'idle' });
  // A ref, not state: a second click in the same render must already see the first one running.
  const busy = useRef(false);

  const check = useCallback(
    async (siteUrl: string) => {
      if (busy.current) return;
      busy.current = true;
      setState({ step: 'checking' });
      try {
        const { site, plan, settings } = await service.check(siteUrl);
        setState({ step: 'planned', site, plan, settings });
      } catch (error) {
        setState({ step: 'failed', error, previous: { step: 'idle' } });
      } finally {
        busy.current = false;
      }
    },
    [service],
  );

  const apply = useCallback(async () => {
    // After a failed set-up the plan is still the one shown, and pressing Set up again is allowed.
    const current = state.step === 'failed' ? state.previous : state;
    if (busy.current || current.step !== 'planned') return;
    busy.current = true;
    const { site, plan, settings } = current;
    setState({ step: 'applying', site, plan, settings, progress: null });
    try {
      const location = await service.apply(site, plan, (progress) => setState({ step: 'applying', site, plan, settings, progress }));
      setState({ step: 'done', site, plan, location });
      onReady?.(location, site);
    } catch (error) {
      setState({ step: 'failed', error, previous: { step: 'planned', site, plan, settings } });
    } finally {
      busy.current = false;
    }
  }, [service, state, onReady]);

  /** The plan belongs to the site it was made for: a new address needs a new check. */
  const forget = useCallback(() => {
    if (!busy.current) setState({ step: 'idle' });
  }, []);

  return { state, check, apply, forget };
}

import { useCallback, useRef, useState } from 'react';
import type { StoreLocation } from '../../store/location';
import type { ProvisioningPlan, ProvisioningProgress } from '../../store/provision';
import type { Site } from '../../store/site';
import type { ProvisioningService } from './provisioningService';

export type ProvisioningState =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'planned'; site: Site; plan: ProvisioningPlan }
  | { step: 'applying'; site: Site; plan: ProvisioningPlan; progress: ProvisioningProgress | null }
  | { step: 'done'; site: Site; location: StoreLocation }
  | { step: 'failed'; error: unknown; previous: ProvisioningState };

/** Check, then set up; a failure keeps what was shown before so the admin can retry without retyping. */
export function useProvisioning(service: ProvisioningService) {
  const [state, setState] = useState<ProvisioningState>({ step: 'idle' });
  const busy = useRef(false);

  const check = useCallback(
    async (siteUrl: string) => {
      if (busy.current) return;
      busy.current = true;
      setState({ step: 'checking' });
      try {
        const { site, plan } = await service.check(siteUrl);
        setState({ step: 'planned', site, plan });
      } catch (error) {
        setState({ step: 'failed', error, previous: { step: 'idle' } });
      } finally {
        busy.current = false;
      }
    },
    [service],
  );

  const apply = useCallback(async () => {
    if (busy.current || state.step !== 'planned') return;
    busy.current = true;
    const { site, plan } = state;
    setState({ step: 'applying', site, plan, progress: null });
    try {
      const location = await service.apply(site, plan, (progress) => setState({ step: 'applying', site, plan, progress }));
      setState({ step: 'done', site, location });
    } catch (error) {
      setState({ step: 'failed', error, previous: { step: 'planned', site, plan } });
    } finally {
      busy.current = false;
    }
  }, [service, state]);

  return { state, check, apply };
}

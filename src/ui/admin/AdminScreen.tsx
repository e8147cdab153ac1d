import { AdminPanel } from './AdminPanel';
import type { ProvisioningService } from '../../services/provisioning/provisioningService';

/** The administrator's path as one piece, so the taskpane loads it only when someone opens it. */
export default function AdminScreen({ service, defaultSiteUrl }: { service: ProvisioningService; defaultSiteUrl: string }) {
  return <AdminPanel service={service} defaultSiteUrl={defaultSiteUrl} />;
}

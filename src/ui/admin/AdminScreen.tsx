import type { Client } from '@microsoft/microsoft-graph-client';
import { useMemo } from 'react';
import { AdminPanel } from './AdminPanel';
import { graphProvisioningService } from '../../services/provisioning/provisioningService';

/** The administrator's path as one piece, so the taskpane loads it only when someone opens it. */
export default function AdminScreen({ graph, defaultSiteUrl }: { graph: Client; defaultSiteUrl: string }) {
  const service = useMemo(() => graphProvisioningService(graph), [graph]);
  return <AdminPanel service={service} defaultSiteUrl={defaultSiteUrl} />;
}

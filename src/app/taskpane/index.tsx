import { createRoot } from 'react-dom/client';
import { createGraphClient } from '../../graph/client';
import { runtimeConfig } from '../config';
import { startRuntime } from '../startRuntime';
import { App } from '../../ui/shell/App';

startRuntime(createGraphClient).then(
  ({ host, graph, provisioning, account }) =>
    createRoot(document.getElementById('root')!).render(<App host={host} graph={graph} provisioning={provisioning} account={account} siteUrl={runtimeConfig.siteUrl} />),
  (error: unknown) => {
    // Nothing else can render without a host; say so plainly rather than show a blank pane.
    document.getElementById('root')!.textContent = `Trail could not start: ${error instanceof Error ? error.message : String(error)}`;
  },
);

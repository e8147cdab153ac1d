import { createRoot } from 'react-dom/client';
import { runtimeConfig } from '../config';
import { preloadSignIn } from '../signInPreload';
import { OfficeJsHost } from '../../office/officeJsHost';
import { App } from '../../ui/shell/App';

// The subject first: the pane renders the open item as soon as Office is ready; Graph, sign-in and the
// services on them (the "runtime" chunk) load and start after that first paint, and the panels that need
// them appear when they are there. MSAL's chunk starts downloading at once, beside all of it.
preloadSignIn();
const root = document.getElementById('root')!;

/**
 * Resolves once the browser has painted what was rendered before the call (a frame, then the task after it), or
 * after 100 ms where no frame comes (a pane Outlook keeps hidden gets no animation frames).
 */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });

Office.onReady().then(
  () => {
    const host = new OfficeJsHost(Office);
    const pane = createRoot(root);
    // The pane calls this once the open item is shown.
    const startServices = () => {
      const services = afterPaint()
        .then(() => import(/* webpackChunkName: "runtime", webpackPrefetch: true */ '../startRuntime'))
        .then((runtime) => runtime.startServices(host, runtimeConfig.siteUrl));
      services.catch((error: unknown) => {
        pane.unmount();
        cannotStart(error);
      });
      return services;
    };
    // Office.js already holds the item's subject and sender: they paint in the first render.
    pane.render(<App host={host} preview={host.previewItem()} startServices={startServices} siteUrl={runtimeConfig.siteUrl} />);
  },
  cannotStart,
);

// Nothing else can render without a host or Graph; say so plainly rather than show a blank pane.
function cannotStart(error: unknown) {
  root.textContent = `Trail could not start: ${error instanceof Error ? error.message : String(error)}`;
}

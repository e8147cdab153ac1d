import { createRoot } from 'react-dom/client';
import { startRuntime } from '../startRuntime';
import { App } from '../../ui/shell/App';

startRuntime().then(
  (runtime) => createRoot(document.getElementById('root')!).render(<App runtime={runtime} />),
  (error: unknown) => {
    // Nothing else can render without a host; say so plainly rather than show a blank pane.
    document.getElementById('root')!.textContent = `Trail could not start: ${error instanceof Error ? error.message : String(error)}`;
  },
);

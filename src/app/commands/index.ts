import { createFetchGraphClient } from '../../graph/fetchClient';
import { runtimeConfig } from '../config';
import { cachedOrganisationFolderNames, createTriageCore } from '../../services/triageRuntime';
import { startHost } from '../startHost';
import { runTriageCommand, TRIAGE_FUNCTIONS } from './triageCommands';

type CommandHandler = (event: { completed(): void }) => Promise<void>;

// Graph on fetch alone, not the SDK the pane uses: the function file must stay within 30 KB gzip (issue 18; `npm run
// bench -- bundle` prints functionFileGzipBytes), and the SDK's client took about 6 KB gzip of it. Same middleware,
// same requests, same answers (tests/integration/graph/fetchClient.test.ts).
const runtime = startHost(createFetchGraphClient).then((started) => ({ host: started.host, triage: createTriageCore(started.host, started.graph, window.localStorage, cachedOrganisationFolderNames(runtimeConfig.siteUrl)) }));

const handlers: Record<string, CommandHandler> = Object.fromEntries(
  Object.entries(TRIAGE_FUNCTIONS).map(([name, action]) => [
    name,
    async (event: { completed(): void }) => {
      const started = await runtime.catch(() => undefined);
      if (!started) return event.completed(); // no host to report through; never leave the button spinning
      await runTriageCommand(started.host, started.triage.runner, action, event);
    },
  ]),
);

Office.onReady(() => {
  for (const [name, handler] of Object.entries(handlers)) Office.actions.associate(name, handler);
});

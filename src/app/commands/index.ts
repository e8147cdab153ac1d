import { runtimeConfig } from '../config';
import { cachedOrganisationFolderNames, createTriageCore } from '../../services/triageRuntime';
import { startRuntime } from '../startRuntime';
import { runTriageCommand, TRIAGE_FUNCTIONS } from './triageCommands';

type CommandHandler = (event: { completed(): void }) => Promise<void>;

const runtime = startRuntime().then((started) => ({ host: started.host, triage: createTriageCore(started.host, started.graph, window.localStorage, cachedOrganisationFolderNames(runtimeConfig.siteUrl)) }));

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

import { createRoot } from 'react-dom/client';
import { SandboxTokenSource } from '../../src/auth/sandboxTokens';
import type { Theme } from '../../src/office/host';
import { runtimeConfig } from '../../src/app/config';
import { MailboxStore } from './mailboxStore';
import { OutlookEmulation } from './officeEmulation/outlookEmulation';
import { profileFor, supportsMultiSelect } from './officeEmulation/profiles';
import { localSettingsStore } from './officeEmulation/roamingSettings';
import { createOutlookGraph } from './outlookGraph';
import { Playground } from './Playground';

const params = new URLSearchParams(window.location.search);
const language = params.get('lang') ?? 'en-US';
const theme: Theme = params.get('theme') === 'dark' ? 'dark' : 'light';
// ?mailbox=koulutuspalvelut@seutuopisto.fi: a shared mailbox the user has Full Access to, as Outlook opens one.
const sharedMailbox = params.get('mailbox')?.trim() || null;
const sandboxOrigin = params.get('sandbox') ?? runtimeConfig.sandboxOrigin ?? 'https://localhost:3001';
// ?client=new-outlook|web|windows|mac|mobile: which Outlook the emulated Office.js behaves as (officeEmulation/profiles.ts).
const profile = profileFor(params.get('client'));

async function main(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const healthy = await fetch(new URL('/_sandbox/health', sandboxOrigin)).then((r) => r.ok, () => false);
  if (!healthy) {
    root.render(<SandboxUnreachable origin={sandboxOrigin} />);
    return;
  }
  const tokens = new SandboxTokenSource(sandboxOrigin);
  const graph = createOutlookGraph(sandboxOrigin, tokens);
  const [me, manifestIcons] = await Promise.all([graph.api('/me').select(['displayName', 'mail']).get(), readManifestIcons()]);
  const store = new MailboxStore(graph, undefined, sharedMailbox, {
    multiSelect: supportsMultiSelect(profile),
    // Pinning: message surfaces only, and not at all on mobile (pinnable-taskpane.md).
    canPin: (item) => profile.pinning && item?.kind === 'message',
  });
  // The task pane and function file take their `Office` from here (webpack.config.js, DEV_OFFICE_JS_LOADER).
  window.trailOutlook = new OutlookEmulation(
    store,
    profile,
    {
      language,
      theme,
      user: { displayName: me.displayName, emailAddress: me.mail, timeZone: 'FLE Standard Time' },
      restUrl: sandboxOrigin,
      manifestIcons,
    },
    localSettingsStore(window.localStorage),
  );
  root.render(<Playground store={store} outlook={window.trailOutlook} theme={theme} language={language} />);
  await store.start();
  watchMailboxChanges(store);
}

/** The image ids the add-in's manifest defines: the icons a notification may name. */
async function readManifestIcons(): Promise<Set<string>> {
  const xml = await fetch('manifest.xml').then((response) => response.text());
  const images = new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagNameNS('*', 'Image');
  return new Set(Array.from(images, (image) => image.getAttribute('id') ?? '').filter(Boolean));
}

/**
 * Outlook shows what an add-in did to the mailbox without being told; here the sandbox's change
 * counter stands in for Exchange's push, so a message moved by the add-in leaves the list.
 */
function watchMailboxChanges(store: MailboxStore): void {
  let seen: number | undefined;
  const poll = async (): Promise<void> => {
    const health = await fetch(new URL('/_sandbox/health', sandboxOrigin)).then((r) => r.json() as Promise<{ changes?: number }>, () => undefined);
    const changes = health?.changes;
    if (changes !== undefined && seen !== undefined && changes !== seen) await store.refresh();
    if (changes !== undefined) seen = changes;
    window.setTimeout(() => void poll(), 1000);
  };
  void poll();
}

/** The usual first-run snag: the browser has not yet accepted the sandbox's dev certificate. */
function SandboxUnreachable({ origin }: { origin: string }) {
  return (
    <main style={{ fontFamily: 'sans-serif', padding: 24, maxWidth: 640 }}>
      <h1>The Graph sandbox is not reachable</h1>
      <p>
        The playground talks to the local Graph sandbox at <code>{origin}</code>. Either it is not running (start everything with{' '}
        <code>npm start</code>) or your browser does not trust its development certificate yet.
      </p>
      <p>
        Open <a href={`${origin}/_sandbox/health`}>{origin}/_sandbox/health</a>, accept the certificate, then reload this page. To stop
        the warnings for good, import <code>.certs/ca.crt</code> into your browser as a trusted authority (see the README).
      </p>
    </main>
  );
}

void main();

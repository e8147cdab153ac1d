/**
 * The playground as `npm start` brings it up: the shared record lived-in, so the first message from a
 * known sender shows colleagues' history beside it at once, with no setup and no filing of one's own.
 * The shared browser-test sandbox is put back into that state first, the way `npm run sandbox -- --reset`
 * does it while `npm start` runs (other test files reset it to the bare mailbox when they open).
 */
import { resetRunningSandbox } from '../../dev/sandbox/livedIn/reset';
import { planRecord } from '../../dev/sandbox/livedIn/plan';
import { SandboxTokenSource } from '../../src/auth/sandboxTokens';
import { createGraphClient } from '../../src/graph/client';
import { messageRow, openPlayground, sandboxOrigin, sharedBrowser, showTaskpane } from './browser';
import { axe } from './record';

jest.setTimeout(300_000);

const browser = sharedBrowser();

const LANGUAGES = [
  { lang: 'en-US', theme: 'light' as const, byColleague: /Filed to .+ by (?!Aino Laine)\S+/ },
  { lang: 'fi-FI', theme: 'dark' as const, byColleague: /Kirjattu kohteeseen .+, kirjasi (?!Aino Laine)\S+/ },
];

/** The newest Inbox message whose sender is a person in the lived-in record. */
async function messageFromKnownSender(): Promise<{ subject: string; sender: string }> {
  const health = (await (await fetch(`${sandboxOrigin()}/_sandbox/health`)).json()) as { seed: number; anchor: string };
  const known = new Map(planRecord(health.seed, new Date(health.anchor)).people.filter((p) => p.fromMailbox).map((p) => [p.email.toLowerCase(), p.name]));
  const graph = createGraphClient({ baseUrl: sandboxOrigin(), tokens: new SandboxTokenSource(sandboxOrigin()) });
  const page = (await graph.api('/me/mailFolders/inbox/messages').select(['subject', 'from']).orderby('receivedDateTime desc').top(30).get()) as {
    value: Array<{ subject: string; from?: { emailAddress?: { address?: string } } }>;
  };
  const message = page.value.find((m) => known.has(m.from?.emailAddress?.address?.toLowerCase() ?? ''));
  if (!message) throw new Error('no message from a known sender among the newest 30 in the Inbox');
  return { subject: message.subject, sender: known.get(message.from!.emailAddress!.address!.toLowerCase())! };
}

test.each(LANGUAGES)('on a fresh npm start, a known sender’s card shows colleagues’ filings ($lang, $theme)', async (l) => {
  await resetRunningSandbox(sandboxOrigin());
  const { subject, sender } = await messageFromKnownSender();
  const { context, page, problems } = await openPlayground(browser(), { lang: l.lang, theme: l.theme, reset: false });
  await messageRow(page, subject).first().click();
  await page.getByTestId('reading-subject').filter({ hasText: subject }).waitFor();
  const pane = await showTaskpane(page);

  const card = pane.getByTestId('person-card');
  await card.filter({ hasText: sender }).waitFor();
  const entries = card.getByTestId('history-filing');
  await entries.first().waitFor();
  const texts = await entries.allTextContents();
  expect(texts.some((text) => l.byColleague.test(text))).toBe(true);
  expect(await pane.getByTestId('filing-not-set-up').count()).toBe(0);
  expect(await axe(page)).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

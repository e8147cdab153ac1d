/**
 * An organisation made from a mail domain, named as the message names it: filing mail from an unknown
 * sender at a new domain shows the organisation's name from the sender's signature (read from the body
 * through Office's item.body.getAsync, as the playground plays it) in an editable field; one click saves
 * it by that name, and a name corrected in the field is the one saved. English (light, new Outlook, whose
 * Text body may come back empty) and Finnish (dark, classic Outlook on Mac), at the pane's 320 px.
 */
import os from 'node:os';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { SandboxTokenSource } from '../../src/auth/sandboxTokens';
import { createGraphClient } from '../../src/graph/client';
import { ORGANISATIONS } from '../../dev/sandbox/seed';
import { eventually, messageRow, openPlayground, sandboxOrigin, sharedBrowser, showTaskpane, type ClientId } from './browser';
import { axe, provision } from './record';

jest.setTimeout(120_000);

const browser = sharedBrowser();
const noOverflow = (pane: Frame) => pane.evaluate(() => document.documentElement.scrollWidth);
const shot = (name: string) => path.join(process.env.SCREENSHOT_DIR ?? os.tmpdir(), name);

/** "mantyrinteenopisto.fi" → "Mantyrinteenopisto": the name made from the domain before this, letters lost. */
const domainMade = (domain: string) => domain.charAt(0).toUpperCase() + domain.slice(1, domain.indexOf('.'));

/**
 * The Inbox's mail from Mäntyrinteen kansalaisopisto, whose name its domain loses (ä, and "kansalais-").
 * Which single messages the seed writes depends on the day it is anchored to; on a day without that mail,
 * another outside organisation whose name the domain cannot give stands in, by the same rule.
 */
async function mailFromNewDomain(): Promise<{ subject: string; address: string; domain: string; name: string }> {
  const graph = createGraphClient({ baseUrl: sandboxOrigin(), tokens: new SandboxTokenSource(sandboxOrigin()) });
  const inbox = (await graph.api('/me/mailFolders/inbox/messages').select(['subject', 'from']).top(500).get()) as { value: Array<{ subject: string; from?: { emailAddress?: { address?: string } } }> };
  const candidates = ['mantyrinteenopisto.fi', ...ORGANISATIONS.filter((o) => o.key !== 'seutuopisto' && o.name !== domainMade(o.domain)).map((o) => o.domain)];
  for (const domain of candidates) {
    const found = inbox.value.find((m) => m.from?.emailAddress?.address?.toLowerCase().endsWith(`@${domain}`) && !/^(re|vs|fw|vl):/i.test(m.subject));
    if (found) return { subject: found.subject, address: found.from!.emailAddress!.address!, domain, name: ORGANISATIONS.find((o) => o.domain === domain)!.name };
  }
  throw new Error('the seeded Inbox has no mail from an outside organisation');
}

const LANGUAGES = [
  { client: 'new-outlook' as ClientId, lang: 'en-US', theme: 'light' as const, label: 'Organisation name', filed: 'Filed to', correct: false, tag: 'en-light' },
  { client: 'mac' as ClientId, lang: 'fi-FI', theme: 'dark' as const, label: 'Organisaation nimi', filed: 'Kirjattu', correct: true, tag: 'fi-dark' },
];

test.each(LANGUAGES)('mail from an unknown sender at a new domain offers the organisation by the name its signature gives, and saves the name in the field ($lang, $theme)', async (l) => {
  const { context, page, problems } = await openPlayground(browser(), { lang: l.lang, theme: l.theme, client: l.client });
  const store = await provision();
  const mail = await mailFromNewDomain();
  // The list shows the newest 50 first: older mail is a "Load more" away, as a user finds it.
  for (let more = 0; more < 8 && (await messageRow(page, mail.subject).count()) === 0; more++) {
    await page.getByRole('button', { name: /^(Load more|Lataa lisää)$/ }).click();
    await page.waitForTimeout(500);
  }
  await messageRow(page, mail.subject).first().click();
  await page.getByTestId('reading-subject').filter({ hasText: mail.subject }).waitFor();
  const pane = await showTaskpane(page);

  const row = pane.getByTestId('filing-unknown').filter({ hasText: mail.address });
  const field = row.getByLabel(l.label);
  await field.waitFor();
  await eventually(() => field.inputValue(), (value) => expect(value).toBe(mail.name));
  expect(mail.name).not.toBe(domainMade(mail.domain));
  expect(await noOverflow(pane)).toBeLessThanOrEqual(320);
  // The name has room to be read at 320 px (beside its label it was cut to a few letters).
  expect((await field.boundingBox())!.width).toBeGreaterThanOrEqual(200);
  expect(await axe(page)).toEqual([]);
  await page.getByTestId('taskpane-frame').screenshot({ path: shot(`organisation-naming-${l.tag}.png`) });

  let clicks = 0;
  let saved = mail.name;
  if (l.correct) {
    // Corrected by keyboard in the field itself: no click more than the one that saves.
    saved = `${mail.name} (${mail.domain})`;
    await field.focus();
    await field.press('End');
    await field.pressSequentially(` (${mail.domain})`);
  }
  await row.getByTestId('filing-create-person').click();
  clicks++;
  await pane.getByTestId('filing-result').filter({ hasText: l.filed }).waitFor();
  await pane.getByTestId('filing-filed').filter({ hasText: saved }).waitFor();
  expect(clicks).toBe(1);

  const resolved = await store.resolve([], [mail.domain]);
  expect(resolved.organisations.get(mail.domain)?.name).toBe(saved);
  expect(await axe(page)).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

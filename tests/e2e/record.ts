/**
 * The shared record for browser tests: the playground resets the sandbox on open, and the record is
 * then set up as an administrator would, over the same Graph client the add-in uses.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { SandboxTokenSource } from '../../src/auth/sandboxTokens';
import { createGraphClient } from '../../src/graph/client';
import { createGraphTrailStore } from '../../src/record/graphTrailStore';
import { applyProvisioning, planProvisioning } from '../../src/record/provision';
import { resolveSite } from '../../src/record/site';
import type { TrailStore } from '../../src/record/trailStore';
import { sandboxOrigin } from './browser';

export const SITE = 'https://seutuopisto.sharepoint.com/sites/trail';

/** Provisions the record and returns a colleague's store on it, for arranging what a test needs. */
export async function provision(): Promise<TrailStore> {
  const graph = createGraphClient({ baseUrl: sandboxOrigin(), tokens: new SandboxTokenSource(sandboxOrigin()) });
  const site = await resolveSite(graph, SITE);
  const location = await applyProvisioning(graph, site.id, await planProvisioning(graph, site.id), () => undefined);
  return createGraphTrailStore({ graph, location, filer: { name: 'Kari Kollega', upn: 'kari.kollega@seutuopisto.fi' } });
}

export interface AuditRow {
  action: string;
  subjectKey: string;
  actorUpn: string;
  details: Record<string, unknown>;
}

/** The Trail Audit list's rows, read over Graph as an administrator would read them in SharePoint. */
export async function auditRows(): Promise<AuditRow[]> {
  const graph = createGraphClient({ baseUrl: sandboxOrigin(), tokens: new SandboxTokenSource(sandboxOrigin()) });
  const site = await resolveSite(graph, SITE);
  const location = await applyProvisioning(graph, site.id, await planProvisioning(graph, site.id), () => undefined);
  const page = (await graph.api(`/sites/${site.id}/lists/${location.lists.audit}/items`).expand('fields').get()) as { value: Array<{ fields: Record<string, string> }> };
  return page.value.map(({ fields }) => ({
    action: fields.Title ?? '',
    subjectKey: fields.SubjectKey ?? '',
    actorUpn: fields.ActorUpn ?? '',
    details: JSON.parse(fields.Details || '{}') as Record<string, unknown>,
  }));
}

/**
 * Fluent's focus manager (tabster) puts focus guards (`<i data-tabster-dummy aria-hidden tabindex=0>`)
 * at the page's edges once a component with a focus trap is used (the date picker's calendar): focusable
 * and hidden on purpose, they only pass focus on, and a screen reader must not announce them. axe's
 * aria-hidden-focus flags them; Microsoft's own checker leaves them out (microsoft/tabster#288,
 * microsoft/accessibility-insights-web#7605). Only those elements are left out, and only from that rule.
 */
const TABSTER_DUMMY = /^<i\b[^>]*\bdata-tabster-dummy=/;

/** axe on the taskpane: serious and critical violations inside its frame. */
export async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('[data-testid="taskpane-frame"]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !TABSTER_DUMMY.test(n.html)) : v.nodes }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

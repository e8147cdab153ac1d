/**
 * The master category list (`/me/outlook/masterCategories`). Display names are unique in a mailbox
 * ("outlookCategory resource type"), so creating a duplicate is refused with 409 Conflict. Neither the
 * docs nor public reports give Exchange's error code and text for it; ours are placeholders, so clients
 * should branch on the status only.
 */
import { badRequest, emptyPayload, GraphError, notFound, unknownProperty } from '../core/errors';
import { guidFrom } from '../core/prng';
import type { Router, SandboxContext, SandboxRequest } from '../core/types';
import { mailboxOf, userContext } from './context';
import { entityBody, listPage } from './listing';
import { mailboxFor, type CategoryRecord } from './state';

const CATEGORY_TYPE = 'microsoft.graph.outlookCategory';
const COLORS = ['none', ...Array.from({ length: 25 }, (_, i) => `preset${i}`)];

function colorOf(value: unknown): string {
  if (value === undefined) return 'none';
  const match = COLORS.find((c) => typeof value === 'string' && c === value.toLowerCase());
  if (!match) throw badRequest(`Requested value '${String(value)}' was not found.`, 'RequestBodyRead');
  return match;
}

const render = (c: CategoryRecord): Record<string, unknown> => ({ id: c.id, displayName: c.displayName, color: c.color });

function categoryBody(req: SandboxRequest, allowed: string[]): Record<string, unknown> {
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw emptyPayload();
  for (const key of Object.keys(body)) {
    if (!key.startsWith('@odata.') && !allowed.includes(key)) throw unknownProperty(key, CATEGORY_TYPE);
  }
  return body as Record<string, unknown>;
}

export function registerCategoryRoutes(router: Router, ctx: SandboxContext): void {
  const list = (req: SandboxRequest): CategoryRecord[] => mailboxFor(ctx, req.params.mailbox).categories;
  const context = (req: SandboxRequest): string => userContext(req, mailboxOf(req), 'outlook/masterCategories');
  const find = (req: SandboxRequest): CategoryRecord => {
    const found = list(req).find((c) => c.id.toLowerCase() === req.params.categoryId?.toLowerCase());
    if (!found) throw notFound();
    return found;
  };

  router.add('GET', '/me/outlook/masterCategories', (req) => ({
    status: 200,
    body: listPage({ items: list(req).map(render), req, contextUrl: context(req), typeName: CATEGORY_TYPE, defaultTop: 1000, maxTop: 1000 }),
  }));

  router.add('POST', '/me/outlook/masterCategories', (req) => {
    const body = categoryBody(req, ['displayName', 'color']);
    const name = body.displayName;
    if (typeof name !== 'string' || name.trim() === '') throw badRequest('The displayName property is required.', 'ErrorInvalidParameter');
    if (list(req).some((c) => c.displayName.toLowerCase() === name.toLowerCase())) {
      throw new GraphError(409, 'ErrorDuplicateMasterCategory', `A category with the name '${name}' already exists.`);
    }
    const category: CategoryRecord = { id: guidFrom(ctx.random), displayName: name, color: colorOf(body.color) };
    list(req).push(category);
    return { status: 201, body: entityBody(render(category), req, context(req), CATEGORY_TYPE) };
  });

  router.add('GET', '/me/outlook/masterCategories/{categoryId}', (req) => ({
    status: 200,
    body: entityBody(render(find(req)), req, context(req), CATEGORY_TYPE),
  }));

  router.add('PATCH', '/me/outlook/masterCategories/{categoryId}', (req) => {
    const category = find(req);
    // Only the colour can change; the name is fixed once created ("Update outlookCategory").
    const body = categoryBody(req, ['color']);
    if (body.color !== undefined) category.color = colorOf(body.color);
    return { status: 200, body: entityBody(render(category), req, context(req), CATEGORY_TYPE) };
  });

  router.add('DELETE', '/me/outlook/masterCategories/{categoryId}', (req) => {
    const category = find(req);
    const box = mailboxFor(ctx, req.params.mailbox);
    box.categories = box.categories.filter((c) => c !== category);
    return { status: 204 };
  });
}

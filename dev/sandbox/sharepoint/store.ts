/**
 * Access to the SharePoint slice, seeding it on first use: one tenant host with its root site and an
 * empty team site `/sites/trail` ("Trail") where the add-in keeps its lists.
 */
import type { SandboxContext } from '../core/types';
import { newGuid, nowStamp } from './ids';
import type { SharePointState, SiteRecord } from './state';

export const TENANT_HOST = 'seutuopisto.sharepoint.com';
export const TEAM_SITE_PATH = '/sites/trail';
/** Lookup ids of real users start above the handful SharePoint reserves for system accounts. */
const FIRST_USER_LOOKUP_ID = 7;

function newSite(
  ctx: SandboxContext,
  hostname: string,
  fields: Pick<SiteRecord, 'path' | 'name' | 'displayName' | 'description' | 'isRoot'>,
): SiteRecord {
  const siteCollectionId = newGuid(ctx);
  const webId = newGuid(ctx);
  const stamp = nowStamp(ctx);
  return {
    id: `${hostname},${siteCollectionId},${webId}`,
    siteCollectionId,
    webId,
    createdDateTime: stamp,
    lastModifiedDateTime: stamp,
    lists: [],
    ...fields,
  };
}

export function seedSharePoint(ctx: SandboxContext): SharePointState {
  return {
    version: 1,
    hostname: TENANT_HOST,
    sites: [
      newSite(ctx, TENANT_HOST, { path: '/', name: '', displayName: 'Communication site', description: '', isRoot: true }),
      newSite(ctx, TENANT_HOST, {
        path: TEAM_SITE_PATH,
        name: 'trail',
        displayName: 'Trail',
        description: 'Shared record of people, organisations and projects',
        isRoot: false,
      }),
    ],
    users: {},
    nextUserLookupId: FIRST_USER_LOOKUP_ID,
  };
}

function isCurrent(value: unknown): value is SharePointState {
  return typeof value === 'object' && value !== null && (value as { version?: unknown }).version === 1;
}

/** The slice, created (deterministically from ctx.random) when missing or from an older shape. */
export function sharePointState(ctx: SandboxContext): SharePointState {
  const current = ctx.state['sharepoint'];
  if (isCurrent(current)) return current;
  const seeded = seedSharePoint(ctx);
  ctx.state['sharepoint'] = seeded;
  return seeded;
}

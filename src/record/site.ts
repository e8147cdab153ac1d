/** The record's site: found through src/graph/sharepoint.ts, which owns sites. */
export { NotASiteUrlError, resolveSite, siteAddress, SiteNotFoundError, type Site } from '../graph/sharepoint';

import type { ListName } from './schema';

/** Where the shared record lives: one SharePoint site and the ids of Trail's lists on it. */
export interface StoreLocation {
  siteId: string;
  lists: Record<ListName, string>;
}

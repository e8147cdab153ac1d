/**
 * Messages as Trail reads and changes them outside `$batch`: one by its identity, a search, the first
 * matching a filter, the next page of a listing, and their categories. Errors arrive as GraphRequestError.
 * (Triage's batched reads and moves are built by mailboxPaths.)
 */
import type { ItemIdentity } from '../domain/itemIdentity';
import { graphCall } from './call';
import type { GraphClient } from './client';
import { mailboxPath } from './mailboxPaths';
import { pathSegment, queryString, relativeToVersion } from './odata';

/** A message as far as Trail reads one; which fields are present depends on the select. */
export interface MailMessage {
  id: string;
  subject?: string | null;
  body?: { contentType?: string | null; content?: string | null } | null;
  webLink?: string | null;
  receivedDateTime?: string;
  internetMessageId?: string;
  categories?: string[];
  from?: { emailAddress?: { name?: string; address?: string } };
}

const messagePath = (item: ItemIdentity): string => `${mailboxPath(item.mailbox)}/messages/${pathSegment(item.immutableId)}`;

/** One message by id in a mailbox (null: the user's own). */
export function messageIn(graph: GraphClient, mailbox: string | null, id: string, select: readonly string[]): Promise<MailMessage> {
  return graphCall(() => graph.api(`${mailboxPath(mailbox)}/messages/${pathSegment(id)}${queryString({ select })}`).get());
}

/** Messages matching a KQL `$search` (most relevant first, as Graph orders a search). */
export async function searchMessages(graph: GraphClient, mailbox: string | null, search: string, select: readonly string[], top: number): Promise<MailMessage[]> {
  const page = await graphCall<{ value: MailMessage[] }>(() => graph.api(`${mailboxPath(mailbox)}/messages`).search(search).select([...select]).top(top).get());
  return page.value;
}

/** The first message matching an OData filter, or undefined. */
export async function firstMessageWhere(graph: GraphClient, mailbox: string | null, filter: string, select: readonly string[]): Promise<MailMessage | undefined> {
  const page = await graphCall<{ value: MailMessage[] }>(() => graph.api(`${mailboxPath(mailbox)}/messages`).filter(filter).select([...select]).top(1).get());
  return page.value[0];
}

/** The next page of a listing, by the nextLink of the one before. */
export function nextPage<T>(graph: GraphClient, nextLink: string): Promise<T> {
  return graphCall(() => graph.api(relativeToVersion(nextLink)).get());
}

/** The message's categories as they are now. */
export async function categoriesOf(graph: GraphClient, item: ItemIdentity): Promise<string[]> {
  const found = await graphCall<{ categories?: string[] }>(() => graph.api(messagePath(item)).select('categories').get());
  return found.categories ?? [];
}

/** Replaces the message's categories (Graph has no add: read them first). */
export async function setCategories(graph: GraphClient, item: ItemIdentity, categories: readonly string[]): Promise<void> {
  await graphCall(() => graph.api(messagePath(item)).patch({ categories: [...categories] }));
}

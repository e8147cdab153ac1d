/**
 * The directory (Microsoft Entra ID) as far as Trail reads it: which Microsoft 365 groups the signed-in
 * user owns. `GET /me/ownedObjects` ("List ownedObjects", api-reference/v1.0/api/user-list-ownedobjects.md)
 * needs only delegated User.Read, which daily use already has. With User.Read an owned object comes with
 * limited information, its `@odata.type` and `id` (api-reference/includes/limited-info.md), which is all
 * this reads. Failures leave as GraphRequestError (or SignInError), converted once in graphCall.
 */
import { graphCall } from './call';
import type { GraphClient } from './client';
import { relativeToVersion } from './odata';

interface DirectoryObjectPage {
  value?: Array<{ '@odata.type'?: string; id?: string }>;
  '@odata.nextLink'?: string;
}

/** More pages than this is not a user Trail expects; what was read so far is the answer. */
const MAX_PAGES = 20;

/** The ids of the groups the signed-in user owns (every page of ownedObjects, groups only). */
export async function ownedGroupIds(graph: GraphClient): Promise<string[]> {
  const ids: string[] = [];
  let next: string | undefined = '/me/ownedObjects';
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const path: string = next;
    const body: DirectoryObjectPage = await graphCall<DirectoryObjectPage>(() => graph.api(path).get());
    for (const object of body.value ?? []) {
      if (object['@odata.type']?.toLowerCase() === '#microsoft.graph.group' && object.id) ids.push(object.id);
    }
    next = body['@odata.nextLink'] ? relativeToVersion(body['@odata.nextLink']) : undefined;
  }
  return ids;
}

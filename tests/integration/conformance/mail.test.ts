/**
 * Mail and mailbox settings: the documented examples of every mail endpoint Trail calls (see
 * examples/mail.json for the pages), replayed against the sandbox's seeded mailbox.
 */
import { replayExamples } from './docExamples';

replayExamples('mail.json', async (t) => {
  const inbox = await t.graphJson<{ id: string }>('/me/mailFolders/inbox?$select=id');
  const first = await t.graphJson<{ value: Array<{ id: string }> }>('/me/mailFolders/inbox/messages?$top=1&$select=id');
  return { inbox: inbox.body.id, message: first.body.value[0]!.id };
});

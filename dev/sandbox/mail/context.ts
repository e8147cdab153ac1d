/** `@odata.context` URLs, best effort, in the shapes Graph uses for Outlook resources. */
import type { SandboxRequest } from '../core/types';

export const userContext = (req: SandboxRequest, mailboxId: string, tail: string): string =>
  `${req.baseUrl}/$metadata#users('${encodeURIComponent(mailboxId)}')/${tail}`;

export const mailboxOf = (req: SandboxRequest): string => req.params.mailbox ?? req.userId;

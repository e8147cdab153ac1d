/** The users the sandbox knows, by id and by user principal name (case-insensitive). */
import type { DirectoryUser, UserDirectory } from './types';

export class Directory implements UserDirectory {
  private readonly byKey = new Map<string, DirectoryUser>();
  private readonly users: DirectoryUser[] = [];

  add(user: DirectoryUser): void {
    if (this.byKey.has(user.id.toLowerCase())) return;
    this.users.push(user);
    this.byKey.set(user.id.toLowerCase(), user);
    this.byKey.set(user.userPrincipalName.toLowerCase(), user);
    if (user.mail) this.byKey.set(user.mail.toLowerCase(), user);
  }

  find(idOrUpn: string): DirectoryUser | undefined {
    return this.byKey.get(idOrUpn.toLowerCase());
  }

  all(): DirectoryUser[] {
    return [...this.users];
  }
}

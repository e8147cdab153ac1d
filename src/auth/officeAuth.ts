/**
 * What sign-in needs from Office, behind one small interface so the chain is tested without
 * office-js: whether the host brokers tokens (NAA), who Office says is signed in, and a dialog.
 */
import { OfficeDialogError } from './signInProblems';

/** Who Office says is signed in; used to pick the MSAL account and as the login hint. */
export interface OfficeUser {
  loginHint: string;
  /** The user principal name, when Office tells it (NAA hosts do). */
  username?: string;
  tenantId?: string;
  objectId?: string;
}

export interface OfficeAuthHost {
  /** Nested app authentication: the Office host signs in for us (NestedAppAuth 1.1). */
  supportsNestedAppAuth(): boolean;
  /** undefined when Office cannot say (older hosts, on-premises accounts). */
  signedInUser(): Promise<OfficeUser | undefined>;
  /** Opens an Office dialog at `url` and resolves with the first message its page sends back. */
  openDialog(url: string): Promise<string>;
}

const NAA_SET = ['NestedAppAuth', '1.1'] as const;

export function officeJsAuthHost(office: typeof Office = Office): OfficeAuthHost {
  const supportsNestedAppAuth = (): boolean => office.context.requirements.isSetSupported(...NAA_SET);
  return {
    supportsNestedAppAuth,
    async signedInUser() {
      if (supportsNestedAppAuth()) {
        try {
          const context = await office.auth.getAuthContext();
          return {
            loginHint: context.loginHint || context.userPrincipalName,
            username: context.userPrincipalName,
            tenantId: context.tenantId,
            objectId: context.userObjectId,
          };
        } catch {
          // Fall through to the mailbox's address.
        }
      }
      const profile = office.context.mailbox?.userProfile;
      // Only a Microsoft 365 mailbox's address is an Entra ID sign-in name (accountType: Mailbox 1.6).
      const isEntraAccount = profile?.accountType === undefined || profile.accountType === 'office365';
      return profile?.emailAddress && isEntraAccount ? { loginHint: profile.emailAddress } : undefined;
    },
    openDialog: (url) => openOfficeDialog(office, url),
  };
}

function openOfficeDialog(office: typeof Office, url: string): Promise<string> {
  const expectedOrigin = new URL(url).origin;
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, (opened) => {
      if (opened.status === office.AsyncResultStatus.Failed) {
        reject(new OfficeDialogError(opened.error.code));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(office.EventType.DialogMessageReceived, (args) => {
        if (!('message' in args)) return;
        // Only our own page may answer; the dialog also shows Entra ID's pages on the way.
        if (args.origin !== undefined && args.origin !== expectedOrigin) return;
        dialog.close();
        resolve(args.message);
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, (args) => {
        if ('error' in args) reject(new OfficeDialogError(args.error));
      });
    });
  });
}

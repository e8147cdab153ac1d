import { officeJsAuthHost } from '../../../src/auth/officeAuth';
import { OfficeDialogError } from '../../../src/auth/signInProblems';

type Handler = (args: unknown) => void;

/** Just the office-js surface officeJsAuthHost reads, shaped like office-js's own. */
function fakeOffice(options: { naa: boolean; authContext?: () => Promise<unknown>; profile?: { emailAddress: string; accountType?: string }; dialog?: 'fails' | 'opens' }) {
  const handlers = new Map<string, Handler>();
  let closed = false;
  const office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: {
      requirements: { isSetSupported: (name: string, version: string) => options.naa && name === 'NestedAppAuth' && version === '1.1' },
      mailbox: options.profile ? { userProfile: options.profile } : undefined,
      ui: {
        displayDialogAsync: (_url: string, _opts: unknown, callback: (r: unknown) => void) => {
          if (options.dialog === 'fails') return callback({ status: 'failed', error: { code: 12011 } });
          callback({
            status: 'succeeded',
            value: { addEventHandler: (type: string, h: Handler) => handlers.set(type, h), close: () => (closed = true) },
          });
        },
      },
    },
    auth: { getAuthContext: options.authContext ?? (() => Promise.reject(new Error('not supported'))) },
  };
  return { office: office as unknown as typeof Office, handlers, isClosed: () => closed };
}

test('NAA hosts name the user from the auth context', async () => {
  const { office } = fakeOffice({
    naa: true,
    authContext: () => Promise.resolve({ loginHint: 'hint', userPrincipalName: 'anna@seutuopisto.fi', tenantId: 't', userObjectId: 'o' }),
  });
  const host = officeJsAuthHost(office);
  expect(host.supportsNestedAppAuth()).toBe(true);
  await expect(host.signedInUser()).resolves.toEqual({ loginHint: 'hint', username: 'anna@seutuopisto.fi', tenantId: 't', objectId: 'o' });
});

test('older hosts: the Microsoft 365 mailbox address is the hint; an outlook.com or IMAP one is not', async () => {
  const m365 = officeJsAuthHost(fakeOffice({ naa: false, profile: { emailAddress: 'anna@seutuopisto.fi', accountType: 'office365' } }).office);
  expect(m365.supportsNestedAppAuth()).toBe(false);
  await expect(m365.signedInUser()).resolves.toEqual({ loginHint: 'anna@seutuopisto.fi' });
  const imap = officeJsAuthHost(fakeOffice({ naa: false, profile: { emailAddress: 'anna@example.com', accountType: 'other' } }).office);
  await expect(imap.signedInUser()).resolves.toBeUndefined();
});

test('the dialog answers with the first message from our own origin, then closes', async () => {
  const fake = fakeOffice({ naa: false, dialog: 'opens' });
  const answer = officeJsAuthHost(fake.office).openDialog('https://addin.example.org/auth-dialog.html?scopes=User.Read');
  fake.handlers.get('dialogMessageReceived')?.({ message: 'from entra', origin: 'https://login.microsoftonline.com' });
  expect(fake.isClosed()).toBe(false);
  fake.handlers.get('dialogMessageReceived')?.({ message: 'ours', origin: 'https://addin.example.org' });
  await expect(answer).resolves.toBe('ours');
  expect(fake.isClosed()).toBe(true);
});

test('a dialog that cannot open or is closed by the user rejects with the Office code', async () => {
  await expect(officeJsAuthHost(fakeOffice({ naa: false, dialog: 'fails' }).office).openDialog('https://addin.example.org/x')).rejects.toEqual(new OfficeDialogError(12011));
  const fake = fakeOffice({ naa: false, dialog: 'opens' });
  const answer = officeJsAuthHost(fake.office).openDialog('https://addin.example.org/x');
  fake.handlers.get('dialogEventReceived')?.({ error: 12006 });
  await expect(answer).rejects.toMatchObject({ code: 12006 });
});

import { OfficeJsHost } from '../../../src/office/officeJsHost';

type Handler = (event: unknown) => void;
type Callback = (result: { status: string; value?: unknown; error?: { message: string } }) => void;

/**
 * A stand-in for the parts of office-js OfficeJsHost calls, with Office's own enum values and
 * callback conventions, recording what the host asked of Outlook.
 */
function fakeOffice(item: Record<string, unknown> | null, options: { hostName?: string; sets?: string[] } = {}) {
  const handlers = new Map<string, Handler>();
  const calls: string[] = [];
  const notifications: Array<{ key: string; details: Record<string, unknown> }> = [];
  const ok: Callback = () => undefined;
  const settings = new Map<string, unknown>();
  const office = {
    EventType: { ItemChanged: 'olkItemSelectedChanged', SelectedItemsChanged: 'olkSelectedItemsChanged', OfficeThemeChanged: 'officeThemeChanged' },
    MailboxEnums: {
      ItemType: { Message: 'message', Appointment: 'appointment' },
      RestVersion: { v2_0: 'v2.0' },
      ItemNotificationMessageType: { InformationalMessage: 'informationalMessage', ErrorMessage: 'errorMessage', ProgressIndicator: 'progressIndicator' },
    },
    context: {
      displayLanguage: 'fi-FI',
      officeTheme: { bodyBackgroundColor: '#1f1f1f' },
      requirements: { isSetSupported: (_set: string, version: string) => (options.sets ?? ['1.13', '1.14']).includes(version) },
      roamingSettings: {
        get: (key: string) => settings.get(key),
        set: (key: string, value: unknown) => settings.set(key, value),
        saveAsync: (done: Callback) => done({ status: 'succeeded' }),
      },
      mailbox: {
        item: item && {
          ...item,
          notificationMessages: {
            replaceAsync: (key: string, details: Record<string, unknown>, done: Callback = ok) => {
              notifications.push({ key, details });
              done({ status: 'succeeded' });
            },
          },
        },
        diagnostics: { hostName: options.hostName ?? 'OutlookWebApp' },
        userProfile: { displayName: 'Aino Laine', emailAddress: 'aino.laine@seutuopisto.fi', timeZone: 'FLE Standard Time' },
        convertToRestId: (id: string, version: string) => `rest(${id},${version})`,
        addHandlerAsync: (type: string, handler: Handler) => {
          calls.push(`add ${type}`);
          handlers.set(type, handler);
        },
        removeHandlerAsync: (type: string) => {
          calls.push(`remove ${type}`);
          handlers.delete(type);
        },
        getSelectedItemsAsync: (done: Callback) =>
          done({ status: 'succeeded', value: [{ itemId: 'ews-1', subject: 'A', itemType: 'message' }, { itemId: 'ews-2', subject: 'B', itemType: 'message' }] }),
      },
    },
  };
  return { host: new OfficeJsHost(office as unknown as typeof Office), handlers, calls, notifications, settings };
}

const messageItem = {
  itemId: 'ews-123',
  itemType: 'message',
  subject: 'Hankehakemuksen budjettiliite',
  from: { displayName: 'Liisa Korhonen', emailAddress: 'liisa.korhonen@hame-ely.fi' },
  to: [{ displayName: 'Aino Laine', emailAddress: 'aino.laine@seutuopisto.fi' }],
  cc: [],
  conversationId: 'conv-1',
  internetMessageId: '<abc@hame-ely.fi>',
  dateTimeCreated: new Date('2026-11-20T08:00:00Z'),
};

test('reads the open message into a snapshot with a REST id for Graph', async () => {
  const { host } = fakeOffice(messageItem);
  expect(await host.currentItem()).toEqual({
    kind: 'message',
    id: 'rest(ews-123,v2.0)',
    officeItemId: 'ews-123',
    mailbox: null,
    subject: 'Hankehakemuksen budjettiliite',
    from: { name: 'Liisa Korhonen', address: 'liisa.korhonen@hame-ely.fi' },
    to: [{ name: 'Aino Laine', address: 'aino.laine@seutuopisto.fi' }],
    cc: [],
    conversationId: 'rest(conv-1,v2.0)', // Graph's form: filings from every client share it
    internetMessageId: '<abc@hame-ely.fi>',
    receivedAt: '2026-11-20T08:00:00.000Z',
  });
});

describe('the mailbox an item lives in (getSharedPropertiesAsync)', () => {
  const sharedAs = (result: Parameters<Callback>[0]) => ({ ...messageItem, getSharedPropertiesAsync: (done: Callback) => done(result) });

  test('an item of a shared mailbox names that mailbox', async () => {
    const { host } = fakeOffice(sharedAs({ status: 'succeeded', value: { targetMailbox: 'koulutuspalvelut@seutuopisto.fi', owner: 'koulutuspalvelut@seutuopisto.fi', delegatePermissions: 63 } }));
    expect(await host.currentItem()).toMatchObject({ kind: 'message', mailbox: 'koulutuspalvelut@seutuopisto.fi' });
  });

  test("Office failing the call means the item is the user's own (it is not shared)", async () => {
    const { host } = fakeOffice(sharedAs({ status: 'failed', error: { message: 'The current folder or mailbox is not shared.' } }));
    expect((await host.currentItem())?.mailbox).toBeNull();
  });

  test("a host without the API (before Mailbox 1.8) and a target that is the user's own address are the own mailbox", async () => {
    expect((await fakeOffice(messageItem).host.currentItem())?.mailbox).toBeNull();
    const own = fakeOffice(sharedAs({ status: 'succeeded', value: { targetMailbox: 'Aino.Laine@seutuopisto.fi' } }));
    expect((await own.host.currentItem())?.mailbox).toBeNull();
  });

  test('a meeting in a shared calendar names its mailbox too', async () => {
    const { host } = fakeOffice({
      itemId: 'ews-ev',
      itemType: 'appointment',
      subject: 'Infotilaisuus',
      requiredAttendees: [],
      optionalAttendees: [],
      getSharedPropertiesAsync: (done: Callback) => done({ status: 'succeeded', value: { targetMailbox: 'koulutuspalvelut@seutuopisto.fi' } }),
    });
    expect(await host.currentItem()).toMatchObject({ kind: 'appointment', mailbox: 'koulutuspalvelut@seutuopisto.fi' });
  });
});

test('Outlook mobile already hands out REST ids', async () => {
  const { host } = fakeOffice(messageItem, { hostName: 'OutlookIOS' });
  expect((await host.currentItem())?.id).toBe('ews-123');
});

test('an occurrence of a recurring meeting carries its series id', async () => {
  const { host } = fakeOffice({
    itemId: 'ews-occ',
    itemType: 'appointment',
    subject: 'Ohjausryhmä',
    organizer: { displayName: 'Aino Laine', emailAddress: 'aino.laine@seutuopisto.fi' },
    requiredAttendees: [{ displayName: 'Liisa Korhonen', emailAddress: 'liisa.korhonen@hame-ely.fi' }],
    optionalAttendees: [],
    start: new Date('2026-11-24T08:00:00Z'),
    end: new Date('2026-11-24T09:00:00Z'),
    seriesId: 'ews-master',
  });
  expect(await host.currentItem()).toMatchObject({ kind: 'appointment', seriesId: 'rest(ews-master,v2.0)', start: '2026-11-24T08:00:00.000Z' });
});

test('no item (a pinned pane with nothing selected) is null', async () => {
  expect(await fakeOffice(null).host.currentItem()).toBeNull();
});

test('the preview is the open item read with no call to Outlook: subject and sender at once, no shared-mailbox lookup', () => {
  let lookups = 0;
  const { host } = fakeOffice({ ...messageItem, getSharedPropertiesAsync: () => void lookups++ });
  expect(host.previewItem()).toMatchObject({ kind: 'message', subject: 'Hankehakemuksen budjettiliite', from: { name: 'Liisa Korhonen', address: 'liisa.korhonen@hame-ely.fi' }, mailbox: null });
  expect(lookups).toBe(0);
  expect(fakeOffice(null).host.previewItem()).toBeNull();
});

test('item-changed listeners share one Office handler, removed with the last listener', () => {
  const { host, handlers, calls } = fakeOffice(messageItem);
  const seen: string[] = [];
  const stopA = host.onItemChanged(() => seen.push('a'));
  const stopB = host.onItemChanged(() => seen.push('b'));
  handlers.get('olkItemSelectedChanged')!({});
  stopA();
  handlers.get('olkItemSelectedChanged')!({});
  stopB();
  expect(seen).toEqual(['a', 'b', 'b']);
  expect(calls).toEqual(['add olkItemSelectedChanged', 'remove olkItemSelectedChanged']);
});

test('selection changes come from SelectedItemsChanged on Mailbox 1.13, from ItemChanged before it', () => {
  const modern = fakeOffice(messageItem);
  const seen: string[] = [];
  const stop = modern.host.onSelectionChanged(() => seen.push('selection'));
  modern.handlers.get('olkSelectedItemsChanged')!({});
  stop();
  expect(seen).toEqual(['selection']);
  expect(modern.calls).toEqual(['add olkSelectedItemsChanged', 'remove olkSelectedItemsChanged']);

  const older = fakeOffice(messageItem, { sets: ['1.5'] });
  older.host.onSelectionChanged(() => seen.push('item'));
  older.handlers.get('olkItemSelectedChanged')!({});
  expect(seen).toEqual(['selection', 'item']);
});

test('notifications use Office types and are cut at Office\'s 150-character limit', async () => {
  const { host, notifications } = fakeOffice(messageItem);
  await host.notify({ key: 'k', kind: 'informational', message: 'x'.repeat(200) });
  await host.notify({ key: 'e', kind: 'error', message: 'Ei onnistunut' });
  expect(notifications).toEqual([
    { key: 'k', details: { type: 'informationalMessage', message: 'x'.repeat(150), icon: 'Trail.16', persistent: false } },
    { key: 'e', details: { type: 'errorMessage', message: 'Ei onnistunut' } },
  ]);
});

test('multi-select where supported, the open item otherwise', async () => {
  expect((await fakeOffice(messageItem).host.selectedItems()).map((s) => s.id)).toEqual(['rest(ews-1,v2.0)', 'rest(ews-2,v2.0)']);
  const older = fakeOffice(messageItem, { sets: [] });
  expect((await older.host.selectedItems()).map((s) => s.id)).toEqual(['rest(ews-123,v2.0)']);
});

test('roaming settings are saved to the mailbox; language, theme and user come from Office', async () => {
  const { host, settings } = fakeOffice(messageItem);
  await host.roamingSettings.set('folders', { asap: 'id-1' });
  expect(settings.get('folders')).toEqual({ asap: 'id-1' });
  expect(host.roamingSettings.get('folders')).toEqual({ asap: 'id-1' });
  expect(host.displayLanguage()).toBe('fi-FI');
  expect(host.theme()).toBe('dark');
  expect(host.user().emailAddress).toBe('aino.laine@seutuopisto.fi');
});

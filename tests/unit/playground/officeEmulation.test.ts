/** @jest-environment jsdom */
import type { GraphEvent, GraphMessage } from '../../../dev/playground/graphShapes';
import type { CurrentItem, PlaygroundState } from '../../../dev/playground/mailboxStore';
import { OutlookEmulation, type OutlookView } from '../../../dev/playground/officeEmulation/outlookEmulation';
import { PROFILES, type ClientId } from '../../../dev/playground/officeEmulation/profiles';
import type { SettingsStore } from '../../../dev/playground/officeEmulation/roamingSettings';
import type { HostNotification } from '../../../src/office/host';
import { OfficeJsHost } from '../../../src/office/officeJsHost';

// A REST id with both of the characters the EWS alphabet writes differently (`-` for `/`, `_` for `+`).
const REST_ID = 'AAMkADk0-ZTBh_mQ4LTQ5NzAtOGJhNy1hOTk1ZjgzZjZlYWQARgAAAAA=';
const EWS_ID = 'AAMkADk0/ZTBh+mQ4LTQ5NzAtOGJhNy1hOTk1ZjgzZjZlYWQARgAAAAA=';

const message: GraphMessage = {
  id: REST_ID,
  subject: 'Hankehakemuksen budjettiliite',
  from: { emailAddress: { name: 'Liisa Korhonen', address: 'liisa.korhonen@hame-ely.fi' } },
  toRecipients: [{ emailAddress: { name: 'Aino Laine', address: 'aino.laine@seutuopisto.fi' } }],
  ccRecipients: [],
  conversationId: 'AAQkADk0-conv_1=',
  internetMessageId: '<abc@hame-ely.fi>',
  receivedDateTime: '2026-11-20T08:00:00Z',
};

const occurrence: GraphEvent = {
  id: 'AAMkADev_ent-1_OC202612011000',
  subject: 'Ohjausryhmä',
  start: { dateTime: '2026-12-01T10:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2026-12-01T11:00:00.0000000', timeZone: 'UTC' },
  organizer: { emailAddress: { name: 'Aino Laine', address: 'aino.laine@seutuopisto.fi' } },
  attendees: [{ emailAddress: { name: 'Mikko', address: 'mikko@x.fi' }, type: 'optional' }],
  type: 'occurrence',
  seriesMasterId: 'AAMkADev_ent-1',
};

/** The playground's mailbox as the emulation reads it, driven by the test. */
class FakeOutlook implements OutlookView {
  state = { current: null, selectedIds: [], messages: [message], notifications: [] } as unknown as PlaygroundState;
  opened: Array<{ kind: string; restId: string | null }> = [];
  private readonly itemListeners = new Set<() => void>();
  private readonly selectionListeners = new Set<() => void>();
  constructor(readonly mailbox: string | null = null) {}
  getState = () => this.state;
  onItemChanged = (listener: () => void) => (this.itemListeners.add(listener), () => this.itemListeners.delete(listener));
  onSelectionChanged = (listener: () => void) => (this.selectionListeners.add(listener), () => this.selectionListeners.delete(listener));
  notify = (n: HostNotification) => void (this.state = { ...this.state, notifications: [...this.state.notifications.filter((x) => x.key !== n.key), n] });
  dismissNotification = (key: string) => void (this.state = { ...this.state, notifications: this.state.notifications.filter((x) => x.key !== key) });
  openForm = async (kind: 'message' | 'event', restId: string | null) => void this.opened.push({ kind, restId });
  show(current: CurrentItem): void {
    this.state = { ...this.state, current, notifications: [] };
    this.itemListeners.forEach((listener) => listener());
  }
  select(ids: string[]): void {
    this.state = { ...this.state, selectedIds: ids };
    this.selectionListeners.forEach((listener) => listener());
  }
}

const memorySettings = (): SettingsStore & { saved: Record<string, unknown> } => {
  const store = { saved: {} as Record<string, unknown>, load: () => ({ ...store.saved }), save: (s: Record<string, unknown>) => void (store.saved = { ...s }) };
  return store;
};

function outlook(client: ClientId = 'new-outlook', options: { mailbox?: string; settings?: SettingsStore } = {}) {
  const view = new FakeOutlook(options.mailbox ?? null);
  view.state = { ...view.state, current: { kind: 'message', message } };
  const emulation = new OutlookEmulation(
    view as unknown as ConstructorParameters<typeof OutlookEmulation>[0],
    PROFILES[client],
    {
      language: 'fi-FI',
      theme: 'dark',
      user: { displayName: 'Aino Laine', emailAddress: 'aino.laine@seutuopisto.fi', timeZone: 'FLE Standard Time' },
      restUrl: 'https://localhost:3001',
      manifestIcons: new Set(['Trail.16', 'Trail.32', 'Trail.80']),
    },
    options.settings ?? memorySettings(),
  );
  const office = emulation.officeFor(window);
  const opened: string[] = [];
  const host = new OfficeJsHost(office as unknown as typeof Office, (url) => void opened.push(url));
  return { view, emulation, office, host, opened };
}

const call = <T>(start: (done: (result: Office.AsyncResult<T>) => void) => void) => new Promise<Office.AsyncResult<T>>((resolve) => start(resolve));

describe('item ids, as Outlook hands them out', () => {
  test('desktop and web clients give the EWS id of the REST id; Trail converts it back for Graph', async () => {
    const { office, host } = outlook('new-outlook');
    expect(office.context.mailbox.item!.itemId).toBe(EWS_ID);
    expect(office.context.mailbox.convertToRestId!(EWS_ID, 'v2.0')).toBe(REST_ID);
    expect(office.context.mailbox.convertToEwsId!(REST_ID, 'v2.0')).toBe(EWS_ID);
    expect(await host.currentItem()).toMatchObject({ kind: 'message', id: REST_ID, officeItemId: EWS_ID, subject: message.subject, receivedAt: '2026-11-20T08:00:00.000Z' });
  });

  test('mobile gives REST ids and has no id conversion, no display forms, no multi-select', async () => {
    const { office, host } = outlook('mobile');
    expect(office.context.mailbox.item!.itemId).toBe(REST_ID);
    expect(office.context.mailbox.convertToRestId).toBeUndefined();
    expect(office.context.mailbox.displayMessageForm).toBeUndefined();
    expect(office.context.mailbox.getSelectedItemsAsync).toBeUndefined();
    expect(await host.currentItem()).toMatchObject({ id: REST_ID, officeItemId: REST_ID });
    expect(await host.selectedItems()).toEqual([{ id: REST_ID, subject: message.subject, kind: 'message' }]);
  });

  test('an occurrence carries its series as an EWS id, which Trail reads back as the master’s REST id', async () => {
    const { view, host, office } = outlook('mac');
    view.show({ kind: 'appointment', event: occurrence });
    expect((office.context.mailbox.item as Office.AppointmentRead).seriesId).toBe('AAMkADev+ent/1');
    expect(await host.currentItem()).toMatchObject({ kind: 'appointment', id: occurrence.id, seriesId: 'AAMkADev_ent-1', seriesMaster: false, start: '2026-12-01T10:00:00.000Z' });
  });

  test('mobile does not activate on appointments', async () => {
    const { view, host } = outlook('mobile');
    view.show({ kind: 'appointment', event: occurrence });
    expect(await host.currentItem()).toBeNull();
  });

  test.each(['new-outlook', 'mac', 'mobile'] as const)('in %s, Trail reads the conversation id in the form Graph gives it, so filings from every client find each other', async (client) => {
    const { host } = outlook(client);
    expect(await host.currentItem()).toMatchObject({ conversationId: message.conversationId });
  });

  test('getSelectedItemsAsync hands out EWS ids; Trail gets REST ids', async () => {
    const { view, host } = outlook('web');
    view.select([REST_ID]);
    expect(await host.selectedItems()).toEqual([{ id: REST_ID, subject: message.subject, kind: 'message' }]);
  });
});

describe('display forms take EWS ids', () => {
  test('an EWS id opens its item; a REST id opens a blank form, with no error', () => {
    const { office, view } = outlook('new-outlook');
    office.context.mailbox.displayMessageForm!(EWS_ID);
    office.context.mailbox.displayMessageForm!(REST_ID);
    expect(view.opened).toEqual([
      { kind: 'message', restId: REST_ID },
      { kind: 'message', restId: null },
    ]);
  });

  test('Trail opens an item by its EWS id', () => {
    const { host, view } = outlook('windows');
    host.openItem({ kind: 'event', id: REST_ID });
    expect(view.opened).toEqual([{ kind: 'event', restId: REST_ID }]);
  });

  test('where there are no display forms (mobile), Trail opens the item’s web link', () => {
    const { host, opened } = outlook('mobile');
    host.openItem({ kind: 'message', id: REST_ID, webLink: 'https://outlook.office365.com/owa/?ItemID=x' });
    expect(opened).toEqual(['https://outlook.office365.com/owa/?ItemID=x']);
  });
});

describe('notifications, with Outlook’s limits', () => {
  const details = (message: string) => ({ type: 'progressIndicator', message }) as unknown as Office.NotificationMessageDetails;

  test('at most five per message: the sixth fails with NumberOfNotificationMessagesExceeded; replacing one does not count', async () => {
    const { office } = outlook('new-outlook');
    const messages = office.context.mailbox.item!.notificationMessages;
    for (const n of [1, 2, 3, 4, 5]) expect((await call<void>((done) => messages.addAsync(`k${n}`, details('x'), done))).status).toBe('succeeded');
    const sixth = await call<void>((done) => messages.addAsync('k6', details('x'), done));
    expect(sixth.status).toBe('failed');
    expect(sixth.error.name).toBe('NumberOfNotificationMessagesExceeded');
    expect((await call<void>((done) => messages.replaceAsync('k5', details('y'), done))).status).toBe('succeeded');
  });

  test('on mobile a second notification replaces the first', async () => {
    const { office, view } = outlook('mobile');
    const messages = office.context.mailbox.item!.notificationMessages;
    await call<void>((done) => messages.addAsync('a', details('first'), done));
    await call<void>((done) => messages.addAsync('b', details('second'), done));
    expect(view.state.notifications.map((n) => n.message)).toEqual(['second']);
  });

  test('a message over 150 characters or a key over 32 throws ArgumentOutOfRange', () => {
    const messages = outlook('web').office.context.mailbox.item!.notificationMessages;
    expect(() => messages.replaceAsync('k', details('x'.repeat(151)))).toThrow(expect.objectContaining({ name: 'ArgumentOutOfRange' }));
    expect(() => messages.replaceAsync('k'.repeat(33), details('x'))).toThrow(expect.objectContaining({ name: 'ArgumentOutOfRange' }));
  });

  test('an informational notification needs an icon the manifest defines', () => {
    const messages = outlook('web').office.context.mailbox.item!.notificationMessages;
    const informational = (icon?: string) => ({ type: 'informationalMessage', message: 'x', icon, persistent: false }) as unknown as Office.NotificationMessageDetails;
    expect(() => messages.replaceAsync('k', informational())).toThrow(expect.objectContaining({ name: 'ArgumentOutOfRange' }));
    expect(() => messages.replaceAsync('k', informational('Icon.16x16'))).toThrow(expect.objectContaining({ name: 'ArgumentOutOfRange' }));
    expect(() => messages.replaceAsync('k', informational('Trail.16'))).not.toThrow();
  });

  test('Trail’s informational notification is one Outlook accepts, cut at 150 characters', async () => {
    const { host, view } = outlook('new-outlook');
    await host.notify({ key: 'trail-triage', kind: 'informational', message: 'Siirretty kansioon Lue myöhemmin. '.repeat(6) });
    expect(view.state.notifications).toEqual([{ key: 'trail-triage', kind: 'informational', message: expect.stringMatching(/^Siirretty/) }]);
    expect(view.state.notifications[0]!.message).toHaveLength(150);
  });
});

describe('roaming settings', () => {
  test('more than 32 KB throws error 9057 from set', () => {
    const settings = outlook('web').office.context.roamingSettings;
    expect(() => settings.set('big', 'x'.repeat(33 * 1024))).toThrow(expect.objectContaining({ code: 9057 }));
    expect(settings.get('big')).toBeUndefined();
  });

  test('each page works on its own copy and saveAsync writes it whole: the last page to save wins', async () => {
    const store = memorySettings();
    const taskpane = outlook('web', { settings: store }).office.context.roamingSettings;
    const commands = outlook('web', { settings: store }).office.context.roamingSettings;
    taskpane.set('a', 1);
    await call<void>((done) => taskpane.saveAsync(done));
    commands.set('b', 2);
    await call<void>((done) => commands.saveAsync(done));
    expect(store.saved).toEqual({ b: 2 });
  });
});

describe('events and requirement sets per client', () => {
  test('ItemChanged reaches a registered handler once the item has changed; removeHandlerAsync stops it', async () => {
    const { view, host } = outlook('new-outlook');
    const subjects: string[] = [];
    const stop = host.onItemChanged(() => void host.currentItem().then((item) => subjects.push(item?.subject ?? 'none')));
    view.show({ kind: 'appointment', event: occurrence });
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    view.show(null);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(subjects).toEqual(['Ohjausryhmä']);
  });

  test.each([
    ['new-outlook', '1.16', true],
    ['web', '1.16', true],
    ['windows', '1.16', true],
    ['mac', '1.14', true],
    ['mac', '1.15', false],
    ['mobile', '1.5', true],
    ['mobile', '1.6', false],
  ] as const)('%s supports Mailbox %s: %s', (client, version, supported) => {
    expect(outlook(client).office.context.requirements.isSetSupported('Mailbox', version)).toBe(supported);
  });

  test('OfficeThemeChanged cannot be registered on mobile, which has no officeTheme', async () => {
    const { office } = outlook('mobile');
    expect(office.context.officeTheme).toBeUndefined();
    const result = await call<void>((done) => office.context.mailbox.addHandlerAsync('officeThemeChanged', () => undefined, done));
    expect(result.status).toBe('failed');
  });

  test('the theme, language, host name and user are the client’s', () => {
    const { host, office } = outlook('mac');
    expect(host.theme()).toBe('dark');
    expect(host.displayLanguage()).toBe('fi-FI');
    expect(office.context.mailbox.diagnostics.hostName).toBe('Outlook');
    expect(host.user()).toEqual({ displayName: 'Aino Laine', emailAddress: 'aino.laine@seutuopisto.fi', timeZone: 'FLE Standard Time' });
  });

  test('a shared mailbox’s item names its mailbox through getSharedPropertiesAsync; the own mailbox’s does not', async () => {
    expect(await outlook('new-outlook', { mailbox: 'koulutuspalvelut@seutuopisto.fi' }).host.currentItem()).toMatchObject({ mailbox: 'koulutuspalvelut@seutuopisto.fi' });
    expect(await outlook('new-outlook').host.currentItem()).toMatchObject({ mailbox: null });
  });
});

describe('item.body.getAsync (office.body.yml, Mailbox 1.3), as Trail reads it for a signature', () => {
  const signed: GraphMessage = { ...message, body: { contentType: 'text', content: 'Hei,\r\nkiitos!\r\n\r\nRaija Leinonen\r\nrehtori\r\nMäntyrinteen kansalaisopisto' } };
  const formatted: GraphMessage = {
    ...message,
    body: { contentType: 'html', content: '<html><body><p>Hei,</p><ul><li>kurssit</li></ul><p>Raija Leinonen<br>rehtori<br>M&auml;ntyrinteen kansalaisopisto &amp; <a href="https://x.fi">www</a></p></body></html>' },
  };

  test('a plain-text body is given as it is, in Text', async () => {
    const { view, office, host } = outlook('windows');
    view.show({ kind: 'message', message: signed });
    const item = office.context.mailbox.item as Office.MessageRead;
    const result = await call<string>((done) => item.body.getAsync('text', done));
    expect(result.status).toBe('succeeded');
    expect(result.value).toBe(signed.body!.content);
    expect((await host.itemBodyText())?.split(/\r?\n/)).toContain('Mäntyrinteen kansalaisopisto');
  });

  test('on the web and in new Outlook, Text of a body with lists or links may be an empty string: Trail asks again as Html and reads it as text', async () => {
    const { view, office, host } = outlook('new-outlook');
    view.show({ kind: 'message', message: formatted });
    const item = office.context.mailbox.item as Office.MessageRead;
    expect((await call<string>((done) => item.body.getAsync('text', done))).value).toBe('');
    expect((await call<string>((done) => item.body.getAsync('html', done))).value).toBe(formatted.body!.content);
    const lines = (await host.itemBodyText())!.split('\n').map((l) => l.trim());
    expect(lines).toEqual(expect.arrayContaining(['Raija Leinonen', 'rehtori', 'Mäntyrinteen kansalaisopisto & www']));
  });

  test('classic Outlook gives the text of a formatted body in Text', async () => {
    const { view, host } = outlook('mac');
    view.show({ kind: 'message', message: formatted });
    expect((await host.itemBodyText())!.split('\n')).toContain('Raija Leinonen');
  });

  test('below Mailbox 1.3 there is no body.getAsync: null, and the name comes from elsewhere', async () => {
    const { view, host } = outlook('mobile');
    view.show({ kind: 'message', message: signed });
    // Mobile supports 1.5, so it reads; a host without the method answers null rather than failing.
    expect(await host.itemBodyText()).toContain('Raija Leinonen');
    const bare = new OfficeJsHost({ context: { mailbox: { item: { itemId: 'x' } } } } as unknown as typeof Office);
    expect(await bare.itemBodyText()).toBeNull();
  });
});

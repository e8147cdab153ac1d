/**
 * `GET /me` (and `/users/{id|upn}`) with Graph's default user properties, and `GET /me/mailboxSettings`,
 * whose time zone the triage due-date rule relies on.
 */
import { accessDenied, unknownSegment } from '../core/errors';
import type { Router, SandboxContext, SandboxRequest } from '../core/types';
import type { SeedUser } from '../seed/types';
import { mailboxOf, userContext } from './context';
import { entityBody } from './listing';
import { mailboxFor, mailState } from './state';
import { wellKnownFolder } from './lookup';

function renderUser(user: SeedUser): Record<string, unknown> {
  return {
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: user.officeLocation,
    preferredLanguage: user.preferredLanguage,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
  };
}

/** Regional formats Exchange derives from the mailbox locale. */
const LOCALE_FORMATS: Record<string, { displayName: string; dateFormat: string; timeFormat: string }> = {
  'fi-fi': { displayName: 'suomi (Suomi)', dateFormat: 'd.M.yyyy', timeFormat: 'H.mm' },
  'en-us': { displayName: 'English (United States)', dateFormat: 'M/d/yyyy', timeFormat: 'h:mm tt' },
  'en-gb': { displayName: 'English (United Kingdom)', dateFormat: 'dd/MM/yyyy', timeFormat: 'HH:mm' },
};

function renderMailboxSettings(ctx: SandboxContext, req: SandboxRequest): Record<string, unknown> {
  // mailboxSettings has no .Shared permission: with delegated rights Graph serves only the caller's
  // own, and refuses a shared mailbox's even to a user with Full Access (office-js#6057).
  if (req.params.mailbox !== req.userId) throw accessDenied();
  const box = mailboxFor(ctx, req.params.mailbox);
  const settings = box.user.mailboxSettings;
  const locale = settings.language.locale;
  const formats = LOCALE_FORMATS[locale.toLowerCase()] ?? LOCALE_FORMATS['en-us']!;
  return {
    '@odata.context': userContext(req, mailboxOf(req), 'mailboxSettings'),
    archiveFolder: wellKnownFolder(box, 'archive').id,
    timeZone: settings.timeZone,
    automaticRepliesSetting: {
      status: 'disabled',
      externalAudience: 'all',
      internalReplyMessage: '',
      externalReplyMessage: '',
      scheduledStartDateTime: { dateTime: ctx.anchor.toISOString().slice(0, 19) + '.0000000', timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: new Date(ctx.anchor.getTime() + 86_400_000).toISOString().slice(0, 19) + '.0000000', timeZone: 'UTC' },
    },
    dateFormat: formats.dateFormat,
    timeFormat: formats.timeFormat,
    language: { locale, displayName: formats.displayName },
    workingHours: {
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '08:00:00.0000000',
      endTime: '16:00:00.0000000',
      timeZone: { name: settings.timeZone },
    },
    userPurpose: 'user',
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
  };
}

export function registerUserRoutes(router: Router, ctx: SandboxContext): void {
  router.add('GET', '/me', (req) => {
    const user = mailState(ctx).users.find((u) => u.id === req.params.mailbox) ?? mailboxFor(ctx, req.params.mailbox).user;
    return { status: 200, body: entityBody(renderUser(user), req, `${req.baseUrl}/$metadata#users`, 'microsoft.graph.user') };
  });

  router.add('GET', '/me/mailboxSettings', (req) => ({ status: 200, body: renderMailboxSettings(ctx, req) }));

  router.add('GET', '/me/mailboxSettings/{property}', (req) => {
    const settings = renderMailboxSettings(ctx, req);
    const key = Object.keys(settings).find((k) => k.toLowerCase() === req.params.property?.toLowerCase() && !k.startsWith('@'));
    if (!key) throw unknownSegment(req.params.property ?? '');
    const value = settings[key];
    const context = userContext(req, mailboxOf(req), `mailboxSettings/${key}`);
    return {
      status: 200,
      body: typeof value === 'object' && value !== null ? { '@odata.context': context, ...value } : { '@odata.context': context, value },
    };
  });
}

import type { HostNotification, NotificationKind } from '../../../src/office/host';
import { argumentOutOfRange, ERRORS, fail, split, succeed } from './asyncResult';
import type { ClientProfile } from './profiles';

/** Where the item's notifications are shown: the playground's bar above the reading pane. */
export interface NotificationBoard {
  list(): HostNotification[];
  put(notification: HostNotification): void;
  remove(key: string): void;
}

/** Types and their enum values (Office.MailboxEnums.ItemNotificationMessageType). */
export const NOTIFICATION_TYPES = {
  ProgressIndicator: 'progressIndicator',
  InformationalMessage: 'informationalMessage',
  ErrorMessage: 'errorMessage',
  InsightMessage: 'insightMessage',
} as const;

const KIND: Record<string, NotificationKind> = { progressIndicator: 'progress', informationalMessage: 'informational', errorMessage: 'error', insightMessage: 'informational' };
const TYPE: Record<NotificationKind, string> = { progress: 'progressIndicator', informational: 'informationalMessage', error: 'errorMessage' };

/**
 * item.notificationMessages as office.notificationmessages.yml and office.notificationmessagedetails.yml
 * describe it: a key of at most 32 characters; a message of at most 150 ("If the developer passes in a longer
 * string, an ArgumentOutOfRange exception is thrown"); an icon defined in the manifest, required for
 * InformationalMessage; at most five per message ("Setting more returns a NumberOfNotificationMessagesExceeded
 * error"), except on Android and iOS, where a new one replaces the previous; replaceAsync adds when the key
 * is not there; mobile shows only ProgressIndicator, InformationalMessage and ErrorMessage.
 */
export function createNotificationMessages(board: NotificationBoard, profile: ClientProfile, manifestIcons: () => ReadonlySet<string>): Office.NotificationMessages {
  function validate(key: string, details: Office.NotificationMessageDetails): void {
    if (typeof key !== 'string' || key.length === 0 || key.length > 32) throw argumentOutOfRange('key');
    if (typeof details?.message !== 'string' || details.message.length > 150) throw argumentOutOfRange('message');
    const type = String(details.type);
    if (!(type in KIND) || (profile.maxNotifications === 1 && type === NOTIFICATION_TYPES.InsightMessage)) throw argumentOutOfRange('type');
    if (type === NOTIFICATION_TYPES.InformationalMessage || type === NOTIFICATION_TYPES.InsightMessage) {
      // "An icon must be specified for InformationalMessage and InsightMessage notifications" — one the manifest defines.
      if (!details.icon || !manifestIcons().has(details.icon)) throw argumentOutOfRange('icon');
    }
  }

  function put(key: string, details: Office.NotificationMessageDetails, adding: boolean, args: unknown[]): void {
    const { options, callback } = split<void>(args);
    validate(key, details);
    const others = board.list().filter((existing) => existing.key !== key);
    if (profile.maxNotifications === 1) others.forEach((existing) => board.remove(existing.key));
    else if ((adding || others.length === board.list().length) && others.length >= profile.maxNotifications) return fail(callback, ERRORS.tooManyNotifications(), options);
    board.put({ key, kind: KIND[String(details.type)]!, message: details.message });
    succeed(callback, undefined, options);
  }

  const messages = {
    addAsync: (key: string, details: Office.NotificationMessageDetails, ...rest: unknown[]) => put(key, details, true, rest),
    replaceAsync: (key: string, details: Office.NotificationMessageDetails, ...rest: unknown[]) => put(key, details, false, rest),
    removeAsync: (key: string, ...rest: unknown[]) => {
      const { options, callback } = split<void>(rest);
      board.remove(key);
      succeed(callback, undefined, options);
    },
    getAllAsync: (...rest: unknown[]) => {
      const { options, callback } = split<Office.NotificationMessageDetails[]>(rest);
      const all = board.list().map((n) => ({ key: n.key, type: TYPE[n.kind], message: n.message }) as unknown as Office.NotificationMessageDetails);
      succeed(callback, all, options);
    },
  };
  return messages as unknown as Office.NotificationMessages;
}

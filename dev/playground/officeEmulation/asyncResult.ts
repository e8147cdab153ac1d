/**
 * Office's AsyncResult as callbacks receive it: `status` "succeeded" or "failed" (Office.AsyncResultStatus),
 * `value`, `asyncContext` (the `options.asyncContext` the caller passed) and, on failure, an `error` with
 * `code`, `name` and `message` (office-js-docs-reference docs-ref-autogen/office/office/office.asyncresult.yml;
 * codes from office-js-docs-pr docs/reference/javascript-api-for-office-error-codes.md).
 */
export const STATUS = { Succeeded: 'succeeded', Failed: 'failed' } as const;

export interface OfficeFailure {
  code: number;
  name: string;
  message: string;
}

export type Callback<T> = (result: Office.AsyncResult<T>) => void;

/**
 * The failures the emulation reports. Codes are Office's where the error-codes page lists one (5000, 9057);
 * where the API page names an error without a number (NumberOfNotificationMessagesExceeded), the name is
 * Office's and the code is 9020, the page's "Generic Response Error".
 */
export const ERRORS = {
  /** 5000: "The operation is not supported in the current Office application." */
  notSupported: (what: string): OfficeFailure => ({ code: 5000, name: 'Operation Not Supported', message: `${what} is not supported in this client.` }),
  /** 9057: "A maximum of 32KB is available for the settings of each add-in." (office.roamingsettings.yml, set) */
  settingsTooLarge: (): OfficeFailure => ({ code: 9057, name: 'Size Limit Exceeded', message: 'A maximum of 32KB is available for the settings of each add-in.' }),
  /** office.notificationmessages.yml: "Setting more returns a NumberOfNotificationMessagesExceeded error." */
  tooManyNotifications: (): OfficeFailure => ({ code: 9020, name: 'NumberOfNotificationMessagesExceeded', message: 'An item can have at most five notifications.' }),
  /** getSharedPropertiesAsync on an item of the user's own mailbox, which is in no shared folder or mailbox. */
  notShared: (): OfficeFailure => ({ code: 9020, name: 'Generic Response Error', message: 'The item is not in a shared folder or shared mailbox.' }),
};

/** Finds the callback among Office's optional `(…, options?, callback?)` arguments. */
export function split<T>(args: unknown[]): { options: Office.AsyncContextOptions; callback: Callback<T> | undefined } {
  const callback = args.find((arg): arg is Callback<T> => typeof arg === 'function');
  const options = args.find((arg): arg is Office.AsyncContextOptions => typeof arg === 'object' && arg !== null) ?? {};
  return { options, callback };
}

/** Calls back asynchronously, as Office does: never inside the call that started the operation. */
export function succeed<T>(callback: Callback<T> | undefined, value: T, options: Office.AsyncContextOptions = {}): void {
  if (!callback) return;
  const result = { status: STATUS.Succeeded, value, asyncContext: options.asyncContext, diagnostics: undefined, error: undefined };
  queueMicrotask(() => callback(result as unknown as Office.AsyncResult<T>));
}

export function fail<T>(callback: Callback<T> | undefined, failure: OfficeFailure, options: Office.AsyncContextOptions = {}): void {
  if (!callback) return;
  const result = { status: STATUS.Failed, value: undefined, asyncContext: options.asyncContext, diagnostics: undefined, error: failure };
  queueMicrotask(() => callback(result as unknown as Office.AsyncResult<T>));
}

/** The exception Office throws synchronously for an argument out of range (NotificationMessageDetails.message). */
export function argumentOutOfRange(parameter: string): Error {
  const error = new Error(`Sys.ArgumentOutOfRangeException: Specified argument was out of the range of valid values. Parameter name: ${parameter}`);
  error.name = 'ArgumentOutOfRange';
  return error;
}

import { fail, split, succeed, ERRORS } from './asyncResult';
import type { ClientProfile } from './profiles';

/** Office.CoercionType's values the body takes (office-js-docs-reference docs-ref-autogen/office/office/office.coerciontype.yml). */
export const COERCION_TYPE = { Text: 'text', Html: 'html' } as const;

type GraphBody = { contentType: 'html' | 'text'; content: string } | undefined;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An HTML body read as text, as a client renders it: block ends are line breaks, tags go, entities are read. */
function htmlAsText(html: string): string {
  const marked = html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|table|blockquote)\s*>/gi, '$&\n');
  // The emulation runs in the playground's page: its parser reads the entities (and runs no script).
  return new DOMParser().parseFromString(marked, 'text/html').body.textContent ?? '';
}

/**
 * item.body in read mode (office-js-docs-reference docs-ref-autogen/outlook/outlook/office.body.yml): getAsync
 * (Mailbox 1.3) "returns the entire current body in the format specified by coercionType". The per-client limit
 * the page names, taken pessimistically: "In Outlook on the web and new Outlook on Windows, if the body contains
 * formatted elements, such as tables, lists, and links, specify Office.CoercionType.Html in the getAsync call.
 * Otherwise, you may receive an unexpected value, such as an empty string" — there, Text on such a body gives ''.
 */
export function createBody(profile: ClientProfile, body: GraphBody): Pick<Office.MessageRead['body'], 'getAsync'> {
  const content = body?.content ?? '';
  const html = body?.contentType === 'html';
  const formatted = html && /<(table|ul|ol|li|a)\b/i.test(content);
  const webLike = profile.hostName === 'OutlookWebApp' || profile.hostName === 'newOutlookWindows';
  return {
    getAsync: ((coercionType: string, ...rest: unknown[]) => {
      const { options, callback } = split<string>(rest);
      if (coercionType === COERCION_TYPE.Html) return succeed(callback, html ? content : `<div>${escapeHtml(content).replace(/\r?\n/g, '<br>')}</div>`, options);
      if (coercionType === COERCION_TYPE.Text) return succeed(callback, !html ? content : formatted && webLike ? '' : htmlAsText(content), options);
      fail(callback, ERRORS.notSupported(`Coercion type ${String(coercionType)}`), options);
    }) as Office.MessageRead['body']['getAsync'],
  };
}

/**
 * The words of a mail, for a calendar event's body: an HTML body read as text here, where what is not
 * text is known by its tag (a style sheet, a script, the head, a comment), rather than by Graph's text
 * conversion, which can carry a style sheet's rules through as words. Paragraphs and line breaks stay;
 * runs of blank lines (Outlook writes an empty paragraph for each) become one.
 */

/** Elements whose content is never text the reader sees. */
const HIDDEN = /<(style|script|head|title|noscript|template|xml)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** One left open runs to the end of the mail: nothing after its opening tag is text either. */
const HIDDEN_UNCLOSED = /<(style|script|head|title|noscript|template|xml)\b[\s\S]*$/i;
const BREAK = /<br\b[^>]*>/gi;
const BLOCK = /<\/?(p|div|li|tr|h[1-6]|blockquote|table|ul|ol|pre|hr|section|article|header|footer)\b[^>]*>/gi;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function codePoint(code: number): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return codePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

function htmlAsText(html: string): string {
  const visible = html.replace(/<!--[\s\S]*?(-->|$)/g, '').replace(HIDDEN, '').replace(HIDDEN_UNCLOSED, '');
  // Source line breaks mean nothing in HTML; only the markup's do.
  const flowed = visible.replace(/\s+/g, ' ').replace(BREAK, '\n').replace(BLOCK, '\n');
  return decodeEntities(flowed.replace(/<[^>]*>/g, ''));
}

/** Line ends made one kind, spaces at line ends gone, no-break spaces plain, at most one blank line in a row. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function mailText(body: { contentType?: string | null; content?: string | null } | null | undefined): string {
  const content = body?.content ?? '';
  return tidy(body?.contentType?.toLowerCase() === 'html' ? htmlAsText(content) : content);
}

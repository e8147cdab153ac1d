/**
 * Tokenizer for OData common expressions ($filter, $orderby). Each token remembers where it
 * starts and ends so errors can name positions the way Microsoft.OData.Core does.
 *
 * Whitespace: the ABNF allows SP and HTAB between tokens (RWS/BWS); Microsoft.OData.Core skips any
 * whitespace, so CR and LF are skipped too. Whitespace is not required where the token boundary is
 * unambiguous (`(a eq 1)and(b eq 2)`), again like Microsoft.OData.Core; but a name glued to a quote
 * (`eq'x'`, `datetime'...'`) is a type-prefixed literal there, and is rejected here.
 */
import { ODataSyntaxError, invalidCharacterAt, unrecognizedLiteralAt, unterminatedStringAt } from './errors';
import { parseTemporal } from './temporal';

interface Span {
  start: number;
  /** Offset just past the token. */
  end: number;
}

export type Token = Span &
  (
    | { kind: 'identifier'; name: string }
    | { kind: 'string'; value: string }
    | { kind: 'number'; value: number }
    | { kind: 'datetime'; text: string }
    | { kind: 'guid'; text: string }
    | { kind: 'boolean'; value: boolean }
    | { kind: 'null' }
    | { kind: 'openParen' | 'closeParen' | 'comma' | 'slash' | 'colon' | 'end' }
  );

export type TokenKind = Token['kind'];

// Sticky patterns, each matching exactly one token at a given offset.
const IDENTIFIER = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]*/uy;
const IDENTIFIER_CHARACTER = /[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]/uy;
const GUID = /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/y;
const DATE_OR_DATETIME = /\d{4}-\d{2}-\d{2}(?:[Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Graph's wording for an unquoted date-time it cannot read (seen in Graph 400 bodies). */
const dateTimeOffsetFormatError = (literal: string): string =>
  `The DateTimeOffset text '${literal}' should be in format 'yyyy-mm-ddThh:mm:ss('.'s+)?(zzzzzz)?' and each field value is within valid range.`;

const SINGLE_CHARACTER_TOKENS: Readonly<Record<string, 'openParen' | 'closeParen' | 'comma' | 'slash' | 'colon'>> = {
  '(': 'openParen',
  ')': 'closeParen',
  ',': 'comma',
  '/': 'slash',
  ':': 'colon',
};

const isWhitespace = (character: string): boolean =>
  character === ' ' || character === '\t' || character === '\r' || character === '\n';

const isDigit = (character: string | undefined): boolean => character !== undefined && character >= '0' && character <= '9';

function matchAt(pattern: RegExp, text: string, position: number): string | undefined {
  pattern.lastIndex = position;
  const match = pattern.exec(text);
  return match === null ? undefined : match[0];
}

function identifierCharacterAt(text: string, position: number): boolean {
  return position < text.length && matchAt(IDENTIFIER_CHARACTER, text, position) !== undefined;
}

/**
 * Splits `text` into tokens, always ending with an `end` token at `text.length`.
 * `errorPrefix` is prepended to every error message (Graph says `Invalid filter clause: `).
 */
export function tokenize(text: string, errorPrefix: string): Token[] {
  const tokens: Token[] = [];
  const fail = (message: string, position: number): never => {
    throw new ODataSyntaxError(errorPrefix + message, position);
  };

  /** Reads a single-quoted string starting at `start`; `''` is one quote. Returns [value, end]. */
  const readString = (start: number): [string, number] => {
    let value = '';
    let segmentStart = start + 1;
    for (;;) {
      const quote = text.indexOf("'", segmentStart);
      if (quote === -1) return fail(unterminatedStringAt(text.length, text), text.length);
      value += text.slice(segmentStart, quote);
      if (text[quote + 1] === "'") {
        value += "'";
        segmentStart = quote + 2;
        continue;
      }
      return [value, quote + 1];
    }
  };

  let position = 0;
  while (position < text.length) {
    const character = text[position] ?? '';
    if (isWhitespace(character)) {
      position += 1;
      continue;
    }
    const start = position;

    const single = SINGLE_CHARACTER_TOKENS[character];
    if (single !== undefined) {
      tokens.push({ kind: single, start, end: start + 1 });
      position += 1;
      continue;
    }

    if (character === "'") {
      const [value, end] = readString(start);
      tokens.push({ kind: 'string', value, start, end });
      position = end;
      continue;
    }

    const guid = matchAt(GUID, text, start);
    if (guid !== undefined && !identifierCharacterAt(text, start + guid.length)) {
      tokens.push({ kind: 'guid', text: guid, start, end: start + guid.length });
      position += guid.length;
      continue;
    }

    if (isDigit(character)) {
      const temporal = matchAt(DATE_OR_DATETIME, text, start);
      if (temporal !== undefined) {
        const parts = parseTemporal(temporal);
        if (parts === undefined || (parts.hasTime && !parts.hasOffset)) {
          fail(
            parts === undefined && !temporal.includes('T') && !temporal.includes('t')
              ? unrecognizedLiteralAt('Edm.Date', temporal, start, text)
              : dateTimeOffsetFormatError(temporal),
            start,
          );
        }
        tokens.push({ kind: 'datetime', text: temporal, start, end: start + temporal.length });
        position += temporal.length;
        continue;
      }
    }

    if (isDigit(character) || (character === '-' && isDigit(text[start + 1]))) {
      const number = matchAt(NUMBER, text, start) ?? '';
      tokens.push({ kind: 'number', value: Number(number), start, end: start + number.length });
      position += number.length;
      continue;
    }

    if (character === '-' && text.startsWith('-INF', start) && !identifierCharacterAt(text, start + 4)) {
      tokens.push({ kind: 'number', value: Number.NEGATIVE_INFINITY, start, end: start + 4 });
      position += 4;
      continue;
    }

    const identifier = matchAt(IDENTIFIER, text, start);
    if (identifier !== undefined) {
      const end = start + identifier.length;
      if (text[end] === "'") {
        // A type-prefixed literal: binary'..', duration'..', or OData v2/v3's datetime'..', which v4 dropped.
        const [, literalEnd] = readString(end);
        fail(unrecognizedLiteralAt('Edm.String', text.slice(start, literalEnd), start, text), start);
      }
      tokens.push(identifierToken(identifier, start, end));
      position = end;
      continue;
    }

    const codePoint = text.codePointAt(start) ?? 0;
    fail(invalidCharacterAt(String.fromCodePoint(codePoint), start, text), start);
  }
  tokens.push({ kind: 'end', start: text.length, end: text.length });
  return tokens;
}

/** `true`, `false`, `null` are case-sensitive in the ABNF (`%s"null"`), and so in Microsoft.OData.Core. */
function identifierToken(name: string, start: number, end: number): Token {
  switch (name) {
    case 'true':
      return { kind: 'boolean', value: true, start, end };
    case 'false':
      return { kind: 'boolean', value: false, start, end };
    case 'null':
      return { kind: 'null', start, end };
    case 'INF':
      return { kind: 'number', value: Number.POSITIVE_INFINITY, start, end };
    case 'NaN':
      return { kind: 'number', value: Number.NaN, start, end };
    default:
      return { kind: 'identifier', name, start, end };
  }
}

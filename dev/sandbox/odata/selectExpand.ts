/**
 * `$select`, `$expand` and `$top`.
 *
 * Select and expand terms are property paths (`id`, `fields`, `microsoft.graph.fileAttachment/contentId`)
 * or `*`. Whitespace around terms is ignored, as Microsoft.OData.Core's select/expand lexer does.
 * Expand options go in parentheses, separated by `;`; option names are case-insensitive. The `$` is
 * optional here unless `requireDollar` is set: Graph's examples leave it out, but Graph has answered
 * `$expand=fields(select=ContentType)` with 400 (microsoftgraph/microsoft-graph-docs-contrib #4025), so a
 * module may insist on it. Quoted text inside options is data, so
 * `;`, `,` and `)` inside a `$filter` string literal do not end the option.
 */
import type { ExpandItem } from './ast';
import { ODataSyntaxError, syntaxErrorAt, termNotValid, unterminatedStringAt } from './errors';
import { parseFilter } from './filterParser';
import { parseOrderBy } from './orderBy';

/** Nested `$expand` levels accepted before giving up on hostile input. */
const MAX_EXPAND_DEPTH = 20;

// Single-token patterns: an OData identifier, and a namespace-qualified name.
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]*$/u;
const QUALIFIED_NAME = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]*(?:\.[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]*)+$/u;
const ALL_OPERATIONS_IN_SCHEMA = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]*(?:\.[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]*)*\.\*$/u;
const DIGITS = /^\d+$/;

/** `*`, or `/`-separated identifiers and qualified names; `ns.*` may end a select path. */
function isValidTermPath(term: string, allowOperationsWildcard: boolean): boolean {
  if (term === '*') return true;
  const segments = term.split('/');
  return segments.every((segment, index) => {
    if (IDENTIFIER.test(segment) || QUALIFIED_NAME.test(segment)) return true;
    return allowOperationsWildcard && index === segments.length - 1 && ALL_OPERATIONS_IN_SCHEMA.test(segment);
  });
}

/** Comma-separated terms; an empty or blank `$select` means no selection and yields []. */
export function parseSelect(text: string): string[] {
  if (text.trim() === '') return [];
  const terms: string[] = [];
  let start = 0;
  for (const raw of text.split(',')) {
    const term = raw.trim();
    if (!isValidTermPath(term, true)) {
      throw new ODataSyntaxError(termNotValid(term === '' ? text : term), start + (raw.length - raw.trimStart().length));
    }
    terms.push(term);
    start += raw.length + 1;
  }
  return terms;
}

export function parseTop(text: string): number {
  const value = DIGITS.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw new ODataSyntaxError(
      `Invalid value '${text}' for $top query option found. The $top query option requires a non-negative integer value.`,
      0,
    );
  }
  return value;
}

export interface ExpandOptions {
  /** Refuse nested options written without `$`, with Graph's "Parsing OData Select and Expand failed" message. */
  requireDollar?: boolean;
}

export function parseExpand(text: string, options: ExpandOptions = {}): ExpandItem[] {
  return parseExpandAt(text, 0, options);
}

interface Piece {
  text: string;
  /** Offset of `text` within the string that was split. */
  start: number;
}

/**
 * Splits on `separator` where it is outside quotes and parentheses. Throws on unbalanced
 * parentheses or an unterminated string, naming the position in `text`.
 */
function splitTopLevel(text: string, separator: ',' | ';'): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let inString = false;
  let pieceStart = 0;
  for (let position = 0; position < text.length; position += 1) {
    const character = text[position];
    if (inString) {
      // `''` inside a string closes and reopens it, which leaves the state unchanged.
      if (character === "'") inString = false;
      continue;
    }
    if (character === "'") inString = true;
    else if (character === '(') depth += 1;
    else if (character === ')') {
      depth -= 1;
      if (depth < 0) throw new ODataSyntaxError(syntaxErrorAt(position + 1, text), position + 1);
    } else if (character === separator && depth === 0) {
      pieces.push({ text: text.slice(pieceStart, position), start: pieceStart });
      pieceStart = position + 1;
    }
  }
  if (inString) throw new ODataSyntaxError(unterminatedStringAt(text.length, text), text.length);
  if (depth > 0) throw new ODataSyntaxError(`')' expected at position ${text.length} in '${text}'.`, text.length);
  pieces.push({ text: text.slice(pieceStart), start: pieceStart });
  return pieces;
}

function parseExpandAt(text: string, depth: number, options: ExpandOptions): ExpandItem[] {
  if (depth >= MAX_EXPAND_DEPTH) {
    throw new ODataSyntaxError(`$expand is nested more than ${MAX_EXPAND_DEPTH} levels deep in '${text}'.`, 0);
  }
  if (text.trim() === '') return [];
  return splitTopLevel(text, ',').map((piece) => parseExpandItem(piece, text, depth, options));
}

function parseExpandItem(piece: Piece, whole: string, depth: number, options: ExpandOptions): ExpandItem {
  const open = piece.text.indexOf('(');
  const property = (open === -1 ? piece.text : piece.text.slice(0, open)).trim();
  if (!isValidTermPath(property, false)) {
    throw new ODataSyntaxError(termNotValid(property === '' ? whole : property), piece.start);
  }
  const item: ExpandItem = { property };
  if (open === -1) return item;

  // splitTopLevel guarantees balance, so the options end at the last ')' of the piece.
  const close = piece.text.lastIndexOf(')');
  if (piece.text.slice(close + 1).trim() !== '') {
    const position = piece.start + close + 1;
    throw new ODataSyntaxError(syntaxErrorAt(position + 1, whole), position + 1);
  }
  const optionsText = piece.text.slice(open + 1, close);
  const seen = new Set<string>();
  for (const option of splitTopLevel(optionsText, ';')) {
    const equals = option.text.indexOf('=');
    const position = piece.start + open + 1 + option.start;
    if (equals === -1) throw new ODataSyntaxError(syntaxErrorAt(position + option.text.length, whole), position);
    const rawName = option.text.slice(0, equals).trim();
    if (options.requireDollar && !rawName.startsWith('$')) {
      throw new ODataSyntaxError(`Parsing OData Select and Expand failed: ${termNotValid(`(${optionsText})`)}`, position);
    }
    const name = (rawName.startsWith('$') ? rawName.slice(1) : rawName).toLowerCase();
    const value = option.text.slice(equals + 1).trim();
    if (seen.has(name)) {
      throw new ODataSyntaxError(`Query option '$${name}' was specified more than once, but it must be specified at most once.`, position);
    }
    seen.add(name);
    switch (name) {
      case 'select':
        item.select = parseSelect(value);
        break;
      case 'filter':
        item.filter = parseFilter(value);
        break;
      case 'orderby':
        item.orderBy = parseOrderBy(value);
        break;
      case 'top':
        item.top = parseTop(value);
        break;
      case 'expand':
        item.expand = parseExpandAt(value, depth + 1, options);
        break;
      default:
        throw new ODataSyntaxError(
          `The query option '${rawName}' is not supported inside $expand (supported: $select, $filter, $orderby, $top, $expand).`,
          position,
        );
    }
  }
  return item;
}

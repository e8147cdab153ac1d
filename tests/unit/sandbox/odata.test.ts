/**
 * $filter parsing: AST shapes, precedence, operators, functions, lambdas, literals,
 * error messages with positions, and hostile literals that must stay data.
 */
import { ODataSyntaxError, parseFilter, type Expr } from '../../../dev/sandbox/odata';

const prop = (...path: string[]): Expr => ({ kind: 'property', path });
const str = (value: string): Expr => ({ kind: 'literal', type: 'string', value });
const num = (value: number): Expr => ({ kind: 'literal', type: 'number', value });
const bool = (value: boolean): Expr => ({ kind: 'literal', type: 'boolean', value });
const nul: Expr = { kind: 'literal', type: 'null', value: null };
const dt = (value: string): Expr => ({ kind: 'literal', type: 'datetime', value });
const guid = (value: string): Expr => ({ kind: 'literal', type: 'guid', value });
type BinaryOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'and' | 'or';
const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });
const not = (operand: Expr): Expr => ({ kind: 'not', operand });
const inList = (left: Expr, ...values: Expr[]): Expr => ({ kind: 'in', left, values });
const call = (name: 'startswith' | 'endswith' | 'contains' | 'tolower' | 'toupper', ...args: Expr[]): Expr => ({ kind: 'call', name, args });
const lambda = (op: 'any' | 'all', collection: string[], variable: string, predicate: Expr | null): Expr => ({
  kind: 'lambda',
  op,
  collection,
  variable,
  predicate,
});

/** Runs parseFilter expecting failure; returns the error for assertions. */
function parseError(text: string): ODataSyntaxError {
  try {
    parseFilter(text);
  } catch (error) {
    if (error instanceof ODataSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected parseFilter(${JSON.stringify(text)}) to throw`);
}

describe('parseFilter literals', () => {
  it.each<[string, Expr]>([
    ["'x'", str('x')],
    ["''", str('')],
    ["'O''Brien'", str("O'Brien")],
    ["''''", str("'")],
    ["'it''s ''quoted'''", str("it's 'quoted'")],
    ['42', num(42)],
    ['-42', num(-42)],
    ['0', num(0)],
    ['3.25', num(3.25)],
    ['-0.5', num(-0.5)],
    ['1e3', num(1000)],
    ['2.5E-2', num(0.025)],
    ['1e+2', num(100)],
    ['INF', num(Number.POSITIVE_INFINITY)],
    ['-INF', num(Number.NEGATIVE_INFINITY)],
    ['true', bool(true)],
    ['false', bool(false)],
    ['null', nul],
    ['2024-01-01T00:00:00Z', dt('2024-01-01T00:00:00Z')],
    ['2024-01-01T09:30:00+02:00', dt('2024-01-01T09:30:00+02:00')],
    ['2024-01-01T09:30:00-05:30', dt('2024-01-01T09:30:00-05:30')],
    ['2024-01-01T09:30:00.1234567Z', dt('2024-01-01T09:30:00.1234567Z')],
    ['2024-01-01T09:30Z', dt('2024-01-01T09:30Z')],
    ['2024-02-29', dt('2024-02-29')],
    ['01234567-89ab-cdef-0123-456789abcdef', guid('01234567-89ab-cdef-0123-456789abcdef')],
    ['ABCDEF01-89AB-CDEF-0123-456789ABCDEF', guid('ABCDEF01-89AB-CDEF-0123-456789ABCDEF')],
  ])('a eq %s', (literalText, literal) => {
    expect(parseFilter(`a eq ${literalText}`)).toEqual(bin('eq', prop('a'), literal));
  });

  it('reads NaN as a number literal', () => {
    const parsed = parseFilter('a eq NaN');
    expect(parsed.kind === 'binary' && parsed.right.kind === 'literal' && Number.isNaN(parsed.right.value)).toBe(true);
  });

  it.each([
    ['True', prop('True')],
    ['NULL', prop('NULL')],
    ['False', prop('False')],
  ])('treats %s as a property because true/false/null are case-sensitive', (word, expected) => {
    expect(parseFilter(`a eq ${word}`)).toEqual(bin('eq', prop('a'), expected));
  });

  it('accepts a bare boolean literal or property as the whole filter', () => {
    expect(parseFilter('true')).toEqual(bool(true));
    expect(parseFilter('isRead')).toEqual(prop('isRead'));
  });
});

describe('parseFilter operators and functions', () => {
  it.each<[string, Expr]>([
    ["subject eq 'x'", bin('eq', prop('subject'), str('x'))],
    ["subject ne 'x'", bin('ne', prop('subject'), str('x'))],
    ['size gt 5', bin('gt', prop('size'), num(5))],
    ['size ge 5', bin('ge', prop('size'), num(5))],
    ['size lt 5', bin('lt', prop('size'), num(5))],
    ['size le 5', bin('le', prop('size'), num(5))],
    ['isRead and hasAttachments', bin('and', prop('isRead'), prop('hasAttachments'))],
    ['isRead or hasAttachments', bin('or', prop('isRead'), prop('hasAttachments'))],
    ['not isRead', not(prop('isRead'))],
    ["importance in ('high', 'low')", inList(prop('importance'), str('high'), str('low'))],
    ['size in (1,2,3)', inList(prop('size'), num(1), num(2), num(3))],
    ['size in ()', inList(prop('size'))],
    ['a in (null, true, 2024-01-01T00:00:00Z)', inList(prop('a'), nul, bool(true), dt('2024-01-01T00:00:00Z'))],
    ["startswith(subject,'Re:')", call('startswith', prop('subject'), str('Re:'))],
    ["endswith(from/emailAddress/address,'@contoso.com')", call('endswith', prop('from', 'emailAddress', 'address'), str('@contoso.com'))],
    ["contains(fields/Title, 'plan')", call('contains', prop('fields', 'Title'), str('plan'))],
    ["tolower(subject) eq 'x'", bin('eq', call('tolower', prop('subject')), str('x'))],
    ["toupper(subject) eq 'X'", bin('eq', call('toupper', prop('subject')), str('X'))],
    ["startswith(tolower(subject), 'x')", call('startswith', call('tolower', prop('subject')), str('x'))],
    ["fields/Email eq 'a@b.c'", bin('eq', prop('fields', 'Email'), str('a@b.c'))],
    ["flag/flagStatus eq 'flagged'", bin('eq', prop('flag', 'flagStatus'), str('flagged'))],
    ['fields/Título eq 1', bin('eq', prop('fields', 'Título'), num(1))],
    ['fields/Due_x0020_Date eq null', bin('eq', prop('fields', 'Due_x0020_Date'), nul)],
    ["'x' eq subject", bin('eq', str('x'), prop('subject'))],
  ])('%s', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  // OData 4.01 requires case-insensitive operator, lambda and canonical function names, and
  // Graph accepts e.g. NOT(groupTypes/any(...)) and startsWith(...).
  it.each<[string, Expr]>([
    ['a EQ 1', bin('eq', prop('a'), num(1))],
    ['a Ne 1 AND b gE 2', bin('and', bin('ne', prop('a'), num(1)), bin('ge', prop('b'), num(2)))],
    ['a Or b', bin('or', prop('a'), prop('b'))],
    ["NOT(groupTypes/any(c:c eq 'Unified'))", not(lambda('any', ['groupTypes'], 'c', bin('eq', prop('c'), str('Unified'))))],
    ["startsWith(displayName,'a')", call('startswith', prop('displayName'), str('a'))],
    ["ENDSWITH(mail,'@x.com')", call('endswith', prop('mail'), str('@x.com'))],
    ["toLower(a) eq 'x'", bin('eq', call('tolower', prop('a')), str('x'))],
    ["a IN ('x')", inList(prop('a'), str('x'))],
    ['tags/ALL(t: t ne 1)', lambda('all', ['tags'], 't', bin('ne', prop('t'), num(1)))],
  ])('matches keywords case-insensitively: %s', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it.each<[string, Expr]>([
    ['a  eq\t1', bin('eq', prop('a'), num(1))],
    ['   a eq 1   ', bin('eq', prop('a'), num(1))],
    ['a eq 1\r\nand b eq 2', bin('and', bin('eq', prop('a'), num(1)), bin('eq', prop('b'), num(2)))],
    ['(a eq 1)and(b eq 2)', bin('and', bin('eq', prop('a'), num(1)), bin('eq', prop('b'), num(2)))],
    ["startswith( subject , 'x' )", call('startswith', prop('subject'), str('x'))],
  ])('handles whitespace: %j', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });
});

describe('parseFilter precedence (not > relational > equality > and > or)', () => {
  const a = prop('a');
  const b = prop('b');
  const c = prop('c');
  it.each<[string, Expr]>([
    ['a or b and c', bin('or', a, bin('and', b, c))],
    ['a and b or c', bin('or', bin('and', a, b), c)],
    ['(a or b) and c', bin('and', bin('or', a, b), c)],
    ['a or b or c', bin('or', bin('or', a, b), c)],
    ['a and b and c', bin('and', bin('and', a, b), c)],
    ['not a and b', bin('and', not(a), b)],
    ['not a or b', bin('or', not(a), b)],
    ['not not a', not(not(a))],
    ['not (a eq 1)', not(bin('eq', a, num(1)))],
    // `not` binds tighter than comparisons (OData 4.01 §5.1.1.16), so this compares `not a` with true.
    ['not a eq true', bin('eq', not(a), bool(true))],
    ['a eq 1 and b lt 2 or not c', bin('or', bin('and', bin('eq', a, num(1)), bin('lt', b, num(2))), not(c))],
    ['a eq 1 or b eq 2 and c eq 3', bin('or', bin('eq', a, num(1)), bin('and', bin('eq', b, num(2)), bin('eq', c, num(3))))],
    ['a gt 1 eq true', bin('eq', bin('gt', a, num(1)), bool(true))],
    ['true eq a gt 1', bin('eq', bool(true), bin('gt', a, num(1)))],
    ['a eq true ne false', bin('ne', bin('eq', a, bool(true)), bool(false))],
    ["not a in ('x')", not(inList(a, str('x')))],
    ["a in ('x') and b", bin('and', inList(a, str('x')), b)],
    ['((a))', a],
    ["not startswith(a,'x') and b", bin('and', not(call('startswith', a, str('x'))), b)],
  ])('%s', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });
});

describe('parseFilter lambdas', () => {
  it.each<[string, Expr]>([
    [
      "toRecipients/any(r: r/emailAddress/address eq 'x@y.z')",
      lambda('any', ['toRecipients'], 'r', bin('eq', prop('r', 'emailAddress', 'address'), str('x@y.z'))),
    ],
    ["categories/any(c: c eq 'Trail')", lambda('any', ['categories'], 'c', bin('eq', prop('c'), str('Trail')))],
    ["categories/all(c: c ne 'Junk')", lambda('all', ['categories'], 'c', bin('ne', prop('c'), str('Junk')))],
    ['categories/any()', lambda('any', ['categories'], '', null)],
    ['categories/any( )', lambda('any', ['categories'], '', null)],
    ['fields/Tags/any(t:t eq 1)', lambda('any', ['fields', 'Tags'], 't', bin('eq', prop('t'), num(1)))],
    // A path not starting with the variable refers to the outer item.
    ['items/any(i: i/price gt limit)', lambda('any', ['items'], 'i', bin('gt', prop('i', 'price'), prop('limit')))],
    [
      'orders/any(o: o/lines/any(l: l/qty gt o/minimum))',
      lambda('any', ['orders'], 'o', lambda('any', ['o', 'lines'], 'l', bin('gt', prop('l', 'qty'), prop('o', 'minimum')))),
    ],
    [
      "not toRecipients/any(r: startswith(r/emailAddress/address, 'a'))",
      not(lambda('any', ['toRecipients'], 'r', call('startswith', prop('r', 'emailAddress', 'address'), str('a')))),
    ],
    // `any`/`all` are only lambdas when followed by `(`; otherwise they are property names.
    ['fields/any eq 1', bin('eq', prop('fields', 'any'), num(1))],
  ])('%s', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it('allows the same variable name again once the first lambda has closed', () => {
    expect(parseFilter('a/any(x: x eq 1) and b/any(x: x eq 2)')).toEqual(
      bin('and', lambda('any', ['a'], 'x', bin('eq', prop('x'), num(1))), lambda('any', ['b'], 'x', bin('eq', prop('x'), num(2)))),
    );
  });
});

describe('parseFilter errors name the position', () => {
  const deepParens = `${'('.repeat(150)}a${')'.repeat(150)}`;
  const deepNots = `${'not '.repeat(150)}a`;
  it.each<[string, string, number]>([
    // Messages and positions observed in Graph 400 bodies.
    ['iswhatever 12', "Invalid filter clause: Syntax error at position 13 in 'iswhatever 12'.", 13],
    [
      "jobtitle ge '!' , accountenabled eq true",
      "Invalid filter clause: Syntax error at position 17 in 'jobtitle ge '!' , accountenabled eq true'.",
      17,
    ],
    [
      'start/dateTime ge 2017-05-26T00:00:00',
      "Invalid filter clause: The DateTimeOffset text '2017-05-26T00:00:00' should be in format 'yyyy-mm-ddThh:mm:ss('.'s+)?(zzzzzz)?' and each field value is within valid range.",
      18,
    ],
    // Empty and incomplete input.
    ['', "Invalid filter clause: Expression expected at position 0 in ''.", 0],
    ['   ', "Invalid filter clause: Expression expected at position 3 in '   '.", 3],
    ['fields/Title eq', "Invalid filter clause: Expression expected at position 15 in 'fields/Title eq'.", 15],
    ['a eq 1 and', "Invalid filter clause: Expression expected at position 10 in 'a eq 1 and'.", 10],
    ['not', "Invalid filter clause: Expression expected at position 3 in 'not'.", 3],
    ['a/(b) eq 1', "Invalid filter clause: Syntax error at position 3 in 'a/(b) eq 1'.", 3],
    // Like Microsoft.OData.Core, a name glued to a quote reads as a type-prefixed literal.
    ["a eq'x'", "Invalid filter clause: Unrecognized 'Edm.String' literal 'eq'x'' at '2' in 'a eq'x''.", 2],
    // Trailing garbage.
    ['a eq 1)', "Invalid filter clause: Syntax error at position 7 in 'a eq 1)'.", 7],
    ['a eq 1 b', "Invalid filter clause: Syntax error at position 8 in 'a eq 1 b'.", 8],
    ['a eq 1 asc', "Invalid filter clause: Syntax error at position 10 in 'a eq 1 asc'.", 10],
    ['(a eq 1', "Invalid filter clause: ')' or operator expected at position 7 in '(a eq 1'.", 7],
    // Strings.
    ["subject eq 'abc", "Invalid filter clause: There is an unterminated string literal at position 15 in 'subject eq 'abc'.", 15],
    ["subject eq 'it''s", "Invalid filter clause: There is an unterminated string literal at position 17 in 'subject eq 'it''s'.", 17],
    [
      "a eq datetime'2024-01-01T00:00:00'",
      "Invalid filter clause: Unrecognized 'Edm.String' literal 'datetime'2024-01-01T00:00:00'' at '5' in 'a eq datetime'2024-01-01T00:00:00''.",
      5,
    ],
    // Functions.
    ['foo(a)', "Invalid filter clause: An unknown function with name 'foo' was found at position 0 in 'foo(a)'.", 0],
    ['a eq substring(b,1)', "Invalid filter clause: An unknown function with name 'substring' was found at position 5 in 'a eq substring(b,1)'.", 5],
    ['a/fn() eq 1', "Invalid filter clause: An unknown function with name 'fn' was found at position 2 in 'a/fn() eq 1'.", 2],
    [
      'startswith(a)',
      "Invalid filter clause: No function signature for the function with name 'startswith' matches the specified arguments at position 0 in 'startswith(a)'. The function signatures considered are: startswith(Edm.String Nullable=true, Edm.String Nullable=true).",
      0,
    ],
    [
      "x and tolower(a, b) eq 'x'",
      "Invalid filter clause: No function signature for the function with name 'tolower' matches the specified arguments at position 6 in 'x and tolower(a, b) eq 'x''. The function signatures considered are: tolower(Edm.String Nullable=true).",
      6,
    ],
    ["contains(a 'x')", "Invalid filter clause: ')' or ',' expected at position 11 in 'contains(a 'x')'.", 11],
    // Characters outside the grammar.
    ['a eq #', "Invalid filter clause: Syntax error: character '#' is not valid at position 5 in 'a eq #'.", 5],
    ['a eq 😀', "Invalid filter clause: Syntax error: character '😀' is not valid at position 5 in 'a eq 😀'.", 5],
    ['$it eq 1', "Invalid filter clause: Syntax error: character '$' is not valid at position 0 in '$it eq 1'.", 0],
    ['a eq @p1', "Invalid filter clause: Syntax error: character '@' is not valid at position 5 in 'a eq @p1'.", 5],
    ['a eq -b', "Invalid filter clause: Syntax error: character '-' is not valid at position 5 in 'a eq -b'.", 5],
    ['a.b eq 1', "Invalid filter clause: Syntax error: character '.' is not valid at position 1 in 'a.b eq 1'.", 1],
    // Dates out of range.
    ['a eq 2024-13-01', "Invalid filter clause: Unrecognized 'Edm.Date' literal '2024-13-01' at '5' in 'a eq 2024-13-01'.", 5],
    [
      'a eq 2023-02-29T00:00:00Z',
      "Invalid filter clause: The DateTimeOffset text '2023-02-29T00:00:00Z' should be in format 'yyyy-mm-ddThh:mm:ss('.'s+)?(zzzzzz)?' and each field value is within valid range.",
      5,
    ],
    [
      'a eq 2024-01-01T24:00:00Z',
      "Invalid filter clause: The DateTimeOffset text '2024-01-01T24:00:00Z' should be in format 'yyyy-mm-ddThh:mm:ss('.'s+)?(zzzzzz)?' and each field value is within valid range.",
      5,
    ],
    // Lambdas.
    ['categories/all()', "Invalid filter clause: Expression expected at position 15 in 'categories/all()'.", 15],
    ['categories/any(c c eq 1)', "Invalid filter clause: Syntax error at position 18 in 'categories/any(c c eq 1)'.", 18],
    ["categories/any(1: 1 eq 1)", "Invalid filter clause: Syntax error at position 16 in 'categories/any(1: 1 eq 1)'.", 16],
    [
      'a/any(x: x/any(x: x eq 1))',
      "Invalid filter clause: The range variable 'x' has already been declared at position 15 in 'a/any(x: x/any(x: x eq 1))'.",
      15,
    ],
    ['a/any(x: x eq 1', "Invalid filter clause: ')' or operator expected at position 15 in 'a/any(x: x eq 1'.", 15],
    // `in` takes a parenthesised list of literals.
    ["a in 'x'", "Invalid filter clause: '(' expected at position 5 in 'a in 'x''.", 5],
    ['a in (b)', "Invalid filter clause: Syntax error at position 7 in 'a in (b)'.", 7],
    ["a in ('x' 'y')", "Invalid filter clause: ')' or ',' expected at position 10 in 'a in ('x' 'y')'.", 10],
    ["a in ('x',)", "Invalid filter clause: Syntax error at position 11 in 'a in ('x',)'.", 11],
    // Types that can be known without a schema.
    ["'abc'", 'Invalid filter clause: The $filter expression must evaluate to a single boolean value.', 0],
    ['tolower(a)', 'Invalid filter clause: The $filter expression must evaluate to a single boolean value.', 0],
    [
      "'a' eq 1",
      "Invalid filter clause: A binary operator with incompatible types was detected. Found operand types 'Edm.String' and 'Edm.Int32' for operator kind 'Equal' at position 4 in ''a' eq 1'.",
      4,
    ],
    [
      "not subject eq 'x'",
      "Invalid filter clause: A binary operator with incompatible types was detected. Found operand types 'Edm.Boolean' and 'Edm.String' for operator kind 'Equal' at position 12 in 'not subject eq 'x''.",
      12,
    ],
    [
      "a eq 1 and 'x'",
      "Invalid filter clause: A binary operator with incompatible types was detected. Found operand type 'Edm.String' for operator kind 'And' at position 11 in 'a eq 1 and 'x''.",
      11,
    ],
    [
      "not 'x'",
      "Invalid filter clause: A unary operator with an incompatible type was detected. Found operand type 'Edm.String' for operator kind 'Not' at position 0 in 'not 'x''.",
      0,
    ],
    // Hostile nesting fails cleanly instead of overflowing the stack.
    [deepParens, `Invalid filter clause: The expression is nested more than 100 levels deep at position 100 in '${deepParens}'.`, 100],
    [deepNots, `Invalid filter clause: The expression is nested more than 100 levels deep at position 400 in '${deepNots}'.`, 400],
  ])('%j', (text, message, position) => {
    const error = parseError(text);
    expect(error).toBeInstanceOf(ODataSyntaxError);
    expect(error.message).toBe(message);
    expect(error.position).toBe(position);
  });

  it('is an Error with its own name, so handlers can tell it from bugs', () => {
    const error = parseError('a eq');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ODataSyntaxError');
  });
});

describe('parseFilter keeps hostile literals as data', () => {
  /** How a client would embed an arbitrary value: double every quote. */
  const quote = (value: string): string => `'${value.replaceAll("'", "''")}'`;
  const longValue = `${"x'y".repeat(3000)}${'z'.repeat(1000)}`;

  it.each<[string, string]>([
    ['OData keywords', 'a and b eq 1'],
    ['a closing parenthesis', ')'],
    ['an opening parenthesis and comma', "(, 'x'"],
    ['percent-encoded quote text', '%27'],
    ['percent-encoded everything', '%28%29%2C%27%20'],
    ['a fake second clause', "x' or '1' eq '1"],
    ['the name O’Brien with an ASCII quote', "O'Brien"],
    ['only quotes', "''''"],
    ['emoji', '📎 Trail 🎉👩‍👩‍👧'],
    ['right-to-left marks and overrides', '\u202Eabc\u200F\u200E'],
    ['leading and trailing whitespace', '  padded  '],
    ['control characters', 'line1\nline2\tend\u0000'],
    ['literal words', 'null'],
    ['a lambda look-alike', "r/any(r: r eq 'x')"],
    ['a 10,000-character value with quotes', longValue],
  ])('%s', (_description, value) => {
    expect(parseFilter(`subject eq ${quote(value)}`)).toEqual(bin('eq', prop('subject'), str(value)));
  });

  it('keeps a 10,000-character value intact', () => {
    expect(longValue.length).toBe(10_000);
    const parsed = parseFilter(`subject eq ${quote(longValue)}`);
    expect(parsed.kind === 'binary' && parsed.right.kind === 'literal' ? parsed.right.value : undefined).toBe(longValue);
  });

  it('keeps hostile values as data inside in-lists, functions and lambdas', () => {
    const value = "') or true or ('";
    expect(parseFilter(`a in (${quote(value)}, 'b')`)).toEqual(inList(prop('a'), str(value), str('b')));
    expect(parseFilter(`contains(subject, ${quote(value)})`)).toEqual(call('contains', prop('subject'), str(value)));
    expect(parseFilter(`categories/any(c: c eq ${quote(value)})`)).toEqual(lambda('any', ['categories'], 'c', bin('eq', prop('c'), str(value))));
  });
});

/**
 * Recursive-descent parser for `$filter` expressions, following the OData 4.01 ABNF (`commonExpr`)
 * as Microsoft.OData.Core (which Graph runs) reads it. Precedence, highest first, per OData 4.01
 * Part 2 §5.1.1.16: grouping `( )`; primary (`/` paths, lambdas, function calls, `in`); unary `not`;
 * relational `gt ge lt le`; equality `eq ne`; `and`; `or`. Binary operators are left-associative.
 *
 * Operator, lambda and function names are matched case-insensitively (OData 4.01 requires it and
 * Graph accepts `NOT(...)` and `startsWith(...)`); `true`, `false` and `null` are case-sensitive,
 * and so are lambda variable names.
 */
import {
  FUNCTION_ARITY,
  FUNCTION_SIGNATURE,
  isFunctionName,
  type ComparisonOperator,
  type Expr,
  type LiteralType,
  type LogicalOperator,
} from './ast';
import {
  FILTER_ERROR_PREFIX,
  ODataSyntaxError,
  closeParenOrCommaExpectedAt,
  closeParenOrOperatorExpectedAt,
  expressionExpectedAt,
  openParenExpectedAt,
  syntaxErrorAt,
} from './errors';
import { tokenize, type Token } from './lexer';

/** Nesting guard so hostile input (`((((...` or `not not not ...`) fails cleanly instead of overflowing the stack. */
const MAX_NESTING_DEPTH = 100;

const EQUALITY_OPERATORS: readonly ComparisonOperator[] = ['eq', 'ne'];
const RELATIONAL_OPERATORS: readonly ComparisonOperator[] = ['gt', 'ge', 'lt', 'le'];

/** Microsoft.OData.Core's names for operators, used in type-mismatch messages. */
const OPERATOR_KIND: Readonly<Record<ComparisonOperator | LogicalOperator, string>> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
  and: 'And',
  or: 'Or',
};

const LITERAL_EDM_TYPE: Readonly<Record<Exclude<LiteralType, 'null' | 'number'>, string>> = {
  string: 'Edm.String',
  boolean: 'Edm.Boolean',
  datetime: 'Edm.DateTimeOffset',
  guid: 'Edm.Guid',
};

/**
 * The EDM type of an expression when it can be known without a schema; undefined for property
 * paths and `null`, which are compatible with anything here.
 */
function staticEdmType(expr: Expr): string | undefined {
  switch (expr.kind) {
    case 'literal':
      if (expr.type === 'null') return undefined;
      if (expr.type === 'number') return Number.isInteger(expr.value) ? 'Edm.Int32' : 'Edm.Double';
      if (expr.type === 'datetime' && typeof expr.value === 'string' && !expr.value.includes('T') && !expr.value.includes('t')) {
        return 'Edm.Date';
      }
      return LITERAL_EDM_TYPE[expr.type];
    case 'property':
      return undefined;
    case 'call':
      return expr.name === 'tolower' || expr.name === 'toupper' ? 'Edm.String' : 'Edm.Boolean';
    default:
      return 'Edm.Boolean';
  }
}

/** Types that compare with each other: all numbers together, Date with DateTimeOffset. */
function comparisonFamily(edmType: string): string {
  if (edmType === 'Edm.Int32' || edmType === 'Edm.Double') return 'number';
  if (edmType === 'Edm.Date' || edmType === 'Edm.DateTimeOffset') return 'temporal';
  return edmType;
}

export function parseFilter(text: string): Expr {
  const parser = new ExpressionParser(text, tokenize(text, FILTER_ERROR_PREFIX), FILTER_ERROR_PREFIX);
  const expr = parser.parseExpression();
  parser.expectEnd();
  const edmType = staticEdmType(expr);
  if (edmType !== undefined && edmType !== 'Edm.Boolean') {
    throw new ODataSyntaxError(`${FILTER_ERROR_PREFIX}The $filter expression must evaluate to a single boolean value.`, 0);
  }
  return expr;
}

class ExpressionParser {
  private index = 0;
  private depth = 0;
  /** Lambda variables in scope, innermost last. */
  private readonly variables: string[] = [];
  private readonly endToken: Token;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly errorPrefix: string,
  ) {
    // tokenize() always finishes with an `end` token; the parser never advances past it.
    this.endToken = tokens[tokens.length - 1] ?? { kind: 'end', start: text.length, end: text.length };
  }

  parseExpression(): Expr {
    this.enterNesting();
    const expr = this.parseLogical('or', () => this.parseLogical('and', () => this.parseEquality()));
    this.depth -= 1;
    return expr;
  }

  expectEnd(): void {
    const token = this.current();
    if (token.kind !== 'end') this.fail(syntaxErrorAt(token.end, this.text), token.end);
  }

  private parseLogical(op: LogicalOperator, parseOperand: () => Expr): Expr {
    const leftStart = this.current().start;
    let left = parseOperand();
    while (this.isKeyword(this.current(), op)) {
      this.advance();
      this.requireBooleanOperand(left, op, leftStart);
      const rightStart = this.current().start;
      const right = parseOperand();
      this.requireBooleanOperand(right, op, rightStart);
      left = { kind: 'binary', op, left, right };
    }
    return left;
  }

  private parseEquality(): Expr {
    return this.parseComparisons(EQUALITY_OPERATORS, () => this.parseRelational());
  }

  private parseRelational(): Expr {
    return this.parseComparisons(RELATIONAL_OPERATORS, () => this.parseUnary());
  }

  private parseComparisons(operators: readonly ComparisonOperator[], parseOperand: () => Expr): Expr {
    let left = parseOperand();
    for (;;) {
      const token = this.current();
      const op = operators.find((candidate) => this.isKeyword(token, candidate));
      if (op === undefined) return left;
      this.advance();
      const right = parseOperand();
      this.requireComparable(left, right, op, token.start);
      left = { kind: 'binary', op, left, right };
    }
  }

  private parseUnary(): Expr {
    const token = this.current();
    if (!this.isKeyword(token, 'not')) return this.parseMembership();
    this.advance();
    this.enterNesting();
    const operand = this.parseUnary();
    this.depth -= 1;
    const operandType = staticEdmType(operand);
    if (operandType !== undefined && operandType !== 'Edm.Boolean') {
      this.fail(
        `A unary operator with an incompatible type was detected. Found operand type '${operandType}' for operator kind 'Not' at position ${token.start} in '${this.text}'.`,
        token.start,
      );
    }
    return { kind: 'not', operand };
  }

  /** `in` binds like a primary operator (OData 4.01 precedence table; Microsoft.OData.Core's ParseInHas). */
  private parseMembership(): Expr {
    let left = this.parsePrimary();
    while (this.isKeyword(this.current(), 'in')) {
      this.advance();
      left = { kind: 'in', left, values: this.parseLiteralList() };
    }
    return left;
  }

  /** ABNF `listExpr`: `( [ primitiveLiteral *( , primitiveLiteral ) ] )`. */
  private parseLiteralList(): Expr[] {
    const open = this.current();
    if (open.kind !== 'openParen') this.fail(openParenExpectedAt(open.start, this.text), open.start);
    this.advance();
    const values: Expr[] = [];
    if (this.current().kind === 'closeParen') {
      this.advance();
      return values;
    }
    for (;;) {
      const token = this.current();
      const literal = this.literalOf(token);
      // Only primitive literals may be listed; a path or call here is a syntax error.
      if (literal === undefined) this.fail(syntaxErrorAt(token.end, this.text), token.end);
      values.push(literal);
      this.advance();
      const separator = this.current();
      if (separator.kind === 'closeParen') {
        this.advance();
        return values;
      }
      if (separator.kind !== 'comma') this.fail(closeParenOrCommaExpectedAt(separator.start, this.text), separator.start);
      this.advance();
    }
  }

  private parsePrimary(): Expr {
    const token = this.current();
    if (token.kind === 'openParen') {
      this.advance();
      const inner = this.parseExpression();
      const close = this.current();
      if (close.kind !== 'closeParen') this.fail(closeParenOrOperatorExpectedAt(close.start, this.text), close.start);
      this.advance();
      return inner;
    }
    const literal = this.literalOf(token);
    if (literal !== undefined) {
      this.advance();
      return literal;
    }
    if (token.kind === 'identifier') {
      return this.peek().kind === 'openParen' ? this.parseFunctionCall(token) : this.parsePath(token);
    }
    return this.fail(expressionExpectedAt(token.start, this.text), token.start);
  }

  private parseFunctionCall(nameToken: Token & { kind: 'identifier' }): Expr {
    const name = nameToken.name.toLowerCase();
    if (!isFunctionName(name)) {
      this.fail(
        `An unknown function with name '${nameToken.name}' was found at position ${nameToken.start} in '${this.text}'.`,
        nameToken.start,
      );
    }
    this.advance();
    this.advance();
    this.enterNesting();
    const args: Expr[] = [];
    if (this.current().kind === 'closeParen') {
      this.advance();
    } else {
      for (;;) {
        args.push(this.parseExpression());
        const separator = this.current();
        if (separator.kind === 'closeParen') {
          this.advance();
          break;
        }
        if (separator.kind !== 'comma') this.fail(closeParenOrCommaExpectedAt(separator.start, this.text), separator.start);
        this.advance();
      }
    }
    this.depth -= 1;
    if (args.length !== FUNCTION_ARITY[name]) {
      this.fail(
        `No function signature for the function with name '${name}' matches the specified arguments at position ${nameToken.start} in '${this.text}'. The function signatures considered are: ${FUNCTION_SIGNATURE[name]}.`,
        nameToken.start,
      );
    }
    return { kind: 'call', name, args };
  }

  /** `a/b/c`, possibly ending in a lambda: `a/b/any(x: ...)`. */
  private parsePath(first: Token & { kind: 'identifier' }): Expr {
    const path = [first.name];
    this.advance();
    while (this.current().kind === 'slash') {
      this.advance();
      const segment = this.current();
      if (segment.kind !== 'identifier') return this.fail(syntaxErrorAt(segment.end, this.text), segment.end);
      const isCall = this.peek().kind === 'openParen';
      const lowered = segment.name.toLowerCase();
      if (isCall && (lowered === 'any' || lowered === 'all')) return this.parseLambda(path, lowered);
      if (isCall) {
        // Bound functions (`a/b.Fn()`) are not supported by Graph's $filter on these resources.
        this.fail(
          `An unknown function with name '${segment.name}' was found at position ${segment.start} in '${this.text}'.`,
          segment.start,
        );
      }
      path.push(segment.name);
      this.advance();
    }
    return { kind: 'property', path };
  }

  private parseLambda(collection: string[], op: 'any' | 'all'): Expr {
    this.advance(); // any / all
    this.advance(); // (
    this.enterNesting();
    const first = this.current();
    if (first.kind === 'closeParen') {
      // OData 4.01 §5.1.1.13.2: "The all operator cannot be used without an argument expression."
      if (op === 'all') this.fail(expressionExpectedAt(first.start, this.text), first.start);
      this.advance();
      this.depth -= 1;
      return { kind: 'lambda', op, collection, variable: '', predicate: null };
    }
    if (first.kind !== 'identifier') return this.fail(syntaxErrorAt(first.end, this.text), first.end);
    if (this.variables.includes(first.name)) {
      this.fail(
        `The range variable '${first.name}' has already been declared at position ${first.start} in '${this.text}'.`,
        first.start,
      );
    }
    this.advance();
    const colon = this.current();
    if (colon.kind !== 'colon') this.fail(syntaxErrorAt(colon.end, this.text), colon.end);
    this.advance();
    this.variables.push(first.name);
    const predicateStart = this.current().start;
    const predicate = this.parseExpression();
    this.variables.pop();
    const predicateType = staticEdmType(predicate);
    if (predicateType !== undefined && predicateType !== 'Edm.Boolean') {
      this.fail(
        `The ${op} predicate must evaluate to a single boolean value; found '${predicateType}' at position ${predicateStart} in '${this.text}'.`,
        predicateStart,
      );
    }
    const close = this.current();
    if (close.kind !== 'closeParen') this.fail(closeParenOrOperatorExpectedAt(close.start, this.text), close.start);
    this.advance();
    this.depth -= 1;
    return { kind: 'lambda', op, collection, variable: first.name, predicate };
  }

  private literalOf(token: Token): Expr | undefined {
    switch (token.kind) {
      case 'string':
        return { kind: 'literal', type: 'string', value: token.value };
      case 'number':
        return { kind: 'literal', type: 'number', value: token.value };
      case 'boolean':
        return { kind: 'literal', type: 'boolean', value: token.value };
      case 'null':
        return { kind: 'literal', type: 'null', value: null };
      case 'datetime':
        return { kind: 'literal', type: 'datetime', value: token.text };
      case 'guid':
        return { kind: 'literal', type: 'guid', value: token.text };
      default:
        return undefined;
    }
  }

  private requireComparable(left: Expr, right: Expr, op: ComparisonOperator, position: number): void {
    const leftType = staticEdmType(left);
    const rightType = staticEdmType(right);
    if (leftType === undefined || rightType === undefined) return;
    if (comparisonFamily(leftType) === comparisonFamily(rightType)) return;
    this.fail(
      `A binary operator with incompatible types was detected. Found operand types '${leftType}' and '${rightType}' for operator kind '${OPERATOR_KIND[op]}' at position ${position} in '${this.text}'.`,
      position,
    );
  }

  private requireBooleanOperand(operand: Expr, op: LogicalOperator, position: number): void {
    const operandType = staticEdmType(operand);
    if (operandType === undefined || operandType === 'Edm.Boolean') return;
    this.fail(
      `A binary operator with incompatible types was detected. Found operand type '${operandType}' for operator kind '${OPERATOR_KIND[op]}' at position ${position} in '${this.text}'.`,
      position,
    );
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return token.kind === 'identifier' && token.name.length === keyword.length && token.name.toLowerCase() === keyword;
  }

  private enterNesting(): void {
    this.depth += 1;
    if (this.depth > MAX_NESTING_DEPTH) {
      const position = this.current().start;
      this.fail(`The expression is nested more than ${MAX_NESTING_DEPTH} levels deep at position ${position} in '${this.text}'.`, position);
    }
  }

  private current(): Token {
    return this.tokens[this.index] ?? this.endToken;
  }

  private peek(): Token {
    return this.tokens[this.index + 1] ?? this.endToken;
  }

  private advance(): Token {
    const token = this.current();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private fail(message: string, position: number): never {
    throw new ODataSyntaxError(this.errorPrefix + message, position);
  }
}

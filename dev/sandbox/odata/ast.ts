/** The shapes parsers produce and the evaluator consumes. */

export type LiteralType = 'string' | 'number' | 'boolean' | 'null' | 'datetime' | 'guid';

/**
 * A constant from the expression text. `datetime` values keep the text as written
 * (`2024-01-01T00:00:00Z`, `2024-01-01T09:30:00.1234567+02:00`, or a date-only `2024-01-01`);
 * `guid` values keep the text as written too.
 */
export type Literal = { kind: 'literal'; type: LiteralType; value: string | number | boolean | null };

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type LogicalOperator = 'and' | 'or';
export type FunctionName = 'startswith' | 'endswith' | 'contains' | 'tolower' | 'toupper';

export type Expr =
  | Literal
  /** `fields/Email` -> ['fields','Email']; inside a lambda, `r/emailAddress` starts with the variable name. */
  | { kind: 'property'; path: string[] }
  | { kind: 'binary'; op: ComparisonOperator | LogicalOperator; left: Expr; right: Expr }
  | { kind: 'not'; operand: Expr }
  | { kind: 'in'; left: Expr; values: Expr[] }
  | { kind: 'call'; name: FunctionName; args: Expr[] }
  /** `toRecipients/any(r: r/emailAddress/address eq 'x')`; `predicate` is null for `any()`. */
  | { kind: 'lambda'; op: 'any' | 'all'; collection: string[]; variable: string; predicate: Expr | null };

export interface OrderBy {
  path: string[];
  direction: 'asc' | 'desc';
}

export interface ExpandItem {
  property: string;
  select?: string[];
  filter?: Expr;
  orderBy?: OrderBy[];
  top?: number;
  expand?: ExpandItem[];
}

export const FUNCTION_ARITY: Readonly<Record<FunctionName, number>> = {
  startswith: 2,
  endswith: 2,
  contains: 2,
  tolower: 1,
  toupper: 1,
};

/** Microsoft.OData.Core's description of each supported signature, used in arity errors. */
export const FUNCTION_SIGNATURE: Readonly<Record<FunctionName, string>> = {
  startswith: 'startswith(Edm.String Nullable=true, Edm.String Nullable=true)',
  endswith: 'endswith(Edm.String Nullable=true, Edm.String Nullable=true)',
  contains: 'contains(Edm.String Nullable=true, Edm.String Nullable=true)',
  tolower: 'tolower(Edm.String Nullable=true)',
  toupper: 'toupper(Edm.String Nullable=true)',
};

export const isFunctionName = (name: string): name is FunctionName => Object.hasOwn(FUNCTION_ARITY, name);

/**
 * Errors raised while parsing OData query options. Messages follow the wording of
 * Microsoft.OData.Core (the library behind Graph's URL parsing) so a handler can put
 * `error.message` straight into Graph's 400 body, e.g.
 * `Invalid filter clause: Syntax error at position 17 in 'jobtitle ge '!' , accountenabled eq true'.`
 *
 * Positions are 0-based character offsets into the option's text. Like Microsoft.OData.Core,
 * "Syntax error at position N" points just past the offending token, while "Expression expected"
 * and invalid-character errors point at the token's first character.
 */
export class ODataSyntaxError extends Error {
  constructor(
    message: string,
    /** 0-based offset into the option text where the problem was detected, when known. */
    readonly position?: number,
  ) {
    super(message);
    this.name = 'ODataSyntaxError';
  }
}

/** Graph prefixes $filter parse failures with this (observed in Graph 400 bodies). */
export const FILTER_ERROR_PREFIX = 'Invalid filter clause: ';

export const syntaxErrorAt = (position: number, text: string): string =>
  `Syntax error at position ${position} in '${text}'.`;

export const expressionExpectedAt = (position: number, text: string): string =>
  `Expression expected at position ${position} in '${text}'.`;

export const invalidCharacterAt = (character: string, position: number, text: string): string =>
  `Syntax error: character '${character}' is not valid at position ${position} in '${text}'.`;

export const unterminatedStringAt = (position: number, text: string): string =>
  `There is an unterminated string literal at position ${position} in '${text}'.`;

export const closeParenOrOperatorExpectedAt = (position: number, text: string): string =>
  `')' or operator expected at position ${position} in '${text}'.`;

export const closeParenOrCommaExpectedAt = (position: number, text: string): string =>
  `')' or ',' expected at position ${position} in '${text}'.`;

export const openParenExpectedAt = (position: number, text: string): string =>
  `'(' expected at position ${position} in '${text}'.`;

export const unrecognizedLiteralAt = (edmType: string, literal: string, position: number, text: string): string =>
  `Unrecognized '${edmType}' literal '${literal}' at '${position}' in '${text}'.`;

export const termNotValid = (term: string): string => `Term '${term}' is not valid in a $select or $expand expression.`;

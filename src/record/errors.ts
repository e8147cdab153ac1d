import type { AddressProblem } from '../domain/addresses';
import type { EntitySummary } from '../domain/entities';
import type { GraphRequestError } from '../graph/errors';

/**
 * A write SharePoint may have refused for breaking a unique column. Graph's status for that is not
 * documented: 409 is the closest documented code, and 400 is how Graph passes on most SharePoint
 * refusals. Such a refusal proves nothing by itself; the store then asks the record whether the
 * value is taken.
 */
export const mayBeUniqueClash = (error: GraphRequestError): boolean => error.status === 409 || error.status === 400;

/** Input the store refuses before sending anything: what is wrong, per value, for the form to show. */
export class InvalidInputError extends Error {
  constructor(
    readonly problems: Array<{ field: string; value: string; problem: AddressProblem | 'publicDomain' | 'emptyName' | 'nameTooLong' | 'roleSeparator' | 'rolesTooLong' | 'roleTooLong' }>,
  ) {
    super(`Invalid input: ${problems.map((p) => `${p.field} "${p.value}" (${p.problem})`).join(', ')}`);
    this.name = 'InvalidInputError';
  }
}

/** Someone else changed the same fields since they were read; nothing was overwritten. */
export class ConflictError extends Error {
  constructor(
    readonly fields: string[],
    readonly latest: Record<string, unknown>,
  ) {
    super(`Changed by someone else meanwhile: ${fields.join(', ')}`);
    this.name = 'ConflictError';
  }
}

/** An address or domain already belongs to another entity. */
export class DuplicateKeyError extends Error {
  constructor(
    readonly key: string,
    readonly owner: EntitySummary | undefined,
  ) {
    super(`${key} already belongs to ${owner ? owner.name : 'another entry'}`);
    this.name = 'DuplicateKeyError';
  }
}

/**
 * A half-made creation could not be removed in full: `left` names the rows still in the record (for
 * example `keys:41`, `organisation:12`). The failure that made the creation stop is the `cause`. A
 * retry with the same creation id finds what is left and completes it; nothing was dropped silently.
 */
export class UndoIncompleteError extends Error {
  constructor(
    readonly left: string[],
    override readonly cause: unknown,
  ) {
    super(`Could not remove a half-made creation: ${left.join(', ')} left`);
    this.name = 'UndoIncompleteError';
  }
}

import type { AddressProblem } from '../domain/addresses';
import type { EntitySummary } from '../domain/entities';

/** Input the store refuses before sending anything: what is wrong, per value, for the form to show. */
export class InvalidInputError extends Error {
  constructor(
    readonly problems: Array<{ field: string; value: string; problem: AddressProblem | 'publicDomain' | 'emptyName' }>,
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

import { GraphRequestError } from '../../../src/graph/errors';
import { nextMoveAfter } from '../../../src/services/triage/failureRules';

const error = (status: number) => new GraphRequestError(status, `http${status}`, 'x');

test.each([
  ['read', 404, 'messageMissing'],
  ['patch', 404, 'messageMissing'],
  ['move', 404, 'locate'],
  ['patch', 400, 'giveUp'],
  ['move', 403, 'giveUp'],
  ['read', 429, 'retry'],
  ['read', 503, 'retry'],
  ['patch', 503, 'retry'],
  ['patch', 0, 'retry'],
  ['move', 429, 'retry'],
  ['move', 424, 'retry'],
  ['move', 503, 'readThenRetry'],
  ['move', 504, 'readThenRetry'],
  ['move', 500, 'readThenRetry'],
  ['move', 0, 'readThenRetry'],
] as const)('%s answered %i: %s', (kind, status, expected) => {
  expect(nextMoveAfter(kind, error(status))).toBe(expected);
});

/**
 * Timing figures for the README: `npx tsx dev/contract/measure.ts`.
 * Load, first check (compiles that operation's validator), and a repeated check, per request kind.
 */
import { loadContractChecker, type ContractRequest } from './checker';

const requests: Array<[string, ContractRequest]> = [
  ['GET messages (query only)', { method: 'GET', path: '/me/mailFolders/inbox/messages', query: { $select: 'id,subject,isRead', $top: '10', $orderby: 'receivedDateTime desc' } }],
  ['PATCH message (body)', { method: 'PATCH', path: '/me/messages/AAMkAD=', query: {}, body: { isRead: true, flag: { flagStatus: 'flagged' } } }],
  ['POST list item (largest schema closure)', { method: 'POST', path: '/sites/root/lists/L/items', query: {}, body: { fields: { Title: 'x' } } }],
];

const ms = (from: number): string => `${(performance.now() - from).toFixed(1)} ms`;

const start = performance.now();
const checker = loadContractChecker();
console.log(`load: ${ms(start)}`);

for (const [label, request] of requests) {
  const first = performance.now();
  const problems = checker.check(request);
  const firstTime = ms(first);
  const runs = 10_000;
  const again = performance.now();
  for (let i = 0; i < runs; i++) checker.check(request);
  const per = ((performance.now() - again) * 1000) / runs;
  console.log(`${label}: first check ${firstTime}, then ${per.toFixed(1)} µs per check${problems.length ? ` (problems: ${problems.join(' ')})` : ''}`);
}
console.log(`total from load to every operation compiled: ${ms(start)}`);

/**
 * Steps sent in as few round trips as Graph and Exchange allow, each call answered on its own: a call
 * that fails as a whole (a dropped connection, a 503 on the `$batch` itself) costs only its own steps,
 * never the answers of the calls that went through. Each step is sent once (a step Graph skipped only
 * because an earlier message in its serial call failed did nothing, and is sent again before it is
 * settled); whether to retry is the caller's decision, per message.
 *
 * Every call is parallel or serial, as Graph requires. Beyond one call, steps go in serial calls side by
 * side: Exchange lets 4 requests run against a mailbox at once, which is 4 serial calls of 20 steps but
 * only one parallel call of 20.
 */
import type { GraphClient } from '../../graph/client';
import { planCalls, sendCalls, type BatchOptions, type BatchStep, type CallAnswer } from '../../graph/batch';

export type { CallAnswer };

export async function sendInCalls(
  graph: GraphClient,
  steps: readonly BatchStep[],
  options: BatchOptions,
  settle: (answer: CallAnswer, call: readonly BatchStep[]) => void,
): Promise<void> {
  await sendCalls(graph, planCalls(steps, 'serial'), options, settle);
}

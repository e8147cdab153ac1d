/**
 * Steps sent in as few `$batch` calls as Graph allows, each call answered on its own: a call that fails
 * as a whole (a dropped connection, a 503 on the `$batch` itself) costs only its own steps, never the
 * answers of the calls that went through. Each call is sent once; whether to retry is the caller's
 * decision, per message.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { chunkKeepingDependencies, runBatch, type BatchOptions, type BatchResult, type BatchStep } from '../graph/batch';
import { toGraphRequestError, type GraphRequestError } from '../graph/errors';

export type CallAnswer = Map<string, BatchResult> | GraphRequestError;

export async function sendInCalls(
  graph: Client,
  steps: readonly BatchStep[],
  options: BatchOptions,
  settle: (answer: CallAnswer, call: readonly BatchStep[]) => void,
): Promise<void> {
  const calls = chunkKeepingDependencies(steps);
  const once: BatchOptions = { ...options, maxRetries: 0 };
  let next = 0;
  // Calls in flight at once: 1 by default, as Exchange runs only four requests per mailbox at a time.
  const lane = async (): Promise<void> => {
    while (next < calls.length) {
      const call = calls[next++]!;
      let answer: CallAnswer;
      try {
        answer = new Map((await runBatch(graph, call, once)).filter((r): r is BatchResult => r !== undefined).map((r) => [r.id, r]));
      } catch (error) {
        answer = toGraphRequestError(error);
      }
      settle(answer, call);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, options.concurrency ?? 1), calls.length) }, lane));
}

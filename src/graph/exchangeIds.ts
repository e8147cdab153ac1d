/**
 * Translating Outlook item ids between formats: `POST /me/translateExchangeIds`, or
 * `/users/{id|userPrincipalName}/translateExchangeIds` for a shared mailbox ("user: translateExchangeIds").
 * One call takes up to 1000 ids, all of one mailbox and one format; each answer is a convertIdResult
 * with either a target id or errorDetails ("convertIdResult resource type").
 */
import type { GraphClient } from './client';
import { translatedIds, translationChunks, type ConvertIdResult, type ExchangeIdFormat } from '../domain/itemIdentity';
import { expectOk, type BatchResult, type BatchStep } from './batch';
import { pathSegment } from './odata';

/** Translates ids of one mailbox; resolves to the target id of every input that could be translated. */
export type TranslateIds = (mailbox: string | null, ids: readonly string[], from: ExchangeIdFormat, to: ExchangeIdFormat) => Promise<Map<string, string>>;

const pathOf = (mailbox: string | null): string => `${mailbox ? `/users/${pathSegment(mailbox)}` : '/me'}/translateExchangeIds`;

/**
 * The target id of every input that could be translated, by input id; an input Exchange could not
 * translate is absent. More than 1000 ids take one call per 1000, in parallel.
 */
export async function translateExchangeIds(
  graph: GraphClient,
  mailbox: string | null,
  ids: readonly string[],
  from: ExchangeIdFormat,
  to: ExchangeIdFormat,
): Promise<Map<string, string>> {
  if (from === to) return new Map(ids.map((id) => [id, id]));
  const answers = await Promise.all(
    translationChunks(ids).map(async (inputIds) => {
      const body = (await graph.api(pathOf(mailbox)).post({ inputIds, sourceIdType: from, targetIdType: to })) as { value?: ConvertIdResult[] };
      return translatedIds(inputIds, body.value ?? []);
    }),
  );
  return new Map(answers.flatMap((answer) => [...answer]));
}

/** The same translation as one step of a `$batch` (at most 1000 ids), to ride with other requests. */
export function translateExchangeIdsStep(id: string, mailbox: string | null, ids: readonly string[], from: ExchangeIdFormat, to: ExchangeIdFormat): BatchStep {
  const [inputIds = [], ...more] = translationChunks(ids);
  if (more.length > 0) throw new RangeError('translateExchangeIds takes at most 1000 ids in one request.');
  return { id, method: 'POST', url: pathOf(mailbox), body: { inputIds, sourceIdType: from, targetIdType: to } };
}

/** What a translateExchangeIds step answered, as translateExchangeIds resolves; a failed step throws its error. */
export function translatedByStep(step: BatchStep, result: BatchResult): Map<string, string> {
  const inputIds = (step.body as { inputIds: string[] }).inputIds;
  return translatedIds(inputIds, expectOk<{ value?: ConvertIdResult[] }>(result).value ?? []);
}

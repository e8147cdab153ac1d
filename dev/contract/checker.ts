/**
 * The Graph contract checker: would real Microsoft Graph v1.0 accept this request, and could it have
 * sent this response? Judged against Microsoft's own OpenAPI description (a subset; see README.md and
 * README.upstream.md).
 */
import { join } from 'node:path';
import { BodyChecker } from './body';
import { checkQuery } from './query';
import { ResponseChecker } from './response';
import { RouteTable } from './routes';
import { loadDocument, SchemaIndex } from './spec';
import { ERROR_RESPONSE } from './supplement';

export interface ContractRequest {
  method: string; // any case
  path: string; // path after /v1.0, percent-decoded, no query string: '/me/messages/AAMkAD..=/move'
  query: Record<string, string>; // raw query options as sent: {'$select': 'id,subject', '$top': '10'} (names may come without '$' — Graph v1.0 accepts both — normalise)
  body?: unknown; // parsed JSON body if any
}

export interface ContractResponse {
  status: number;
  /** Parsed JSON body; undefined when there is none (204). */
  body?: unknown;
}

export interface ContractChecker {
  /** Problems found (empty array when Graph would accept the request). Each problem is one readable sentence naming method, path and what is wrong. */
  check(request: ContractRequest): string[];
  /**
   * Problems with the response to `request` (empty when its status is documented for the operation
   * and its body has that status's shape: property names and types). Error statuses are checked
   * against Graph's error envelope whatever the path; other responses only when the request's
   * path and method are described (check() reports them otherwise).
   */
  checkResponse(request: ContractRequest, response: ContractResponse): string[];
}

export const DEFAULT_SPEC_FILE = join(__dirname, 'graph-v1.0-subset.openapi.json.gz');

/** Loads the description synchronously; Ajv validators are compiled on first use per operation and cached. */
export function loadContractChecker(specFile: string = DEFAULT_SPEC_FILE): ContractChecker {
  const doc = loadDocument(specFile);
  const index = new SchemaIndex(doc.components.schemas);
  const routes = new RouteTable(doc, index);
  const bodies = new BodyChecker(doc.components.schemas, index);
  const responses = new ResponseChecker(doc.components.schemas, index);

  return {
    check(request: ContractRequest): string[] {
      const method = request.method.toUpperCase();
      const say = (what: string): string => `${method} ${request.path}: ${what}.`;

      const route = routes.match(request.path);
      if (!route) return [say('no such path in Graph v1.0 (not in the contract description nor on its allow-list)')];
      const op = route.operations.get(method);
      if (!op) {
        return [say(`method ${method} is not allowed on ${route.template} (allowed: ${[...route.operations.keys()].join(', ')})`)];
      }
      if (op.unchecked) return [];

      return [...checkQuery(op, request.query ?? {}, index), ...bodies.check(op, request.body)].map(say);
    },

    checkResponse(request: ContractRequest, response: ContractResponse): string[] {
      const method = request.method.toUpperCase();
      const { status, body } = response;
      const say = (what: string): string => `${method} ${request.path} → ${status}: ${what}.`;
      if (status >= 400) return body === undefined ? [say('an error response needs Graph\'s JSON error body, but none was sent')] : responses.check(ERROR_RESPONSE, body).map(say);

      const op = routes.match(request.path)?.operations.get(method);
      if (!op || op.unchecked) return [];
      const key = [String(status), `${Math.floor(status / 100)}XX`, 'DEFAULT'].find((k) => op.responses.has(k));
      if (key === undefined) return [say(`status ${status} is not a documented response of this operation (documented: ${[...op.responses.keys()].join(', ')})`)];
      const schema = op.responses.get(key);
      if (!schema) return body === undefined ? [] : [say('the description documents no response body for this status, but one was sent')];
      if (body === undefined) return [say('the description documents a JSON response body for this status, but none was sent')];
      return responses.check(schema, body).map(say);
    },
  };
}

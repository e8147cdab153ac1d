/**
 * `$skiptoken` of list item pages. Graph hands out SharePoint's list position, base64 without padding:
 * `UGFnZWQ9VFJVRSZwX0lEPTE` is `Paged=TRUE&p_ID=1` (nextLinks in public Graph responses, e.g.
 * `items?$expand=fields&$top=1&$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTE`). With an order-by SharePoint adds
 * the last row's sort values as `p_{Column}=...`. The position is a key, not an offset, so pages stay
 * stable when rows are added or removed between requests.
 */
import type { IndexKey } from './columnValues';
import { invalidRequest } from './errors';

export interface PagePosition {
  /** The last row's sort keys, one per order-by column (empty when ordered by ID only). */
  keys: IndexKey[];
  id: number;
}

function toBase64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64').replace(/=+$/, '');
}

export function encodeSkipToken(position: PagePosition, columnNames: readonly string[]): string {
  const parts = ['Paged=TRUE'];
  position.keys.forEach((key, i) => {
    parts.push(`p_${encodeURIComponent(columnNames[i] ?? `k${i}`)}=${encodeURIComponent(JSON.stringify(key))}`);
  });
  parts.push(`p_ID=${position.id}`);
  return toBase64Url(parts.join('&'));
}

const badToken = () => invalidRequest('The skip token is not valid.');

export function decodeSkipToken(token: string, orderCount: number): PagePosition {
  const text = Buffer.from(token, 'base64').toString('utf8');
  const params = text.split('&');
  if (params[0] !== 'Paged=TRUE') throw badToken();
  const values = params.slice(1).map((p) => {
    const eq = p.indexOf('=');
    if (!p.startsWith('p_') || eq < 0) throw badToken();
    return p.slice(eq + 1);
  });
  const idText = values.pop();
  const id = Number(idText);
  if (!Number.isInteger(id) || values.length !== orderCount) throw badToken();
  const keys = values.map((v): IndexKey => {
    try {
      const parsed: unknown = JSON.parse(decodeURIComponent(v));
      if (parsed === null || ['string', 'number', 'boolean'].includes(typeof parsed)) return parsed as IndexKey;
    } catch {
      // fall through
    }
    throw badToken();
  });
  return { keys, id };
}

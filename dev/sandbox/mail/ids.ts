/**
 * Exchange-shaped identifiers, drawn from the sandbox's seeded random source so a seed always yields
 * the same ids. Rest ids (`AAMkAD...`) and immutable ids (`AAkALgAA...`) look like Graph's, so a
 * client cannot mistake one form for the other.
 */
const REST_PREFIX = 'AAMkAD';
const IMMUTABLE_PREFIX = 'AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A';
const OCCURRENCE_MARK = '_OC';

function bytes(random: () => number, count: number): Buffer {
  return Buffer.from(Array.from({ length: count }, () => Math.floor(random() * 256)));
}

/** Standard base64 with Graph's URL-safe substitutions (`/`→`-`, `+`→`_`), padding kept. */
function restBase64(buffer: Buffer): string {
  return buffer.toString('base64').replace(/\//g, '-').replace(/\+/g, '_');
}

export const newRestId = (random: () => number): string => REST_PREFIX + restBase64(bytes(random, 50));
export const newImmutableId = (random: () => number): string => IMMUTABLE_PREFIX + restBase64(bytes(random, 44));
export const newChangeKey = (random: () => number): string => 'CQAAABYAAA' + restBase64(bytes(random, 15));
export const newICalUId = (random: () => number): string =>
  '040000008200E00074C5B7101A82E00800000000' + bytes(random, 24).toString('hex').toUpperCase();

/**
 * An occurrence's iCalUId, as Exchange derives it (MS-OXOCAL GlobalObjectId): the series' id with the
 * occurrence's original date in bytes 16-19, so every occurrence has its own iCalUId while the series
 * master keeps zeros there. Graph documents iCalUId as "different for each occurrence in a recurring series".
 */
export function occurrenceICalUId(seriesICalUId: string, originalStartUtc: number): string {
  const d = new Date(originalStartUtc);
  const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');
  const date = hex(d.getUTCFullYear(), 4) + hex(d.getUTCMonth() + 1, 2) + hex(d.getUTCDate(), 2);
  return seriesICalUId.slice(0, 32) + date + seriesICalUId.slice(40);
}

/** Any id our generators could have produced (and so could look up); everything else is "malformed". */
export function isWellFormedId(id: string): boolean {
  return /^[A-Za-z0-9\-_]+=*(_OC\d{12})?$/.test(id) && id.length >= 20;
}

export const isImmutableForm = (id: string): boolean => id.startsWith(IMMUTABLE_PREFIX);

/** One occurrence of a series: the master's id plus the occurrence's original start (UTC, minutes). */
export function occurrenceId(masterId: string, originalStartUtcMs: number): string {
  const stamp = new Date(originalStartUtcMs).toISOString().replace(/[-:T]/g, '').slice(0, 12);
  return `${masterId}${OCCURRENCE_MARK}${stamp}`;
}

export function parseOccurrenceId(id: string): { masterId: string; originalStartUtcMs: number } | undefined {
  const match = /^(.*)_OC(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(id);
  if (!match) return undefined;
  const [, masterId, y, mo, d, h, mi] = match;
  return { masterId: masterId!, originalStartUtcMs: Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)) };
}

export const messageWebLink = (restId: string): string =>
  `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(restId)}&exvsurl=1&viewmodel=ReadMessageItem`;

export const eventWebLink = (id: string): string =>
  `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`;

/**
 * The binary formats of translateExchangeIds (entryId, immutableEntryId) are URL-safe base64 with the
 * padding replaced by a digit counting it ("user: translateExchangeIds"). Ours wrap the immutable id.
 */
export function toBinaryIdFormat(kind: 'entryId' | 'immutableEntryId', immutableId: string): string {
  const b64 = Buffer.from(`${kind}:${immutableId}`, 'utf8').toString('base64');
  const padding = b64.length - b64.replace(/=+$/, '').length;
  return b64.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_') + String(padding);
}

export function fromBinaryIdFormat(kind: 'entryId' | 'immutableEntryId', value: string): string | undefined {
  const match = /^([A-Za-z0-9\-_]+)([012])$/.exec(value);
  if (!match) return undefined;
  const b64 = match[1]!.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat(Number(match[2]));
  const text = Buffer.from(b64, 'base64').toString('utf8');
  return text.startsWith(`${kind}:`) ? text.slice(kind.length + 1) : undefined;
}

/** EWS ids are the same bytes in standard base64; Graph's rest ids swap `/` and `+` for `-` and `_`. */
export const restToEws = (restId: string): string => restId.replace(/-/g, '/').replace(/_/g, '+');
export const ewsToRest = (ewsId: string): string => ewsId.replace(/\//g, '-').replace(/\+/g, '_');

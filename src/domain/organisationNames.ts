/**
 * The best name a message gives for the sender's organisation, offered for correction before an
 * organisation made from a mail domain is saved. Pure: the display name, a signature's lines and the
 * domain in, a name out.
 */

/** What separates a person's name from their organisation in a display name: "Maija Virtanen | Opisto", "Maija Virtanen - Opisto". */
const SEPARATORS = /\s+[|/–—-]\s+|\s*\|\s*|,\s+/;
/** Words that make a signature line an organisation's name (Finnish and English). */
const ORGANISATION_WORDS =
  /\b(oy|oyj|ab|ry|ltd|inc|gmbh|kuntayhtymä|kaupunki|kunta|opisto|kansalaisopisto|lukio|koulu|ammattikoulu|amk|ammattikorkeakoulu|yliopisto|university|college|school|säätiö|foundation|yhdistys|association|osuuskunta|seurakunta|kirjasto|keskus|centre|center|ministeriö|virasto)\b/iu;
const LETTER = /\p{L}/u;

const clean = (text: string): string => text.replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '').replace(/\s+/g, ' ').trim();

/** "Harju AMK" is a name; "+358 40 123" or "maija@x.fi" or "www.x.fi" is not. */
function isNameLike(text: string): boolean {
  if (!LETTER.test(text) || text.length < 2 || text.length > 120) return false;
  if (/@|https?:|www\.|\d{3,}/i.test(text)) return false;
  return true;
}

/**
 * The organisation a display name carries after the person's name: "Maija Virtanen | Mäntyrinteen
 * kansalaisopisto", "Maija Virtanen (Harjun AMK)", "Virtanen Maija, Harjun AMK". Null when it carries none.
 */
export function organisationFromDisplayName(displayName: string): string | null {
  const name = clean(displayName);
  if (!name || name.includes('@')) return null;
  const bracketed = /^[^()[\]]+[([]\s*([^()[\]]+?)\s*[)\]]$/u.exec(name);
  if (bracketed && isNameLike(bracketed[1]!)) return bracketed[1]!;
  const parts = name.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return null;
  const rest = parts.slice(1).join(' ').trim();
  return isNameLike(rest) ? rest : null;
}

/** The person's own name in such a display name: "Maija Virtanen | Opisto" → "Maija Virtanen". */
export function personFromDisplayName(displayName: string): string {
  const name = clean(displayName);
  if (!organisationFromDisplayName(name)) return name;
  const bracket = name.search(/[([]/);
  const head = bracket > 0 ? name.slice(0, bracket) : name.split(SEPARATORS)[0]!;
  return head.trim();
}

/**
 * A signature's organisation line, when one is found reliably: within the lines just after the
 * sender's name, a line that reads as a name and holds a word organisations are named with
 * ("kansalaisopisto", "Oy", "AMK", "University"…). Anything less certain gives null.
 */
export function organisationFromSignature(lines: readonly string[], personName: string): string | null {
  const cleaned = lines.map(clean);
  const person = clean(personName).toLocaleLowerCase('fi');
  const at = person ? cleaned.findIndex((l) => l.toLocaleLowerCase('fi') === person) : -1;
  if (at < 0) return null;
  for (const line of cleaned.slice(at + 1, at + 4)) if (isNameLike(line) && ORGANISATION_WORDS.test(line)) return line;
  return null;
}

/** "harjuamk.fi" → "harjuamk.fi": the domain as it is, letters kept, for the user to correct. */
export const organisationNameOfDomain = (domain: string): string => clean(domain).toLocaleLowerCase('fi');

/**
 * The name offered for an organisation made from a sender's domain: the display name's organisation,
 * else the signature's organisation line, else the domain itself with its letters kept.
 */
export function bestOrganisationName(source: { displayName?: string; signature?: readonly string[]; domain: string }): string {
  const fromName = source.displayName ? organisationFromDisplayName(source.displayName) : null;
  if (fromName) return fromName;
  const person = source.displayName ? personFromDisplayName(source.displayName) : '';
  const fromSignature = source.signature && person ? organisationFromSignature(source.signature, person) : null;
  return fromSignature ?? organisationNameOfDomain(source.domain);
}

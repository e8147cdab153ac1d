import { PUBLIC_MAIL_DOMAINS } from './publicMailDomains';

/**
 * Email addresses and mail domains as keys: one normal form, so `Mikko.Heikkinen@Kallio.FI`,
 * `mailto:mikko.heikkinen@kallio.fi` and ` mikko.heikkinen@kallio.fi ` are the same person.
 */

export type AddressProblem = 'empty' | 'noAt' | 'noLocalPart' | 'noDomain' | 'badDomain' | 'tooLong' | 'whitespace';

export type NormalisedAddress = { ok: true; address: string; domain: string } | { ok: false; problem: AddressProblem };

// RFC 5321 limits: 64 octets local part, 254 the whole path.
const MAX_ADDRESS = 254;
const MAX_LOCAL = 64;
const DOMAIN_LABEL = /^(?!-)[a-z0-9\u00a1-\uffff-]{1,63}(?<!-)$/;

export function normaliseAddress(raw: string): NormalisedAddress {
  let text = raw.trim().replace(/^mailto:/i, '');
  // "Name <address>" as people paste it
  const angle = /<([^<>]*)>\s*$/.exec(text);
  if (angle) text = angle[1]!.trim();
  if (!text) return { ok: false, problem: 'empty' };
  if (/\s/.test(text)) return { ok: false, problem: 'whitespace' };
  const at = text.lastIndexOf('@');
  if (at === -1) return { ok: false, problem: 'noAt' };
  const local = text.slice(0, at);
  const domain = normaliseDomain(text.slice(at + 1));
  if (!local) return { ok: false, problem: 'noLocalPart' };
  if (!domain) return { ok: false, problem: text.slice(at + 1) ? 'badDomain' : 'noDomain' };
  if (local.length > MAX_LOCAL || local.length + 1 + domain.length > MAX_ADDRESS) return { ok: false, problem: 'tooLong' };
  // The local part is case-sensitive in theory and never in practice (Exchange ignores case).
  return { ok: true, address: `${local.toLowerCase()}@${domain}`, domain };
}

/** `Kallio.FI.` → `kallio.fi`; undefined when it cannot be a mail domain. */
export function normaliseDomain(raw: string): string | undefined {
  const domain = raw.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  const labels = domain.split('.');
  if (labels.length < 2 || domain.length > 253) return undefined;
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return undefined;
  if (/^\d+$/.test(labels.at(-1)!)) return undefined; // an IP address, not a domain
  return domain;
}

/** True when the domain is one of `domains` or a subdomain of one (`mail.gmail.com` of `gmail.com`). */
export function isDomainWithin(domain: string, domains: Iterable<string>): boolean {
  const normal = normaliseDomain(domain);
  if (!normal) return false;
  const all = new Set([...domains].map((d) => normaliseDomain(d)).filter((d): d is string => !!d));
  for (let candidate = normal; candidate.includes('.'); candidate = candidate.slice(candidate.indexOf('.') + 1)) {
    if (all.has(candidate)) return true;
  }
  return false;
}

/** True when the domain is a public mail service, or a subdomain of one (`mail.gmail.com`). */
export function isPublicMailDomain(domain: string, extra: readonly string[] = []): boolean {
  return isDomainWithin(domain, [...PUBLIC_MAIL_DOMAINS, ...extra]);
}

/** The organisation domain an address suggests, or undefined for public mail services. */
export function organisationDomainOf(address: string, extraPublic: readonly string[] = []): string | undefined {
  const normal = normaliseAddress(address);
  if (!normal.ok || isPublicMailDomain(normal.domain, extraPublic)) return undefined;
  return normal.domain;
}

/**
 * Turns written message specs into Graph-shaped messages: reply prefixes per mail client, quoted
 * history as each client writes it, signatures, bodyPreview, conversationId/Index and
 * internetMessageId in the shapes real servers produce.
 */
import type { Person } from './directory';
import { INSTITUTE_DOMAIN, orgByKey, PEOPLE } from './directory';
import { base64, type Rng } from './random';
import { civilToUtc, enLongDateTime, fiLongDateTime, isoUtc } from './time';
import type { Recipient, SeedMessage } from './types';

/** One message as a template writes it. */
export interface StepSpec {
  from: Person;
  /** Default: the previous message's sender (a reply). Required on the first step. */
  to?: Person[];
  cc?: Person[];
  /** Reply to all: keep the previous message's other recipients in cc. */
  all?: boolean;
  /** How this step relates to the previous one (default 'reply'; ignored on the first step). */
  as?: 'reply' | 'forward';
  /** Paragraphs of the author's own text, greeting first; the signature is added. */
  text: string[];
  /** Replace the generated signature (system mail, newsletters). Empty string: none. */
  signature?: string;
  hasAttachments?: boolean;
  importance?: 'low' | 'high';
  /** How long after the previous message this one is written. */
  delay?: 'minutes' | 'hours' | 'days';
  replyTo?: Person[];
  /** Answer an earlier step instead of the previous one (branching threads). */
  inReplyTo?: number;
}

export type Topic = 'hanke' | 'students' | 'bulk' | 'work' | 'fixture' | 'calendar';

export interface ThreadSpec {
  subject: string;
  steps: StepSpec[];
  topic: Topic;
  categories?: string[];
  /** The first step is itself a forward (its subject carries a VL:/Fw: prefix). */
  forwardedFirst?: boolean;
  /** Plain-text bodies (webmail, systems); html otherwise. */
  textBody?: boolean;
  /** Force the whole conversation into the Other tab. */
  other?: boolean;
  /** Raw html for the first step's body, bypassing escaping: hostile fixtures only. */
  rawHtml?: string;
  /** Fixed internetMessageId for the first step, so tests can find fixtures. */
  internetMessageId?: string;
}

/** A composed message before mailbox state (folder, read, flag) is decided. */
export interface Composed {
  msg: Omit<SeedMessage, 'folder' | 'isRead' | 'flag' | 'categories'>;
  author: Person;
  sentUtc: number;
  topic: Topic;
  categories: string[];
  /** Index of the conversation this message belongs to, and its position in it. */
  conv: number;
  pos: number;
}

const REPLY_PREFIX: Record<Person['client'], { fi: string; en: string }> = {
  'outlook-fi': { fi: 'Vs: ', en: 'VL: ' },
  'outlook-en': { fi: 'RE: ', en: 'FW: ' },
  'gmail-fi': { fi: 'Re: ', en: 'Fwd: ' },
  'gmail-en': { fi: 'Re: ', en: 'Fwd: ' },
  webmail: { fi: 'Re: ', en: 'Fw: ' },
  system: { fi: 'Re: ', en: 'Fw: ' },
};
const replyPrefix = (p: Person): string => REPLY_PREFIX[p.client].fi;
const forwardPrefix = (p: Person): string => REPLY_PREFIX[p.client].en;

/** Reply/forward prefixes in the languages the dataset uses (and Outlook recognises). */
export const PREFIX_RE = /^(re|vs|sv|aw|fw|fwd|vl|wg)\s*:\s*/i;

export function stripPrefixes(subject: string): string {
  let s = subject;
  while (PREFIX_RE.test(s)) s = s.replace(PREFIX_RE, '');
  return s;
}

/** Outlook and Gmail replace a leading reply prefix but stack onto a forward prefix ("Vs: VL: …"). */
function nextSubject(prev: string, author: Person, as: 'reply' | 'forward'): string {
  if (as === 'forward') return forwardPrefix(author) + prev;
  const m = /^(re|vs|sv|aw)\s*:\s*/i.exec(prev);
  return replyPrefix(author) + (m ? prev.slice(m[0].length) : prev);
}

export const recipient = (p: Person): Recipient => ({ emailAddress: { name: p.name, address: p.address } });

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Signature block lines; colleagues sign internal mail short. */
export function signatureLines(author: Person, internal: boolean, rng: Rng, lang: 'fi' | 'en'): string[] {
  if (author.client === 'system') return [];
  const closing =
    lang === 'en'
      ? rng.pick(['Kind regards,', 'Best regards,', 'Best wishes,', 'Thanks,'])
      : internal
        ? rng.pick(['t.', 'Terveisin', 'Kiitos,', 'T.'])
        : rng.pick(['Ystävällisin terveisin', 'Terveisin', 'Ystävällisin terveisin', 'Kiitos ja terveisin']);
  if (author.org === null) return [closing, author.name];
  if (internal && rng.chance(0.6)) return [closing, author.givenName];
  const o = orgByKey(author.org);
  const lines = [closing, '', author.name, author.title, o.name];
  if (author.phone) lines.push(`p. ${author.phone}`);
  if (o.key === 'seutuopisto') lines.push('www.seutuopisto.fi');
  return lines;
}

/** Graph-looking conversationId: AAQk + mailbox prefix + base64 of a random 16-byte id. */
export function conversationId(rng: Rng): string {
  return `AAQkAGE1ZDNjN2EyZS05YjQxLTRmNmEtOGUyZC0xYzdiMGE5ZjRlNjEAEAB${base64(rng.bytes(15)).replace(/[+/]/g, (c) => (c === '+' ? '-' : '_'))}=`;
}

const FILETIME_EPOCH_OFFSET_MS = 11_644_473_600_000n;
const filetime = (utcMs: number): bigint => (BigInt(Math.floor(utcMs)) + FILETIME_EPOCH_OFFSET_MS) * 10_000n;

function bigToBytes(v: bigint, n: number): number[] {
  const out: number[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(Number((v >> BigInt(i * 8)) & 0xffn));
  return out;
}

/**
 * PidTagConversationIndex (MS-OXOMSG 2.2.1.3): a 22-byte header (top 6 bytes of the FILETIME + a GUID),
 * then 5 bytes per reply holding the time delta, so the index encodes the thread's shape.
 */
export class ConversationIndex {
  private readonly bytes: number[];
  private readonly headerTime: bigint;

  constructor(firstUtc: number, rng: Rng) {
    const ft = filetime(firstUtc);
    this.headerTime = (ft >> 16n) << 16n;
    this.bytes = [...bigToBytes(ft >> 16n, 6), ...rng.bytes(16)];
  }

  current(): string {
    return base64(this.bytes);
  }

  /** Appends a child block for a reply written at `utcMs`. */
  child(utcMs: number, rng: Rng): string {
    const delta = filetime(utcMs) - this.headerTime;
    const small = delta < 1n << 49n;
    const bits = small ? (delta >> 18n) & 0x7fffffffn : ((delta >> 23n) & 0x7fffffffn) | (1n << 31n);
    this.bytes.push(...bigToBytes(bits, 4), (rng.int(0, 15) << 4) | rng.int(0, 15));
    return base64(this.bytes);
  }
}

const OUTLOOK_SERVERS = ['HE1P190MB', 'AM0PR10MB', 'DB9PR07MB', 'GV1P189MB', 'AS8PR07MB', 'PA4PR10MB'];

/** internetMessageId in the style of the sender's mail system. */
export function messageIdFor(author: Person, rng: Rng): string {
  const domain = author.address.slice(author.address.lastIndexOf('@') + 1) || 'localhost';
  const o = author.org === null ? null : orgByKey(author.org);
  if (domain === 'gmail.com' || author.client.startsWith('gmail')) {
    const raw = base64(rng.bytes(33)).replace(/[/=]/g, '');
    return `<CA${raw.slice(0, 44)}@mail.gmail.com>`;
  }
  if (domain === 'outlook.com' || domain === 'hotmail.com' || o?.m365) {
    const server = `${rng.pick(OUTLOOK_SERVERS)}${rng.int(1000, 9999)}`;
    return `<${server}${rng.hex(24).toUpperCase()}@${server}.EURPRD${rng.pick(['07', '10', '09'])}.PROD.OUTLOOK.COM>`;
  }
  if (author.client === 'system') return `<${rng.hex(16)}.${rng.hex(8)}@mail.${domain}>`;
  return `<${rng.int(100000, 999999)}.${rng.hex(12)}@${domain}>`;
}

interface Rendered {
  html: string;
  plain: string;
}

function paragraphsToHtml(paragraphs: string[]): string {
  return paragraphs
    .map((p) =>
      p === ''
        ? '<div><br></div>'
        : `<div class="elementToProof">${p.split('\n').map(escapeHtml).join('<br>')}</div>`,
    )
    .join('\r\n');
}

const HTML_HEAD =
  '<html><head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n' +
  '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\r\n</head>\r\n';

function wrapHtml(inner: string): string {
  return `${HTML_HEAD}<body dir="ltr">\r\n<div style="font-family: Aptos, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">\r\n${inner}\r\n</div>\r\n</body>\r\n</html>\r\n`;
}

/** Graph's bodyPreview: the first 255 characters of the body text with whitespace collapsed. */
export function previewOf(plain: string): string {
  return plain.replace(/\s+/g, ' ').trim().slice(0, 255).trimEnd();
}

function listNames(rs: Recipient[]): string {
  return rs.map((r) => `${r.emailAddress.name} <${r.emailAddress.address}>`).join('; ');
}

/** The quoted previous message, as the replying author's client writes it. */
function quoteBlock(author: Person, prev: Composed, prevRendered: Rendered, prevCivil: number): Rendered {
  const p = prev.msg;
  const fromLine = `${p.from.emailAddress.name} <${p.from.emailAddress.address}>`;
  if (author.client.startsWith('gmail')) {
    const attr =
      author.client === 'gmail-fi'
        ? `${fiLongDateTime(prevCivil)} ${fromLine} kirjoitti:`
        : `On ${enLongDateTime(prevCivil)} ${fromLine} wrote:`;
    return {
      html: `<div class="gmail_quote"><div dir="ltr" class="gmail_attr">${escapeHtml(attr)}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${prevRendered.html}</blockquote></div>`,
      plain: `${attr}\n${prevRendered.plain.split('\n').map((l) => `> ${l}`).join('\n')}`,
    };
  }
  const en = author.client === 'outlook-en' || author.lang === 'en';
  const labels = en
    ? { from: 'From', sent: 'Sent', to: 'To', cc: 'Cc', subject: 'Subject' }
    : { from: 'Lähettäjä', sent: 'Lähetetty', to: 'Vastaanottaja', cc: 'Kopio', subject: 'Aihe' };
  const when = en ? enLongDateTime(prevCivil) : fiLongDateTime(prevCivil);
  const rows: [string, string][] = [
    [labels.from, fromLine],
    [labels.sent, when],
    [labels.to, listNames(p.toRecipients)],
  ];
  if (p.ccRecipients.length > 0) rows.push([labels.cc, listNames(p.ccRecipients)]);
  rows.push([labels.subject, p.subject]);
  const plainHeader = rows.map(([k, v]) => `${k}: ${v}`).join('\n');
  if (author.client === 'webmail' || author.client === 'system') {
    return {
      html: `<div>----- ${en ? 'Original message' : 'Alkuperäinen viesti'} -----<br>${rows.map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(v)}`).join('<br>')}</div><blockquote>${prevRendered.html}</blockquote>`,
      plain: `----- ${en ? 'Original message' : 'Alkuperäinen viesti'} -----\n${plainHeader}\n\n${prevRendered.plain.split('\n').map((l) => `> ${l}`).join('\n')}`,
    };
  }
  return {
    html:
      '<div id="appendonsend"></div>\r\n<hr style="display:inline-block;width:98%" tabindex="-1">\r\n' +
      `<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">${rows
        .map(([k, v]) => `<b>${escapeHtml(k)}:</b> ${escapeHtml(v)}`)
        .join('<br>\r\n')}</font>\r\n<div>&nbsp;</div>\r\n</div>\r\n<div>${prevRendered.html}</div>`,
    plain: `________________________________\n${plainHeader}\n\n${prevRendered.plain}`,
  };
}

export interface ComposeContext {
  rng: Rng;
  usedIds: Set<string>;
}

/**
 * Composes the messages of one conversation at the given civil (Helsinki wall-clock) send times.
 * `convIndex` numbers the conversation for later state decisions.
 */
export function composeThread(spec: ThreadSpec, civilTimes: number[], convIndex: number, ctx: ComposeContext): Composed[] {
  const { rng } = ctx;
  const out: Composed[] = [];
  const rendered: Rendered[] = [];
  const convId = conversationId(rng);
  const first = spec.steps[0];
  if (!first) throw new Error(`thread "${spec.subject}" has no steps`);
  const firstUtc = civilToUtc(civilTimes[0] ?? 0);
  const index = new ConversationIndex(firstUtc, rng);
  let subject = spec.forwardedFirst ? forwardPrefix(first.from) + spec.subject : spec.subject;

  spec.steps.forEach((step, i) => {
    const civil = civilTimes[i];
    if (civil === undefined) throw new Error('missing send time');
    // The message this one answers: usually the previous, sometimes an earlier branch.
    const prev = out[step.inReplyTo ?? i - 1];
    const prevIdx = step.inReplyTo ?? i - 1;
    const author = step.from;
    const as = step.as ?? 'reply';
    if (i > 0 && prev) subject = nextSubject(prev.msg.subject, author, as);

    const to = step.to ?? (prev ? [prev.author] : []);
    if (to.length === 0) throw new Error(`step ${i} of "${spec.subject}" has no recipients`);
    const toRecipients = to.map(recipient);
    let ccPeople = step.cc ?? [];
    if (step.all && prev) {
      // Reply-all: everyone on the previous message except the author and the direct recipients.
      const prevAll = [prev.msg.from, ...prev.msg.toRecipients, ...prev.msg.ccRecipients].map((r) => r.emailAddress.address);
      const seen = new Set([author.address, ...to.map((p) => p.address), ...ccPeople.map((p) => p.address)]);
      const extra = Object.values(PEOPLE).filter((p) => prevAll.includes(p.address) && !seen.has(p.address));
      ccPeople = [...ccPeople, ...extra];
    }
    const ccRecipients = ccPeople.map(recipient);

    const internal =
      author.address.endsWith(`@${INSTITUTE_DOMAIN}`) &&
      [...to, ...ccPeople].every((p) => p.address.endsWith(`@${INSTITUTE_DOMAIN}`));
    const lang = author.lang === 'en' || to.some((p) => p.lang === 'en') ? 'en' : 'fi';
    const sig = step.signature !== undefined ? (step.signature === '' ? [] : step.signature.split('\n')) : signatureLines(author, internal, rng, lang);
    const own = [...step.text, ...(sig.length ? [sig.join('\n')] : [])];
    const ownPlain = own.join('\n\n');
    // Outlook separates paragraphs with an empty line (an empty div).
    let ownHtml = paragraphsToHtml(own.flatMap((p, k) => (k === 0 ? [p] : ['', p])));
    if (i === 0 && spec.rawHtml !== undefined) ownHtml = spec.rawHtml;

    let body: Rendered = { html: ownHtml, plain: ownPlain };
    if (prev) {
      const prevRendered = rendered[prevIdx];
      const prevCivil = civilTimes[prevIdx];
      if (prevRendered && prevCivil !== undefined) {
        const q = quoteBlock(author, prev, prevRendered, prevCivil);
        body = { html: `${ownHtml}\r\n<br>\r\n${q.html}`, plain: `${ownPlain}\n\n${q.plain}` };
      }
    }
    rendered.push(body);

    const sentUtc = civilToUtc(civil);
    // Inbound mail arrives a few seconds to a minute after sending; own sent mail is stamped once.
    const receivedUtc = author.key === 'aino' ? sentUtc : sentUtc + rng.int(2, 75) * 1000;
    const textBody = spec.textBody === true || author.client === 'webmail';
    let internetMessageId = i === 0 && spec.internetMessageId ? spec.internetMessageId : messageIdFor(author, rng);
    while (ctx.usedIds.has(internetMessageId)) internetMessageId = messageIdFor(author, rng);
    ctx.usedIds.add(internetMessageId);

    const msg: Composed['msg'] = {
      subject,
      bodyPreview: previewOf(body.plain),
      body: textBody ? { contentType: 'text', content: body.plain } : { contentType: 'html', content: wrapHtml(body.html) },
      from: recipient(author),
      sender: recipient(author),
      toRecipients,
      ccRecipients,
      replyTo: (step.replyTo ?? []).map(recipient),
      receivedDateTime: isoUtc(receivedUtc),
      sentDateTime: isoUtc(sentUtc),
      isDraft: false,
      importance: step.importance ?? 'normal',
      hasAttachments: step.hasAttachments ?? false,
      conversationId: convId,
      conversationIndex: i === 0 ? index.current() : index.child(sentUtc, rng),
      internetMessageId,
      inferenceClassification: spec.other || spec.topic === 'bulk' ? 'other' : 'focused',
    };
    out.push({ msg, author, sentUtc, topic: spec.topic, categories: spec.categories ?? [], conv: convIndex, pos: i });
  });
  return out;
}


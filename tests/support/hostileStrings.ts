/**
 * Hostile text: what users paste, what mail carries and what attackers try, for every input Trail has
 * (search, create, rename, roles, notes, the filing note, settings). Each entry says what it probes.
 * Some are generated systematically (every control character, each quote in each position, lengths
 * around the limits), but each one is there for a reason.
 */

export type HostileCategory =
  | 'quote'
  | 'odata'
  | 'url'
  | 'html'
  | 'bidi'
  | 'emoji'
  | 'surrogate'
  | 'invisible'
  | 'space'
  | 'fullwidth'
  | 'combining'
  | 'control'
  | 'linebreak'
  | 'long'
  | 'injection'
  | 'path'
  | 'normalisation'
  | 'finnish'
  | 'script'
  | 'plain';

export interface HostileString {
  category: HostileCategory;
  /** What it probes, for a failing test's name. */
  label: string;
  text: string;
}

const entries: HostileString[] = [];
const add = (category: HostileCategory, label: string, text: string) => {
  // One entry per text: the first category that brings it.
  if (!entries.some((e) => e.text === text)) entries.push({ category, label, text });
};

// Quotes: each one alone, doubled, at the start, in the middle and at the end of a name.
const QUOTES: Array<[string, string]> = [
  ["'", 'apostrophe'],
  ['"', 'double quote'],
  ['`', 'backtick'],
  ['\u2019', 'right single quote'],
  ['\u201D', 'right double quote'],
  ['\u2018', 'left single quote'],
  ['\u201C', 'left double quote'],
  ['\u00AB', 'guillemet'],
];
for (const [q, name] of QUOTES) {
  add('quote', `${name} alone`, q);
  add('quote', `${name} doubled`, q + q);
  add('quote', `${name} leading`, `${q}Virtanen`);
  add('quote', `${name} inside`, `O${q}Brien`);
  add('quote', `${name} trailing`, `Virtanen${q}`);
}
add('quote', 'odd run of apostrophes', "'''''");
add('quote', 'unclosed literal', "Kallio' Rakennus");
add('quote', 'escaped-looking apostrophe', "O\\'Brien");
add('quote', 'both kinds', `"O'Brien" & 'Sons'`);

// OData: text that would change a $filter if it were pasted into one unescaped.
for (const text of [
  "' or 1 eq 1",
  "x' or '1' eq '1",
  "') or true or ('",
  "'; $filter=true",
  "name:x' or startswith(fields/Key,'",
  "fields/Key eq 'email:a@b.fi'",
  "startswith(fields/Key,'')",
  "a' and fields/EntityKey ne '",
  "') and (1 eq 1",
  'eq ne gt lt ge le and or not',
  'Key eq Key',
  '$filter=',
  '$top=1000',
  '$select=*',
  '$expand=fields',
  '$orderby=Title desc',
  '$skiptoken=abc',
  '$search="x"',
  '@odata.nextLink',
  'null',
  'true',
  '1 eq 1',
  'fields/Title',
  'substringof(\'a\',Title)',
  "contains(Title,'x')",
  '(((((',
  ')))))',
  '(a)(b)',
  '*',
  '~',
  '**/*',
  "''",
  "'' or ''=''",
]) {
  add('odata', text, text);
}

// URL metacharacters: a query cut, a segment added, a parameter smuggled or a byte decoded twice.
for (const text of [
  '%27',
  '%27 or 1 eq 1',
  '%2F',
  '%252F',
  '%00',
  '%',
  '%%',
  '%zz',
  '#',
  'a#b',
  '?',
  'a?$top=1',
  '&',
  'a&$top=999',
  'AT&T',
  '+',
  'C++',
  'a+b=c',
  '/',
  'a/b/c',
  '\\',
  'a\\b',
  '\\\\server\\share',
  '=',
  ';',
  'a;b;c',
  ',',
  '|',
  '^',
  '[a]',
  '{a}',
  '<a>',
  ' ',
  'a b',
]) {
  add('url', text, text);
}

// HTML and script: must render as text wherever it is shown.
for (const text of [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<b>bold</b>',
  '<i>Virtanen</i> Oy',
  '&amp;',
  '&lt;script&gt;',
  '&#39;',
  '&#x27;',
  '&nbsp;',
  '<!-- comment -->',
  '<![CDATA[x]]>',
  '<a href="javascript:alert(1)">x</a>',
  'javascript:alert(1)',
  '<iframe src=//example.com>',
  '<style>*{display:none}</style>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
]) {
  add('html', text, text);
}

// Right-to-left text and direction controls.
for (const [label, text] of <Array<[string, string]>>[
  ['RLO override', '\u202Eevil.exe'],
  ['RLO in a name', 'Matti \u202EnenkkiV'],
  ['LRO', '\u202DMatti'],
  ['RLE PDF', '\u202Bfi\u202C'],
  ['RLM around Arabic', '\u200Fفاطمة الحسيني\u200F'],
  ['Arabic', 'فاطمة الحسيني'],
  ['Arabic with Latin', 'شركة Kallio للبناء'],
  ['Hebrew', 'דוד כהן'],
  ['Hebrew with number', 'חברה 123 בע"מ'],
  ['isolates', '\u2067שלום\u2069 Virtanen'],
  ['first strong isolate', '\u2068Matti\u2069'],
  ['Arabic letter mark', '\u061Cعلي'],
  ['Persian', 'شرکت دانش'],
  ['Urdu', 'علی خان'],
]) {
  add('bidi', label, text);
}

// Emoji: single code points, ZWJ sequences, flags, skin tones, keycaps, variation selectors.
for (const [label, text] of <Array<[string, string]>>[
  ['smile', '😀'],
  ['name with emoji', 'Matti 😀 Virtanen'],
  ['family ZWJ', '👨‍👩‍👧‍👦'],
  ['technologist ZWJ', '👩🏽‍💻'],
  ['rainbow flag', '🏳️‍🌈'],
  ['Finnish flag', '🇫🇮'],
  ['flags run', '🇫🇮🇸🇪🇳🇴🇩🇰'],
  ['skin tones', '👍🏻👍🏼👍🏽👍🏾👍🏿'],
  ['keycap', '1️⃣2️⃣3️⃣'],
  ['variation selector', '❤️'],
  ['text heart', '❤︎'],
  ['emoji only run', '🎉'.repeat(20)],
  ['astral CJK', '𠀀𠀁𠀂'],
  ['math letters', '𝓜𝓪𝓽𝓽𝓲'],
  ['tag sequence', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
]) {
  add('emoji', label, text);
}

// Surrogate pairs at the cuts: the key's 100, the Title's 255, the folder name's 64.
for (const at of [63, 64, 99, 100, 101, 254, 255, 256]) {
  add('surrogate', `emoji straddling char ${at}`, `${'a'.repeat(at - 1)}😀tail`);
}
add('surrogate', 'ZWJ family straddling 100', `${'b'.repeat(97)}👨‍👩‍👧‍👦 x`);
add('surrogate', 'flag straddling 255', `${'c'.repeat(253)}🇫🇮🇸🇪`);
add('surrogate', 'words of 99 then emoji', `${'d'.repeat(99)}😀 ${'e'.repeat(99)}😀`);

// Invisible characters: zero-width, joiners, soft hyphen, BOM.
for (const [label, text] of <Array<[string, string]>>[
  ['zero-width space inside', 'Vir\u200Btanen'],
  ['zero-width space only', '\u200B'],
  ['zero-width joiner', 'Vir\u200Dtanen'],
  ['zero-width non-joiner', 'Vir\u200Ctanen'],
  ['word joiner', 'Vir\u2060tanen'],
  ['BOM leading', '\uFEFFVirtanen'],
  ['soft hyphen', 'Vir\u00ADtanen'],
  ['invisible separator', 'a\u2063b'],
  ['Mongolian vowel separator', 'a\u180Eb'],
  ['Hangul filler', '\u3164'],
  ['only invisibles', '\u200B\u200C\u200D\uFEFF'],
]) {
  add('invisible', label, text);
}

// Spaces of every kind: no-break, thin, ideographic, runs, leading and trailing.
for (const [label, text] of <Array<[string, string]>>[
  ['no-break space', 'Matti\u00A0Virtanen'],
  ['narrow no-break space', 'Matti\u202FVirtanen'],
  ['thin space', 'Matti\u2009Virtanen'],
  ['em space', 'Matti\u2003Virtanen'],
  ['ideographic space', 'Matti\u3000Virtanen'],
  ['double space', 'Matti  Virtanen'],
  ['tab', 'Matti\tVirtanen'],
  ['leading and trailing', '  Matti Virtanen  '],
  ['only spaces', '     '],
  ['only no-break spaces', '\u00A0\u00A0'],
  ['empty', ''],
]) {
  add('space', label, text);
}

// Full-width and compatibility forms (NFKC folds them).
for (const [label, text] of <Array<[string, string]>>[
  ['full-width latin', 'Ｍａｔｔｉ Ｖｉｒｔａｎｅｎ'],
  ['full-width apostrophe', 'Ｏ＇Ｂｒｉｅｎ'],
  ['full-width percent', '％２７'],
  ['full-width less-than', '＜script＞'],
  ['ligature', 'ﬁnland'],
  ['superscript', 'x²'],
  ['roman numeral', 'Ⅻ'],
  ['circled', 'ⓜⓐⓣⓣⓘ'],
  ['half-width katakana', 'ｶﾀｶﾅ'],
]) {
  add('fullwidth', label, text);
}

// Combining marks: stacked, orphaned, Zalgo.
for (const [label, text] of <Array<[string, string]>>[
  ['orphan combining acute', '\u0301'],
  ['stacked marks', 'a\u0301\u0308\u0323'],
  ['zalgo', 'Z̴̡̛̖̗̘a̵̢̛̙̚l̶̡̛̜̝g̷̢̛̞̟ơ̸̡̠̤'],
  ['Devanagari', 'नमस्ते'],
  ['Thai', 'สวัสดี'],
  ['Korean jamo', '\u1100\u1161\u11A8'],
  ['Vietnamese', 'Nguyễn Thị Minh Khai'],
]) {
  add('combining', label, text);
}

// Control characters: every C0, DEL and a few C1, inside a name.
for (let code = 0; code <= 0x1f; code++) {
  add('control', `U+${code.toString(16).padStart(4, '0')} inside`, `Vir${String.fromCharCode(code)}tanen`);
}
add('control', 'U+007F inside', 'Vir\u007Ftanen');
add('control', 'U+0085 next line', 'Vir\u0085tanen');
add('control', 'U+009B CSI', 'Vir\u009Btanen');
add('control', 'ANSI colour', '\u001b[31mred\u001b[0m');

// Line breaks of every kind.
for (const [label, text] of <Array<[string, string]>>[
  ['LF', 'first line\nsecond line'],
  ['CRLF', 'first line\r\nsecond line'],
  ['CR', 'first line\rsecond line'],
  ['line separator', 'first\u2028second'],
  ['paragraph separator', 'first\u2029second'],
  ['trailing LF', 'Virtanen\n'],
  ['many blank lines', 'a\n\n\n\n\nb'],
]) {
  add('linebreak', label, text);
}

// Lengths around and far past the limits.
for (const n of [64, 65, 100, 101, 254, 255, 256, 1000, 10_000, 60_000]) {
  add('long', `${n} characters`, 'x'.repeat(n));
}
add('long', '1k words', 'sana '.repeat(200).trim());
add('long', '10k with quotes', "O'Brien ".repeat(1250).trim());
add('long', '1k Finnish', 'äöå'.repeat(334).slice(0, 1000));

// Injection shapes from other languages: harmless here, they must stay text.
for (const text of [
  "Robert'); DROP TABLE Students;--",
  "1' OR '1'='1",
  "admin'--",
  'UNION SELECT * FROM users',
  '{"name":"x","$where":"1"}',
  '{"__proto__":{"admin":true}}',
  '[1,2,3]',
  '"}]},{"',
  '=HYPERLINK("http://example.com","x")',
  '=cmd|\' /C calc\'!A0',
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
  '\t=1+1',
  '${jndi:ldap://example.com/a}',
  '%s%s%s%n',
  '{0}{1}',
  '{name}',
  '<%= 7*7 %>',
  '#{7*7}',
]) {
  add('injection', text, text);
}

// Path traversal and file names.
for (const text of ['../../etc/passwd', '..\\..\\windows\\system32', '/etc/passwd', 'C:\\Windows\\', '.', '..', '...', '~/.ssh', 'file:///etc/passwd', 'CON', 'NUL.txt', 'a/../b']) {
  add('path', text, text);
}

// Unicode normalisation: the same letters, composed and decomposed.
for (const [label, text] of <Array<[string, string]>>[
  ['é composed', 'Caf\u00E9'],
  ['é decomposed', 'Cafe\u0301'],
  ['ä composed', 'J\u00E4rvinen'],
  ['ä decomposed', 'Ja\u0308rvinen'],
  ['Å angstrom sign', '\u212Bngstr\u00F6m'],
  ['K kelvin sign', '\u212Aallio'],
  ['dotless i', 'Kırılmaz'],
  ['Turkish İ', 'İstanbul'],
  ['German sharp s', 'Straße'],
  ['capital sharp s', 'STRAẞE'],
  ['Greek final sigma', 'ΟΔΥΣΣΕΥΣ'],
]) {
  add('normalisation', label, text);
}

// Finnish and Nordic names as people write them.
for (const text of [
  'Äijälä',
  'Östman',
  'Åström',
  'Hämeen ELY-keskus',
  'Pöyry Oyj',
  'Mäki-Ojala',
  'Seutuopisto – Koulutuspalvelut',
  'Oy Ääkkönen Ab',
  'Keskuskauppakamari ry',
  'Tampereen yliopisto (TAU)',
  'Lue myöhemmin',
  'Yhdistys r.y.',
  'Sámi Giellagáldu',
  'Ærø',
  'Øresund',
]) {
  add('finnish', text, text);
}

// Other scripts.
for (const text of ['李小龍', '山田太郎', 'Ελένη Παπαδοπούλου', 'Юлия Иванова', 'Ǉubljana', 'Ꭰꮒ', 'ⴰⵣⴰⵡⴰⵖ']) {
  add('script', text, text);
}

// Plain names, so a failure on hostile text is not a failure on every text.
for (const text of ['Matti Virtanen', 'Kallio Rakennus Oy', 'A', 'a1', '007', '3M']) {
  add('plain', text, text);
}

export const HOSTILE_STRINGS: readonly HostileString[] = entries;

/** Entries of some categories only. */
export const hostileIn = (...categories: HostileCategory[]): HostileString[] => entries.filter((e) => categories.includes(e.category));

/** One of each category, the first: a representative subset for slower layers (a browser, a component). */
export function representativeHostile(perCategory = 3): HostileString[] {
  const seen = new Map<HostileCategory, number>();
  return entries.filter((e) => {
    const n = seen.get(e.category) ?? 0;
    seen.set(e.category, n + 1);
    return n < perCategory;
  });
}

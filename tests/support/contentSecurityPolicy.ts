/**
 * The Content-Security-Policy docs/deploy.md tells hosts to send (docs/staticwebapp.config.json, shown in the doc),
 * and a check that built pages run under it: no inline script, every script's source allowed by script-src.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/** The example config's headers, as the file in docs/ has them. */
export function exampleConfigHeaders(): Record<string, string> {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'staticwebapp.config.json'), 'utf8')) as { globalHeaders: Record<string, string> };
  return config.globalHeaders;
}

/** The example config's Content-Security-Policy. */
export function examplePolicy(): string {
  const policy = exampleConfigHeaders()['Content-Security-Policy'];
  if (!policy) throw new Error('docs/staticwebapp.config.json sets no Content-Security-Policy');
  return policy;
}

/** The JSON block deploy.md shows under its Content-Security-Policy section. */
export function deployDocConfig(): unknown {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'deploy.md'), 'utf8');
  const section = doc.split(/^### 6\.2 Content-Security-Policy$/m)[1];
  const block = section?.match(/```json\n([\s\S]*?)\n```/)?.[1];
  if (block === undefined) throw new Error('docs/deploy.md has no ```json block under "### 6.2 Content-Security-Policy"');
  return JSON.parse(block);
}

export function directives(policy: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed.set(name, sources);
  }
  return parsed;
}

/** What in one built page the policy would refuse: inline scripts, and scripts from sources script-src does not list. */
export function refusedScripts(html: string, policy: string): string[] {
  const scriptSrc = directives(policy).get('script-src') ?? directives(policy).get('default-src') ?? [];
  const refused: string[] = [];
  for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
    const src = tag.match(/\bsrc\s*=\s*["']([^"']+)["']/i)?.[1];
    if (src === undefined) {
      refused.push(`inline script: ${tag.slice(0, 80)}`);
      continue;
    }
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');
    const allowed = absolute ? scriptSrc.includes(new URL(src, 'https://self.invalid/').origin) : scriptSrc.includes("'self'");
    if (!allowed) refused.push(`script from ${src}`);
  }
  if (/\son[a-z]+\s*=/i.test(html)) refused.push('inline event handler attribute');
  return refused;
}

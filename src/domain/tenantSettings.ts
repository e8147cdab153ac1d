/**
 * Settings an organisation sets once for everyone (the "Trail Settings" list item in its SharePoint
 * site): default triage folder names, additions to the public mail domains, and domains never to
 * file. What comes back from SharePoint was typed by a person into a list form, so every field is
 * checked on its own and a bad one falls back alone; a bad value never breaks the pane. Pure.
 */
import { normaliseDomain } from './addresses';
import { normaliseFolderName } from './triage/settings';

export interface TenantSettings {
  /** Default folder names for everyone who has not chosen their own; undefined: Trail's, in the user's language. */
  asapFolderName?: string;
  readLaterFolderName?: string;
  /** Added to Trail's public mail domains: no organisation is matched or created by them. */
  publicDomains: string[];
  /** Participants at these domains (and their subdomains) are never suggested or offered for creating. */
  neverFileDomains: string[];
}

export const DEFAULT_TENANT_SETTINGS: TenantSettings = { publicDomains: [], neverFileDomains: [] };

/** The settings list's columns, as SharePoint names them. */
export const TENANT_SETTING_COLUMNS = {
  asapFolderName: 'AsapFolderName',
  readLaterFolderName: 'ReadLaterFolderName',
  publicDomains: 'PublicDomains',
  neverFileDomains: 'NeverFileDomains',
} as const;

/** A value Trail ignored, so the admin screen or a log can say which one and why. */
export interface TenantSettingProblem {
  column: string;
  value: string;
  problem: 'invalidFolderName' | 'sameFolderNames' | 'invalidDomain';
}

/** Admins paste lists any way: one per line, or separated by commas, semicolons or spaces. */
function domainList(raw: unknown, column: string, problems: TenantSettingProblem[]): string[] {
  if (typeof raw !== 'string') return [];
  const domains: string[] = [];
  for (const part of raw.split(/[\s,;]+/).filter(Boolean)) {
    const domain = normaliseDomain(part);
    if (!domain) problems.push({ column, value: part, problem: 'invalidDomain' });
    else if (!domains.includes(domain)) domains.push(domain);
  }
  return domains;
}

function folderName(raw: unknown, column: string, problems: TenantSettingProblem[]): string | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const name = normaliseFolderName(raw);
  if (!name) problems.push({ column, value: raw, problem: 'invalidFolderName' });
  return name;
}

/** The settings item's fields (as Graph returns `fields`), field by field. Never throws. */
export function parseTenantSettings(fields: unknown): { settings: TenantSettings; problems: TenantSettingProblem[] } {
  const problems: TenantSettingProblem[] = [];
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return { settings: { ...DEFAULT_TENANT_SETTINGS }, problems };
  const f = fields as Record<string, unknown>;
  const c = TENANT_SETTING_COLUMNS;
  let asap = folderName(f[c.asapFolderName], c.asapFolderName, problems);
  let readLater = folderName(f[c.readLaterFolderName], c.readLaterFolderName, problems);
  // One folder for both actions would make them indistinguishable (Exchange compares names case-insensitively).
  if (asap && readLater && asap.toLocaleLowerCase() === readLater.toLocaleLowerCase()) {
    problems.push({ column: c.readLaterFolderName, value: readLater, problem: 'sameFolderNames' });
    asap = readLater = undefined;
  }
  return {
    settings: {
      ...(asap ? { asapFolderName: asap } : {}),
      ...(readLater ? { readLaterFolderName: readLater } : {}),
      publicDomains: domainList(f[c.publicDomains], c.publicDomains, problems),
      neverFileDomains: domainList(f[c.neverFileDomains], c.neverFileDomains, problems),
    },
    problems,
  };
}

/** Settings as cached (JSON of any age or shape): the same checks, so a tampered cache is as safe as none. */
export function tenantSettingsFromCache(raw: unknown): TenantSettings | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Partial<Record<keyof TenantSettings, unknown>>;
  const join = (value: unknown) => (Array.isArray(value) ? value.filter((v) => typeof v === 'string').join('\n') : undefined);
  const c = TENANT_SETTING_COLUMNS;
  return parseTenantSettings({
    [c.asapFolderName]: r.asapFolderName,
    [c.readLaterFolderName]: r.readLaterFolderName,
    [c.publicDomains]: join(r.publicDomains),
    [c.neverFileDomains]: join(r.neverFileDomains),
  }).settings;
}

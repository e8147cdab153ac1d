/**
 * Settings an organisation sets once for everyone (the "Trail Settings" list item in its SharePoint
 * site): default triage folder names, additions to the public mail domains, and domains never to
 * file. What comes back from SharePoint was typed by a person into a list form, so every field is
 * checked on its own and a bad one falls back alone; a bad value never breaks the pane. Pure.
 */
import { normaliseAddress, normaliseDomain } from './addresses';
import { DEFAULT_STAKEHOLDER_ROLES } from './entities';
import { normaliseFolderName } from './triage/settings';

export interface TenantSettings {
  /** Default folder names for everyone who has not chosen their own; undefined: Trail's, in the user's language. */
  asapFolderName?: string;
  readLaterFolderName?: string;
  /** Added to Trail's public mail domains: no organisation is matched or created by them. */
  publicDomains: string[];
  /** Participants at these domains (and their subdomains) are never suggested or offered for creating. */
  neverFileDomains: string[];
  /** The stakeholder roles people and organisations are given (Trail's defaults unless the organisation sets its own). */
  stakeholderRoles?: string[];
  /** Addresses of the people who may export and erase a person; none named: the site's owners. */
  recordKeepers?: string[];
}

export const DEFAULT_TENANT_SETTINGS: TenantSettings = { publicDomains: [], neverFileDomains: [] };

/** The roles in force: the organisation's own list, else Trail's defaults. */
export const stakeholderRolesOf = (settings: Pick<TenantSettings, 'stakeholderRoles'>): string[] =>
  settings.stakeholderRoles?.length ? settings.stakeholderRoles : [...DEFAULT_STAKEHOLDER_ROLES];

/** The settings list's columns, as SharePoint names them. */
export const TENANT_SETTING_COLUMNS = {
  asapFolderName: 'AsapFolderName',
  readLaterFolderName: 'ReadLaterFolderName',
  publicDomains: 'PublicDomains',
  neverFileDomains: 'NeverFileDomains',
  stakeholderRoles: 'StakeholderRoles',
  recordKeepers: 'RecordKeepers',
} as const;

/** A value Trail ignored, so the admin screen or a log can say which one and why. */
export interface TenantSettingProblem {
  column: string;
  value: string;
  problem: 'invalidFolderName' | 'sameFolderNames' | 'invalidDomain' | 'invalidRole' | 'invalidAddress';
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

/** One role a line (a role may hold spaces and commas: "partner school"); a semicolon would split it in the record. */
function roleList(raw: unknown, column: string, problems: TenantSettingProblem[]): string[] | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const roles: string[] = [];
  for (const line of raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    if (line.includes(';') || line.length > 100) problems.push({ column, value: line, problem: 'invalidRole' });
    else if (!roles.some((r) => r.toLocaleLowerCase() === line.toLocaleLowerCase())) roles.push(line);
  }
  return roles.length ? roles : undefined;
}

function addressList(raw: unknown, column: string, problems: TenantSettingProblem[]): string[] {
  if (typeof raw !== 'string') return [];
  const addresses: string[] = [];
  for (const part of raw.split(/[\s,;]+/).filter(Boolean)) {
    const address = normaliseAddress(part);
    if (!address.ok) problems.push({ column, value: part, problem: 'invalidAddress' });
    else if (!addresses.includes(address.address)) addresses.push(address.address);
  }
  return addresses;
}

function folderName(raw: unknown, column: string, problems: TenantSettingProblem[]): string | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const name = normaliseFolderName(raw);
  if (!name) problems.push({ column, value: raw, problem: 'invalidFolderName' });
  return name;
}

function optional<K extends 'stakeholderRoles' | 'recordKeepers'>(key: K, value: string[] | undefined): Partial<Record<K, string[]>> {
  return value?.length ? ({ [key]: value } as Partial<Record<K, string[]>>) : {};
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
      ...optional('stakeholderRoles', roleList(f[c.stakeholderRoles], c.stakeholderRoles, problems)),
      ...optional('recordKeepers', addressList(f[c.recordKeepers], c.recordKeepers, problems)),
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
    [c.stakeholderRoles]: join(r.stakeholderRoles),
    [c.recordKeepers]: join(r.recordKeepers),
  }).settings;
}

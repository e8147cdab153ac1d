/**
 * The child order the Office add-in manifest schema requires, for every element our manifest uses.
 *
 * Outlook rejects a manifest whose children are out of xs:sequence order (with the same error as a
 * wrong parent), so the unit test checks every element against this table. Sources:
 *  - [ORDER] https://learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering
 *    (OfficeApp of type MailApp; mail VersionOverrides 1.0 and 1.1 subtrees)
 *  - [OWEMXML] https://learn.microsoft.com/openspecs/office_file_formats/ms-owemxml/c6a06390-34b8-4b42-82eb-b28be12494a8
 *    (the official schema, one page per type; the pages cited below give the xs:sequence)
 *  - The published XSDs OfficeAppManifestV1_1.xsd, OfficeAppBasicTypesV1_0.xsd,
 *    MailAppVersionOverridesV1_0.xsd / V1_1.xsd (see xsd/README.md) for minOccurs/maxOccurs.
 *
 * Each child is written as `name` plus an occurrence mark from the XSD: '' exactly once, '?' 0..1,
 * '*' 0..n, '+' 1..n. A child in another namespace than its parent carries a prefix from NS_ALIAS.
 */

export const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  mailor: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  mailor11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** Prefixes used in the table for children outside their parent's namespace. */
export const NS_ALIAS: Readonly<Record<string, string>> = {
  [NS.app]: 'app',
  [NS.bt]: 'bt',
  [NS.mailor]: 'mailor',
  [NS.mailor11]: 'mailor11',
};

export interface SequenceRule {
  /** Where the order was read (a URL or an XSD type name). */
  readonly source: string;
  readonly children: readonly string[];
}

const ORDER = 'https://learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering';
const OWEMXML = 'https://learn.microsoft.com/openspecs/office_file_formats/ms-owemxml/';

/**
 * Keys name an element by namespace alias, local name and (where it decides the content model)
 * its xsi:type or form factor: e.g. `mailor11:Control[Button]`, `mailor11:Group(mobile)`.
 */
export const SEQUENCES: Readonly<Record<string, SequenceRule>> = {
  // --- Base manifest (appforoffice/1.1) ---
  'app:OfficeApp[MailApp]': {
    source: `${ORDER}#basic-mail-add-in-element-ordering; XSD types OfficeApp + MailApp`,
    children: [
      'Id', 'AlternateId?', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description',
      'IconUrl?', 'HighResolutionIconUrl?', 'SupportUrl?', 'AppDomains?', 'Hosts?', 'Requirements',
      'FormSettings', 'Permissions?', 'Rule', 'DisableEntityHighlighting?', 'mailor:VersionOverrides?',
    ],
  },
  'app:LocaleAwareSetting': { source: 'XSD LocaleAwareSetting and its Short/Long/URL variants', children: ['Override*'] },
  'app:AppDomains': { source: 'XSD AppDomains', children: ['AppDomain+'] },
  'app:Hosts': { source: 'XSD Hosts (appforoffice/1.1)', children: ['Host+'] },
  'app:Requirements': { source: 'XSD MailAppRequirements', children: ['Sets'] },
  'app:Sets': { source: 'XSD Sets (appforoffice/1.1)', children: ['Set+'] },
  'app:FormSettings': { source: 'XSD FormSettings', children: ['Form+'] },
  'app:Form[ItemRead]': { source: 'XSD ItemRead', children: ['DesktopSettings', 'TabletSettings?', 'PhoneSettings?'] },
  'app:DesktopSettings': { source: 'XSD ItemReadDesktopMailAppSettings', children: ['SourceLocation', 'RequestedHeight'] },
  'app:Rule[RuleCollection]': { source: 'XSD RuleCollection', children: ['Rule+'] },

  // --- VersionOverrides 1.0 (mailappversionoverrides) ---
  'mailor:VersionOverrides[VersionOverridesV1_0]': {
    source: `${OWEMXML}1ceb2dec-cef9-4e7c-9044-fd7f6a3b1502 (VersionOverridesV1_0, mail)`,
    children: ['Description?', 'Requirements?', 'Hosts?', 'Resources?', 'mailor11:VersionOverrides?'],
  },

  // --- VersionOverrides 1.1 (mailappversionoverrides/1.1) ---
  'mailor11:VersionOverrides[VersionOverridesV1_1]': {
    source: `${OWEMXML}3102a95c-45c1-4f9c-b75a-33749ebf1b76 (VersionOverridesV1_1); ${ORDER}#mail-add-in-element-ordering-within-versionoverrides-ver-11`,
    children: [
      'Description?', 'Requirements?', 'Hosts?', 'Resources?', 'WebApplicationInfo?', 'EquivalentAddins?',
      'ConnectedServiceControls?', 'ExtendedPermissions?',
    ],
  },
  'mailor11:Requirements': { source: 'XSD bt:Requirements', children: ['bt:Sets'] },
  'bt:Sets': { source: 'XSD bt:Sets', children: ['Set+'] },
  'mailor11:Hosts': { source: 'XSD Hosts (mailappversionoverrides/1.1)', children: ['Host+'] },
  'mailor11:Host[MailHost]': {
    source: `${OWEMXML}c71ba9de-1cd3-4905-9723-6840e067e5ab (MailHost)`,
    children: ['Runtimes?', 'DesktopFormFactor?', 'MobileFormFactor?'],
  },
  'mailor11:DesktopFormFactor': {
    // FormFactorWithSupportsSharedFolders; the docs example shows the same order.
    source: 'OWEMXML FormFactorWithSupportsSharedFolders; https://learn.microsoft.com/javascript/api/manifest/supportssharedfolders',
    children: ['SupportsSharedFolders?', 'FunctionFile?', 'ExtensionPoint+'],
  },
  'mailor11:MobileFormFactor': {
    source: `${OWEMXML}cc335341-8302-41e7-907f-b5f4e5a4069d (FormFactor)`,
    children: ['FunctionFile?', 'ExtensionPoint+'],
  },
  'mailor11:ExtensionPoint(command)': {
    source: 'XSD CommandSurfaceExtensionPoint (MessageRead, AppointmentAttendee, AppointmentOrganizer)',
    children: ['OfficeTab*', 'CustomTab*'],
  },
  'mailor11:OfficeTab': { source: 'XSD Tab / OfficeTab', children: ['Group+'] },
  'mailor11:Group(desktop)': { source: 'XSD Group', children: ['Label', 'Tooltip?', 'Control+'] },
  'mailor11:Control[Button]': {
    source: 'XSD UIControl + UIControlWithIcon + Button',
    children: ['Label', 'Tooltip?', 'Supertip', 'Icon', 'Action'],
  },
  'mailor11:Supertip': { source: 'XSD Supertip', children: ['Title', 'Description'] },
  'mailor11:Icon': { source: 'XSD bt:IconList / bt:MobileIconList', children: ['bt:Image+'] },
  'mailor11:Action[ShowTaskpane]': {
    source: `${OWEMXML}0e9c52f8-050e-4a99-937c-627dc0fe8f01 (ShowTaskpane)`,
    children: ['SourceLocation', 'SupportsPinning?', 'SupportsNoItemContext?', 'SupportsMultiSelect?'],
  },
  'mailor11:Action[ExecuteFunction]': { source: 'XSD ExecuteFunction', children: ['FunctionName'] },
  'mailor11:ExtensionPoint(mobile)': {
    source: 'XSD MobileCommandSurfaceExtensionPoint (MobileMessageReadCommandSurface)',
    children: ['Group'],
  },
  'mailor11:Group(mobile)': { source: 'XSD MobileGroup', children: ['Label', 'Control+'] },
  'mailor11:Control[MobileButton]': {
    source: 'XSD MobileUIControl + MobileUIControlWithIcon + MobileButton',
    children: ['Label', 'Icon', 'Action'],
  },
  'mailor11:Resources': {
    source: 'XSD bt:Resources',
    children: ['bt:Images?', 'bt:Urls?', 'bt:ShortStrings?', 'bt:LongStrings?'],
  },
  'bt:Images': { source: 'XSD bt:ImageResources', children: ['Image*'] },
  'bt:Urls': { source: 'XSD bt:URLResources', children: ['Url*'] },
  'bt:ShortStrings': { source: 'XSD bt:ShortStringResources', children: ['String*'] },
  'bt:LongStrings': { source: 'XSD bt:LongStringResources', children: ['String*'] },
  'bt:Resource': { source: 'XSD bt:*LocaleAwareSettingWithId', children: ['Override*'] },
};

/** Minimal view of a DOM element, so this module stays independent of the XML library. */
export interface ElementLike {
  readonly localName: string | null;
  readonly namespaceURI: string | null;
  readonly parentNode: unknown;
  getAttributeNS(namespace: string | null, localName: string): string | null;
}

const LOCALE_AWARE = new Set(['DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation']);
const COMMAND_SURFACES = new Set([
  'MessageReadCommandSurface', 'MessageComposeCommandSurface',
  'AppointmentAttendeeCommandSurface', 'AppointmentOrganizerCommandSurface',
]);

/** xsi:type without its prefix (`bt:MobileIconList` → `MobileIconList`). */
export function xsiType(el: ElementLike): string | undefined {
  const t = el.getAttributeNS(NS.xsi, 'type');
  return t ? t.slice(t.indexOf(':') + 1) : undefined;
}

function isElement(node: unknown): node is ElementLike {
  return typeof node === 'object' && node !== null && (node as { nodeType?: number }).nodeType === 1;
}

function insideMobile(el: ElementLike): boolean {
  for (let n: unknown = el.parentNode; isElement(n); n = n.parentNode) {
    if (n.localName === 'MobileFormFactor') return true;
  }
  return false;
}

/** The SEQUENCES key for an element, or undefined when the table has no rule for it. */
export function sequenceKey(el: ElementLike): string | undefined {
  const alias = NS_ALIAS[el.namespaceURI ?? ''];
  const name = el.localName ?? '';
  if (!alias) return undefined;
  const type = xsiType(el);
  const parent = isElement(el.parentNode) ? el.parentNode : undefined;

  if (alias === 'app') {
    if (LOCALE_AWARE.has(name)) return 'app:LocaleAwareSetting';
    if (name === 'OfficeApp' || name === 'Form' || name === 'Rule') return `app:${name}[${type ?? ''}]`;
    return `app:${name}`;
  }
  if (alias === 'bt') {
    // Image/Url/String under a collection are resource definitions (with Overrides), not references.
    const inCollection = parent?.namespaceURI === NS.bt && ['Images', 'Urls', 'ShortStrings', 'LongStrings'].includes(parent.localName ?? '');
    return inCollection ? 'bt:Resource' : `bt:${name}`;
  }
  if (name === 'VersionOverrides' || name === 'Host' || name === 'Control' || name === 'Action') {
    return `${alias}:${name}[${type ?? ''}]`;
  }
  if (name === 'ExtensionPoint') {
    if (type && COMMAND_SURFACES.has(type)) return `${alias}:ExtensionPoint(command)`;
    if (type?.startsWith('Mobile')) return `${alias}:ExtensionPoint(mobile)`;
    return `${alias}:ExtensionPoint[${type ?? ''}]`;
  }
  if (name === 'Group') return `${alias}:Group(${insideMobile(el) ? 'mobile' : 'desktop'})`;
  return `${alias}:${name}`;
}

/** How a child is written in the table, relative to its parent's namespace. */
export function childToken(parentNs: string | null, child: ElementLike): string {
  if (child.namespaceURI === parentNs) return child.localName ?? '';
  const alias = NS_ALIAS[child.namespaceURI ?? ''];
  return alias ? `${alias}:${child.localName ?? ''}` : `{${child.namespaceURI ?? ''}}${child.localName ?? ''}`;
}

/**
 * Checks element children against a rule: every child known, in order, and each occurring as often
 * as the XSD allows. Returns readable problems (empty when the children are valid).
 */
export function checkSequence(rule: SequenceRule, childTokens: readonly string[]): string[] {
  const slots = rule.children.map((c) => {
    const mark = /[?*+]$/.exec(c)?.[0] ?? '';
    return { name: mark ? c.slice(0, -1) : c, min: mark === '' || mark === '+' ? 1 : 0, max: mark === '*' || mark === '+' ? Infinity : 1 };
  });
  const problems: string[] = [];
  const counts = new Array<number>(slots.length).fill(0);
  let last = -1;
  for (const token of childTokens) {
    const i = slots.findIndex((s) => s.name === token);
    if (i < 0) {
      problems.push(`unexpected child <${token}> (allowed: ${slots.map((s) => s.name).join(', ')})`);
      continue;
    }
    if (i < last) problems.push(`<${token}> must come before <${slots[last]?.name ?? '?'}>`);
    last = Math.max(last, i);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  slots.forEach((s, i) => {
    const n = counts[i] ?? 0;
    if (n < s.min) problems.push(`missing required <${s.name}>`);
    if (n > s.max) problems.push(`<${s.name}> occurs ${n} times (max ${s.max})`);
  });
  return problems;
}

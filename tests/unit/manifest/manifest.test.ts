/**
 * Checks manifest.xml the way Outlook and the store validator would, offline: schema order,
 * resource references, localisation, icon files, URLs, and the commands the product needs.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { normaliseBase, rewriteManifestUrls } from '../../../dev/manifestUrls';
import { allElements, childElements, manifestUrls, parseManifest, readPngSize } from './manifestFacts';
import { checkSequence, childToken, NS, SEQUENCES, sequenceKey, xsiType } from './manifestSchema';
import { adjustXsd, findXsdDir, hasXmllint, prepareSchemas, validateText, validateWithXmllint } from './xsdValidation';

const REPO = resolve(__dirname, '..', '..', '..');
const MANIFEST_PATH = join(REPO, 'manifest.xml');
const DEV_XML = readFileSync(MANIFEST_PATH, 'utf8');
const DEV_ORIGIN = 'https://localhost:3000';
/** The manifest `npm run build -- --env urlProd=https://addin.example.org/` writes, by the same function. */
const PROD_ORIGIN = 'https://addin.example.org';
const PROD_XML: string = rewriteManifestUrls(DEV_XML, DEV_ORIGIN, normaliseBase(`${PROD_ORIGIN}/`));

/** Every check below runs on the source manifest and on the production one. */
function checkManifest(label: string, XML: string, ORIGIN: string): void {
  const root = (): Element => {
    const el = parseManifest(XML).documentElement;
    if (!el) throw new Error('manifest has no root element');
    return el;
  };
  const ROOT = root();
  const ALL = allElements(ROOT);

  const byName = (name: string, ns?: string, scope: Element[] = ALL): Element[] =>
    scope.filter((e) => e.localName === name && (ns === undefined || e.namespaceURI === ns));
  const one = (name: string, ns?: string, scope: Element[] = ALL): Element => {
    const found = byName(name, ns, scope);
    if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
    return found[0] as Element;
  };
  const attr = (e: Element, name: string): string => e.getAttribute(name) ?? '';
  const text = (e: Element): string => (e.textContent ?? '').trim();
  const descendants = (e: Element): Element[] => allElements(e).slice(1);

  /** Resource collections, id → element, per kind. */
  type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';
  const RESOURCE_KINDS: readonly ResourceKind[] = ['Images', 'Urls', 'ShortStrings', 'LongStrings'];
  const resources = (kind: ResourceKind): Map<string, Element> =>
    new Map(byName(kind, NS.bt).flatMap((c) => childElements(c)).map((e) => [attr(e, 'id'), e]));

  /** Which collection a resid on this element must point into (schema types of each reference). */
  function residKind(e: Element): ResourceKind | undefined {
    if (e.namespaceURI === NS.bt && e.localName === 'Image') return 'Images';
    switch (e.localName) {
      case 'SourceLocation':
      case 'FunctionFile':
        return 'Urls';
      case 'Label':
      case 'Title':
      case 'Tooltip':
        return 'ShortStrings';
      case 'Description':
        return 'LongStrings';
      default:
        return undefined;
    }
  }

  const surface = (type: string): Element => {
    const found = byName('ExtensionPoint', NS.mailor11).filter((e) => xsiType(e) === type);
    if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
    return found[0] as Element;
  };
  const actionsIn = (scope: Element, type: string): Element[] =>
    byName('Action', NS.mailor11, descendants(scope)).filter((a) => xsiType(a) === type);

  describe(`${label}: document`, () => {
    test('is well-formed XML (strict parser rejects broken markup)', () => {
      expect(() => parseManifest(XML)).not.toThrow();
      expect(() => parseManifest(XML.replace('</DisplayName>', ''))).toThrow();
    });

    test('root is OfficeApp of type MailApp with the fixed identity', () => {
      expect(ROOT.localName).toBe('OfficeApp');
      expect(ROOT.namespaceURI).toBe(NS.app);
      expect(xsiType(ROOT)).toBe('MailApp');
      const base = childElements(ROOT);
      expect(text(one('Id', NS.app, base))).toBe('df244187-f4f2-491a-ad72-8ca7bde9bd03');
      expect(text(one('Version', NS.app, base))).toBe('1.0.0.0');
      expect(text(one('ProviderName', NS.app, base))).toBe('Trail');
      expect(text(one('DefaultLocale', NS.app, base))).toBe('en-US');
      expect(text(one('Permissions', NS.app, base))).toBe('ReadWriteMailbox');
      expect(byName('Host', NS.app).map((h) => attr(h, 'Name'))).toEqual(['Mailbox']);
      const set = one('Set', NS.app);
      expect([attr(set, 'Name'), attr(set, 'MinVersion')]).toEqual(['Mailbox', '1.1']);
      expect(byName('AppDomain', NS.app).map(text)).toEqual(
        expect.arrayContaining([ORIGIN, 'https://login.microsoftonline.com']),
      );
    });

    test('legacy FormSettings open the taskpane in read forms at 250 px', () => {
      const form = one('Form', NS.app);
      expect(xsiType(form)).toBe('ItemRead');
      expect(attr(one('SourceLocation', NS.app), 'DefaultValue')).toBe(`${ORIGIN}/taskpane.html`);
      expect(text(one('RequestedHeight', NS.app))).toBe('250');
    });

    test('activates on read messages and on read or edited appointments', () => {
      const rule = childElements(ROOT).find((e) => e.localName === 'Rule');
      expect(rule && xsiType(rule)).toBe('RuleCollection');
      expect(rule && attr(rule, 'Mode')).toBe('Or');
      const rules = rule ? childElements(rule).map((r) => `${xsiType(r)}:${attr(r, 'ItemType')}:${attr(r, 'FormType')}`) : [];
      expect(rules).toEqual(['ItemIs:Message:Read', 'ItemIs:Appointment:ReadOrEdit']);
    });

    test('VersionOverrides 1.0 wraps VersionOverrides 1.1, which needs Mailbox 1.5', () => {
      const outer = one('VersionOverrides', NS.mailor);
      expect(xsiType(outer)).toBe('VersionOverridesV1_0');
      const inner = one('VersionOverrides', NS.mailor11);
      expect(xsiType(inner)).toBe('VersionOverridesV1_1');
      expect(inner.parentNode).toBe(outer);
      const sets = one('Sets', NS.bt);
      expect(attr(sets, 'DefaultMinVersion')).toBe('1.5');
      expect(childElements(sets).map((s) => attr(s, 'Name'))).toEqual(['Mailbox']);
    });
  });

  describe(`${label}: schema order`, () => {
    test('every element with children follows its xs:sequence', () => {
      const problems: string[] = [];
      const checked = new Set<string>();
      for (const el of ALL) {
        const kids = childElements(el);
        if (kids.length === 0) continue;
        const key = sequenceKey(el);
        const rule = key ? SEQUENCES[key] : undefined;
        if (!key || !rule) {
          problems.push(`<${el.tagName}> (line ${el.lineNumber ?? '?'}): no schema order encoded (key ${key ?? 'none'})`);
          continue;
        }
        checked.add(key);
        for (const p of checkSequence(rule, kids.map((k) => childToken(el.namespaceURI, k)))) {
          problems.push(`<${el.tagName}> (line ${el.lineNumber ?? '?'}): ${p}`);
        }
      }
      expect(problems).toEqual([]);
      // Guard against a vacuous pass: the parents that matter were really checked.
      expect([...checked]).toEqual(
        expect.arrayContaining([
          'app:OfficeApp[MailApp]', 'mailor:VersionOverrides[VersionOverridesV1_0]',
          'mailor11:VersionOverrides[VersionOverridesV1_1]', 'mailor11:Host[MailHost]', 'mailor11:DesktopFormFactor',
          'mailor11:MobileFormFactor', 'mailor11:Control[Button]', 'mailor11:Control[MobileButton]',
          'mailor11:Action[ShowTaskpane]', 'mailor11:Resources',
        ]),
      );
    });

    test.each([
      ['Label after Supertip', 'mailor11:Control[Button]', ['Supertip', 'Label', 'Icon', 'Action']],
      ['FunctionFile before SupportsSharedFolders', 'mailor11:DesktopFormFactor', ['FunctionFile', 'SupportsSharedFolders', 'ExtensionPoint']],
      ['Resources before Hosts', 'mailor11:VersionOverrides[VersionOverridesV1_1]', ['Resources', 'Hosts']],
      ['Permissions after Rule', 'app:OfficeApp[MailApp]', ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'Requirements', 'FormSettings', 'Rule', 'Permissions']],
      ['Icon missing', 'mailor11:Control[MobileButton]', ['Label', 'Action']],
      ['unknown child', 'mailor11:Action[ShowTaskpane]', ['SourceLocation', 'Pinned']],
    ])('the order check catches a broken sequence: %s', (_label, key, children) => {
      const rule = SEQUENCES[key];
      expect(rule).toBeDefined();
      if (rule) expect(checkSequence(rule, children)).not.toEqual([]);
    });
  });

  describe(`${label}: resources`, () => {
    test('every resid points at a defined resource of the right kind', () => {
      const defined = new Map(RESOURCE_KINDS.map((k) => [k, resources(k)]));
      const problems: string[] = [];
      for (const el of ALL.filter((e) => e.hasAttribute('resid'))) {
        const kind = residKind(el);
        const id = attr(el, 'resid');
        if (!kind) problems.push(`<${el.tagName}> has a resid but no known resource kind`);
        else if (!defined.get(kind)?.has(id)) problems.push(`<${el.tagName} resid="${id}"> is not defined in bt:${kind}`);
      }
      expect(problems).toEqual([]);
    });

    test('every defined resource is used, ids are unique and at most 32 characters', () => {
      const used = new Set(ALL.filter((e) => e.hasAttribute('resid')).map((e) => attr(e, 'resid')));
      const ids = RESOURCE_KINDS.flatMap((k) => [...byName(k, NS.bt).flatMap((c) => childElements(c))].map((e) => attr(e, 'id')));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => id.length === 0 || id.length > 32)).toEqual([]);
      expect([...used].filter((id) => id.length > 32)).toEqual([]);
      expect(ids.filter((id) => !used.has(id))).toEqual([]);
    });

    test('control and group ids are unique', () => {
      const ids = ALL.filter((e) => e.localName === 'Control' || e.localName === 'Group').map((e) => attr(e, 'id'));
      expect(ids.every((id) => id.length > 0)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    });

    test('strings fit the schema lengths (short 125, long 250)', () => {
      const tooLong = (kind: ResourceKind, max: number): string[] =>
        [...resources(kind).values()].flatMap((s) =>
          [attr(s, 'DefaultValue'), ...childElements(s).map((o) => attr(o, 'Value'))]
            .filter((v) => v.length === 0 || v.length > max)
            .map((v) => `${attr(s, 'id')}: "${v}"`),
        );
      expect([...tooLong('ShortStrings', 125), ...tooLong('LongStrings', 250)]).toEqual([]);
    });
  });

  describe(`${label}: Finnish`, () => {
    const localised = (): Element[] => [
      one('DisplayName', NS.app),
      ...childElements(ROOT).filter((e) => e.localName === 'Description'),
      ...resources('ShortStrings').values(),
      ...resources('LongStrings').values(),
    ];

    test('DisplayName, Description and every string resource have exactly one fi-FI override', () => {
      const missing = localised().filter((e) => {
        const fi = childElements(e).filter((o) => o.localName === 'Override' && attr(o, 'Locale') === 'fi-FI');
        return fi.length !== 1 || attr(fi[0] as Element, 'Value').length === 0;
      });
      expect(missing.map((e) => attr(e, 'id') || e.localName)).toEqual([]);
    });

    test('every Override targets a localisable setting or resource, in fi-FI', () => {
      const targets = new Set(['app:LocaleAwareSetting', 'bt:Resource']);
      const stray = byName('Override').filter((o) => {
        const parent = o.parentNode as Element | null;
        const key = parent ? sequenceKey(parent) : undefined;
        return attr(o, 'Locale') !== 'fi-FI' || !key || !targets.has(key);
      });
      expect(stray.map((o) => o.lineNumber)).toEqual([]);
    });

    test('labels use the agreed wording', () => {
      const label = (id: string): [string, string] => {
        const s = resources('ShortStrings').get(id);
        const fi = s ? childElements(s).find((o) => attr(o, 'Locale') === 'fi-FI') : undefined;
        return [s ? attr(s, 'DefaultValue') : '', fi ? attr(fi, 'Value') : ''];
      };
      expect(label('Taskpane.Label')).toEqual(['Trail', 'Trail']);
      expect(label('Asap.Label')).toEqual(['ASAP', 'ASAP']);
      expect(label('ReadLater.Label')).toEqual(['Read later', 'Lue myöhemmin']);
      expect(label('Archive.Label')).toEqual(['Archive', 'Arkistoi']);
    });
  });

  describe(`${label}: icons`, () => {
    /** Icon URL → pixel size the manifest declares for it. */
    const declaredSizes = (): Map<string, Set<number>> => {
      const sizes = new Map<string, Set<number>>();
      const add = (url: string, size: number): void => {
        sizes.set(url, (sizes.get(url) ?? new Set<number>()).add(size));
      };
      add(attr(one('IconUrl', NS.app), 'DefaultValue'), 64);
      add(attr(one('HighResolutionIconUrl', NS.app), 'DefaultValue'), 128);
      const images = resources('Images');
      for (const ref of byName('Image', NS.bt).filter((e) => e.hasAttribute('resid'))) {
        const def = images.get(attr(ref, 'resid'));
        // Docs: size is the image's pixel size, for mobile too (scale only tells iOS the density).
        if (def) add(attr(def, 'DefaultValue'), Number(attr(ref, 'size')));
      }
      return sizes;
    };

    test('each icon URL is used at a single size', () => {
      const mixed = [...declaredSizes()].filter(([, s]) => s.size !== 1).map(([u, s]) => `${u}: ${[...s].join(',')}`);
      expect(mixed).toEqual([]);
    });

    test('every icon URL is a PNG under assets/ whose IHDR size matches the manifest', () => {
      const problems: string[] = [];
      for (const [url, sizes] of declaredSizes()) {
        const size = [...sizes][0] ?? 0;
        const u = new URL(url);
        if (u.origin !== ORIGIN || !u.pathname.startsWith('/assets/')) {
          problems.push(`${url}: not under ${ORIGIN}/assets/`);
          continue;
        }
        const file = join(REPO, decodeURIComponent(u.pathname.slice(1)));
        let bytes: Buffer;
        try {
          bytes = readFileSync(file);
        } catch {
          problems.push(`${url}: ${file} does not exist`);
          continue;
        }
        const png = readPngSize(bytes);
        if (!png) problems.push(`${url}: not a PNG`);
        else if (png.width !== size || png.height !== size) problems.push(`${url}: ${png.width}x${png.height}, manifest says ${size}`);
        // The schema documents 100 KB as the limit for image resources.
        if (statSync(file).size > 100 * 1024) problems.push(`${url}: larger than 100 KB`);
      }
      expect(problems).toEqual([]);
    });

    test('button icons come in 16, 32 and 80 px; the mobile button in 25/32/48 at scales 1-3', () => {
      for (const control of byName('Control', NS.mailor11).filter((c) => xsiType(c) === 'Button')) {
        const sizes = byName('Image', NS.bt, descendants(control)).map((i) => attr(i, 'size'));
        expect(sizes).toEqual(['16', '32', '80']);
      }
      const mobile = one('Control', NS.mailor11, byName('Control', NS.mailor11).filter((c) => xsiType(c) === 'MobileButton'));
      const icon = one('Icon', NS.mailor11, descendants(mobile));
      expect(xsiType(icon)).toBe('MobileIconList');
      const pairs = childElements(icon).map((i) => `${attr(i, 'size')}@${attr(i, 'scale')}`);
      expect(pairs.sort()).toEqual(['25@1', '25@2', '25@3', '32@1', '32@2', '32@3', '48@1', '48@2', '48@3']);
    });
  });

  describe(`${label}: URLs`, () => {
    test('all URLs are https', () => {
      const urls = [...manifestUrls(XML), ...byName('AppDomain', NS.app).map(text)];
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.filter((u) => !u.startsWith('https://'))).toEqual([]);
    });

    test('manifestUrls lists exactly what the dev server must serve', () => {
      const assets = [
        'icon-64', 'icon-128', 'trail-16', 'trail-25', 'trail-32', 'trail-48', 'trail-80', 'asap-16', 'asap-32',
        'asap-80', 'read-later-16', 'read-later-32', 'read-later-80', 'archive-16', 'archive-32', 'archive-80',
      ].map((n) => `${ORIGIN}/assets/${n}.png`);
      const expected = [`${ORIGIN}/taskpane.html`, `${ORIGIN}/commands.html`, `${ORIGIN}/support.html`, ...assets];
      const urls = manifestUrls(XML);
      expect(new Set(urls).size).toBe(urls.length);
      expect([...urls].sort()).toEqual([...expected].sort());
    });

    test('manifestUrls skips AppDomains and namespace declarations', () => {
      const urls = manifestUrls(XML);
      expect(urls).not.toContain('https://login.microsoftonline.com');
      expect(urls.some((u) => u.includes('schemas.microsoft.com') || u.includes('www.w3.org'))).toBe(false);
    });
  });

  describe(`${label}: commands`, () => {
    test('message read, appointment attendee and organizer surfaces, and mobile message read, are present', () => {
      const desktop = one('DesktopFormFactor', NS.mailor11);
      const mobile = one('MobileFormFactor', NS.mailor11);
      const types = (ff: Element): (string | undefined)[] => childElements(ff).filter((e) => e.localName === 'ExtensionPoint').map(xsiType);
      expect(types(desktop)).toEqual(['MessageReadCommandSurface', 'AppointmentAttendeeCommandSurface', 'AppointmentOrganizerCommandSurface']);
      expect(types(mobile)).toEqual(['MobileMessageReadCommandSurface']);
      for (const type of ['MessageReadCommandSurface', 'AppointmentAttendeeCommandSurface', 'AppointmentOrganizerCommandSurface', 'MobileMessageReadCommandSurface']) {
        const panes = actionsIn(surface(type), 'ShowTaskpane');
        expect(panes.map((a) => attr(one('SourceLocation', NS.mailor11, descendants(a)), 'resid'))).toEqual(['Taskpane.Url']);
      }
    });

    test('message read has the three triage buttons as ExecuteFunction, backed by the function file', () => {
      const names = actionsIn(surface('MessageReadCommandSurface'), 'ExecuteFunction').map((a) => text(one('FunctionName', NS.mailor11, descendants(a))));
      expect(names).toEqual(['triageAsap', 'triageReadLater', 'triageArchive']);
      for (const a of actionsIn(surface('MessageReadCommandSurface'), 'ExecuteFunction')) {
        expect(xsiType(a.parentNode as Element)).toBe('Button');
      }
      const functionFile = one('FunctionFile', NS.mailor11, childElements(one('DesktopFormFactor', NS.mailor11)));
      expect(resources('Urls').get(attr(functionFile, 'resid'))?.getAttribute('DefaultValue')).toBe(`${ORIGIN}/commands.html`);
      expect(resources('Urls').get('Taskpane.Url')?.getAttribute('DefaultValue')).toBe(`${ORIGIN}/taskpane.html`);
    });

    test('the message read taskpane can be pinned (appointments cannot, so they do not ask)', () => {
      const pin = (type: string): string[] =>
        actionsIn(surface(type), 'ShowTaskpane').flatMap((a) => byName('SupportsPinning', NS.mailor11, descendants(a)).map(text));
      expect(pin('MessageReadCommandSurface')).toEqual(['true']);
      expect(pin('AppointmentAttendeeCommandSurface')).toEqual([]);
      const multiSelect = (type: string): string[] =>
        actionsIn(surface(type), 'ShowTaskpane').flatMap((a) => byName('SupportsMultiSelect', NS.mailor11, descendants(a)).map(text));
      expect(multiSelect('MessageReadCommandSurface')).toEqual(['true']);
      expect(pin('AppointmentOrganizerCommandSurface')).toEqual([]);
    });

    test('shared folders and shared mailboxes are supported on desktop', () => {
      const desktop = one('DesktopFormFactor', NS.mailor11);
      expect(text(one('SupportsSharedFolders', NS.mailor11, childElements(desktop)))).toBe('true');
    });
  });
}

checkManifest('manifest.xml', DEV_XML, DEV_ORIGIN);
checkManifest('production manifest', PROD_XML, PROD_ORIGIN);

describe('XSD helpers', () => {
  test('adjustXsd repairs the published files and leaves good ones alone', () => {
    const broken =
      '<xs:schema xmlns:xs="https://www.w3.org/2001/XMLSchema"><xs:pattern value="(\\.[0-9]{1,5}){0,3}?"/>' +
      '<xs:complexType name="MailHost"><xs:element name="DesktopFormFactor" type="FormFactor"/></xs:complexType></xs:schema>';
    const fixed = adjustXsd('MailAppVersionOverridesV1_1.xsd', broken);
    expect(fixed).toContain('xmlns:xs="http://www.w3.org/2001/XMLSchema"');
    expect(fixed).toContain('{0,3}"');
    expect(fixed).toContain('name="DesktopFormFactor" type="FormFactorWithSupportsSharedFolders"');
    expect(fixed).toContain('<xs:complexType name="FormFactorWithSupportsSharedFolders">');
    expect(adjustXsd('MailAppVersionOverridesV1_1.xsd', fixed)).toBe(fixed);
  });
});

// xmllint and Microsoft's XSDs are both optional here; without them the schema-order table above
// is the only structural check, so say plainly which one is missing.
const xsdDir = findXsdDir([process.env.TRAIL_MANIFEST_XSD_DIR, join(__dirname, 'xsd')]);
const skipReason = !hasXmllint()
  ? 'xmllint is not installed (apt-get install libxml2-utils)'
  : !xsdDir
    ? 'the manifest XSDs are not present; see tests/unit/manifest/xsd/README.md'
    : undefined;
const xsdTest = skipReason ? test.skip : test;

describe(`manifest.xml: XSD validation with xmllint${skipReason ? ` [SKIPPED: ${skipReason}]` : ''}`, () => {
  let schemaDir = '';
  beforeAll(() => {
    if (!skipReason && xsdDir) schemaDir = prepareSchemas(xsdDir);
  });
  afterAll(() => {
    if (schemaDir) rmSync(schemaDir, { recursive: true, force: true });
  });

  xsdTest('validates against the Office add-in manifest schemas', () => {
    const result = validateWithXmllint(MANIFEST_PATH, schemaDir);
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);
  });

  xsdTest('the production manifest validates too', () => {
    expect(validateText(PROD_XML, schemaDir).ok).toBe(true);
  });

  xsdTest('the schemas reject an out-of-order manifest (the check has teeth)', () => {
    const swapped = DEV_XML.replace(
      /(<SupportsSharedFolders>true<\/SupportsSharedFolders>)(\s*)(<FunctionFile resid="Commands.Url"\/>)/,
      '$3$2$1',
    );
    expect(swapped).not.toBe(DEV_XML);
    expect(validateText(swapped, schemaDir).ok).toBe(false);
  });
});

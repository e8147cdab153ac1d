/**
 * Validates manifest.xml against Microsoft's manifest XSDs with xmllint (libxml2-utils).
 *
 * The XSD files are not committed here (see xsd/README.md for which files, where from, and why).
 * They are looked up in $TRAIL_MANIFEST_XSD_DIR, then in tests/unit/manifest/xsd/. The published
 * copies need a few fixes before libxml2 accepts them; those are applied to a temporary copy so the
 * source files stay byte-identical to what Microsoft published.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT_XSD = 'OfficeAppManifestV1_1.xsd';
/** Files OfficeAppManifestV1_1.xsd imports, directly or through the mail schemas. */
export const REQUIRED_XSDS = [
  ROOT_XSD,
  'OfficeAppBasicTypesV1_0.xsd',
  'MailAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_1.xsd',
  'TaskPaneAppVersionOverridesV1_0.xsd',
] as const;

export function hasXmllint(): boolean {
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return r.error === undefined && r.status === 0;
}

/** The first directory holding every required XSD, or undefined. */
export function findXsdDir(candidates: readonly (string | undefined)[]): string | undefined {
  return candidates.find(
    (dir): dir is string => dir !== undefined && dir !== '' && REQUIRED_XSDS.every((f) => existsSync(join(dir, f))),
  );
}

/**
 * FormFactorWithSupportsSharedFolders as MS-OWEMXML defines it (MailHost's DesktopFormFactor type
 * since Mailbox 1.8). The XSDs published on GitHub predate it, so it is added when missing.
 */
const SHARED_FOLDERS_FORM_FACTOR = `
  <xs:complexType name="FormFactorWithSupportsSharedFolders">
    <xs:sequence>
      <xs:element name="SupportsSharedFolders" type="xs:boolean" minOccurs="0" maxOccurs="1"/>
      <xs:element name="FunctionFile" type="bt:URLResourceReference" minOccurs="0" maxOccurs="1"/>
      <xs:element name="ExtensionPoint" type="ExtensionPoint" minOccurs="1" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>
`;

/** Imported by OfficeAppManifestV1_1.xsd but never published; content add-ins are not our concern. */
const CONTENT_OVERRIDES_STUB = `<?xml version="1.0" encoding="utf-8"?>
<xs:schema elementFormDefault="qualified" targetNamespace="http://schemas.microsoft.com/office/contentappversionoverrides"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="VersionOverrides">
    <xs:complexType>
      <xs:sequence><xs:any minOccurs="0" maxOccurs="unbounded" processContents="skip"/></xs:sequence>
      <xs:anyAttribute processContents="skip"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;

/** Fixes that make the published XSDs usable by libxml2; each is a no-op on an already-good file. */
export function adjustXsd(fileName: string, text: string): string {
  let out = text
    // A 2018 link-checking edit turned these namespace names into https, which no parser knows.
    .replace(/https:\/\/www\.w3\.org\/2001\/XMLSchema/g, 'http://www.w3.org/2001/XMLSchema')
    .replace(/https:\/\/www\.w3\.org\/2000\/09\/xmldsig#/g, 'http://www.w3.org/2000/09/xmldsig#')
    // XSD regular expressions have no lazy quantifiers; `{0,3}?` and `{0,3}` match the same strings.
    .replace(/\{0,3\}\?/g, '{0,3}');
  if (fileName === 'MailAppVersionOverridesV1_1.xsd' && !out.includes('name="FormFactorWithSupportsSharedFolders"')) {
    out = out.replace(
      /(<xs:complexType name="MailHost">[\s\S]*?<xs:element name="DesktopFormFactor" type=")FormFactor(")/,
      '$1FormFactorWithSupportsSharedFolders$2',
    );
    out = out.replace(/(\s*<xs:complexType name="MailHost">)/, `${SHARED_FOLDERS_FORM_FACTOR}$1`);
  }
  return out;
}

/** Copies the XSDs to a temporary directory with adjustXsd applied; returns that directory. */
export function prepareSchemas(sourceDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'trail-manifest-xsd-'));
  for (const f of readdirSync(sourceDir).filter((name) => name.endsWith('.xsd'))) {
    writeFileSync(join(dir, f), adjustXsd(f, readFileSync(join(sourceDir, f), 'utf8')));
  }
  if (!existsSync(join(dir, 'ContentAppVersionOverridesV1_0.xsd'))) {
    writeFileSync(join(dir, 'ContentAppVersionOverridesV1_0.xsd'), CONTENT_OVERRIDES_STUB);
  }
  return dir;
}

/** Runs xmllint; `ok` is true only when the file validates. `output` holds xmllint's messages. */
export function validateWithXmllint(xmlPath: string, schemaDir: string): { ok: boolean; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', join(schemaDir, ROOT_XSD), xmlPath], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/** Writes `xmlText` into the (temporary) schema directory and validates it, e.g. a broken copy. */
export function validateText(xmlText: string, schemaDir: string): { ok: boolean; output: string } {
  const path = join(schemaDir, 'manifest-under-test.xml');
  writeFileSync(path, xmlText);
  return validateWithXmllint(path, schemaDir);
}

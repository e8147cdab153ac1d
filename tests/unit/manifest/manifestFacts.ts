/**
 * Facts read from manifest.xml, shared by the manifest unit test and other tests
 * (the browser test fetches every `manifestUrls()` entry from the dev server).
 */
import { DOMParser, onWarningStopParsing } from '@xmldom/xmldom';
import type { Document, Element } from '@xmldom/xmldom';

/** Parses strictly: any XML warning or error (not only fatal ones) throws. */
export function parseManifest(xmlText: string): Document {
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(xmlText, 'text/xml');
}

/** Element children of a node, in document order. */
export function childElements(node: Element | Document): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < node.childNodes.length; i++) {
    const n = node.childNodes.item(i);
    if (n && n.nodeType === 1) out.push(n as Element);
  }
  return out;
}

/** Every element under (and including) `root`, in document order. */
export function allElements(root: Element): Element[] {
  const out: Element[] = [root];
  for (const child of childElements(root)) out.push(...allElements(child));
  return out;
}

const URL_PATTERN = /^https?:\/\//i;

/**
 * Every distinct URL the manifest makes an Office host load, in document order: icon, support and
 * taskpane URLs in the base manifest, every bt:Image / bt:Url resource, and their locale overrides.
 *
 * AppDomain entries are left out on purpose: they are origins the add-in may navigate to
 * (e.g. https://login.microsoftonline.com), not resources our dev server serves.
 */
export function manifestUrls(xmlText: string): string[] {
  const root = parseManifest(xmlText).documentElement;
  if (!root) return [];
  const seen = new Set<string>();
  for (const el of allElements(root)) {
    if (el.localName === 'AppDomain') continue;
    for (let i = 0; i < el.attributes.length; i++) {
      const attr = el.attributes.item(i);
      if (!attr || attr.name === 'xmlns' || attr.name.startsWith('xmlns:')) continue;
      const value = attr.value.trim();
      if (URL_PATTERN.test(value)) seen.add(value);
    }
  }
  return [...seen];
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The first chunk must be IHDR (length 13): bytes 12..15 hold its type.
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

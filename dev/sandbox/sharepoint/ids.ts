/** Deterministic identifiers and timestamps drawn from the sandbox context (never Math.random / new Date). */
import type { SandboxContext } from '../core/types';

/** A lower-case RFC 4122 v4-shaped GUID from the seeded random source. */
export function newGuid(ctx: SandboxContext): string {
  let hex = '';
  // Four 32-bit draws rather than 32 nibble draws: bulk loads create 100,000 of these.
  for (let i = 0; i < 4; i++) hex += Math.floor(ctx.random() * 0x100000000).toString(16).padStart(8, '0');
  const variant = ((parseInt(hex[16] ?? '8', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Graph's SharePoint timestamps have second precision: `2026-03-02T11:39:51Z`. */
export function graphTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function nowStamp(ctx: SandboxContext): string {
  return graphTimestamp(ctx.now());
}

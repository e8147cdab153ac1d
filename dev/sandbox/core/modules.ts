/**
 * The feature modules a sandbox runs by default: mail, plus SharePoint lists when that module is
 * present (it is developed separately and may not exist in every checkout).
 */
import { mailModule } from '../mail';
import type { SandboxModule } from './types';

const isModule = (value: unknown): value is SandboxModule =>
  typeof value === 'object' && value !== null &&
  typeof (value as SandboxModule).name === 'string' && typeof (value as SandboxModule).register === 'function';

/** The SharePoint lists module, when dev/sandbox/sharepoint exists. */
export function optionalSharePointModule(): SandboxModule | undefined {
  let loaded: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('../sharepoint') as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes('sharepoint')) return undefined;
    throw error;
  }
  const candidates = [loaded.sharepointModule, loaded.sharePointModule, loaded.default, ...Object.values(loaded)];
  return candidates.find(isModule);
}

export function defaultModules(): SandboxModule[] {
  const sharepoint = optionalSharePointModule();
  return sharepoint ? [mailModule, sharepoint] : [mailModule];
}

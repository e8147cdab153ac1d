import { runtimeConfig } from './config';

/**
 * MSAL's chunk starts downloading now, beside office.js starting and the first render, not at the first token
 * request after them; msalTokenSources' own import of it then finds it loaded (one module, one chunk).
 */
export function preloadSignIn(): void {
  if (runtimeConfig.auth === 'msal' && runtimeConfig.msal.clientId) void import(/* webpackChunkName: "msal" */ '../auth/startMsalSignIn').catch(() => undefined);
}

// Types for dev/manifestUrls.js (kept in JavaScript because webpack.config.js requires it).
export function normaliseBase(url: string): string;
export function rewriteManifestUrls(xml: string, fromOrigin: string, toBase: string): string;
export function authPageUrls(base: string): { authRedirectUrl: string; authDialogUrl: string };

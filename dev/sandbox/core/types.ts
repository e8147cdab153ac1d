/**
 * The sandbox's internal contract. Every feature module (mail, sharepoint, ...) exports a
 * `register(router, ctx)` function and handles requests shaped like these. The core (server.ts)
 * owns HTTP, TLS, CORS, auth, faults, $batch and the contract check; feature modules never see a socket.
 */

/** One Graph request as a feature module sees it: already authenticated, path relative to /v1.0. */
export interface SandboxRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Path after the version segment, percent-decoded, no query: `/me/messages/AAMk...`. */
  path: string;
  /**
   * Values captured by `{name}` segments of the matched route pattern (and by a final `{*name}`).
   * For `/me/...` patterns `params.mailbox` is the mailbox owner's user id.
   */
  params: Record<string, string>;
  /**
   * Query options exactly as sent, keyed by lower-case name with any `$` kept (`$filter`, `$top`).
   * Graph v1.0 also accepts the names without `$`; the core normalises `filter` to `$filter` etc.
   */
  query: Record<string, string>;
  /** Header names lower-case. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
  /** True when `Prefer: IdType="ImmutableId"` was sent on this request (or on this inner $batch request). */
  immutableIds: boolean;
  /** Every token of every Prefer header, e.g. `HonorNonIndexedQueriesWarningMayFailRandomly`, `odata.maxpagesize=50`. */
  prefer: string[];
  /** The signed-in user's object id (from the bearer token); `/me` resolves to this mailbox. */
  userId: string;
  /** Absolute base including the version, e.g. `https://localhost:3001/v1.0`; used to build `@odata.nextLink`. */
  baseUrl: string;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless undefined (then no body, e.g. 204). */
  body?: unknown;
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

/** A user the sandbox knows: tokens must name one of these (`oid`), and `/users/{id-or-upn}` resolves them. */
export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  mail?: string;
  /** Others who may open this user's mailbox (Full Access, as on a shared mailbox). */
  fullAccess?: readonly string[];
}

/** Users known to the sandbox. Modules that own people (mail) add them when they register. */
export interface UserDirectory {
  add(user: DirectoryUser): void;
  /** By object id or user principal name (case-insensitive). */
  find(idOrUpn: string): DirectoryUser | undefined;
  all(): DirectoryUser[];
}

/** Shared services handed to every feature module. */
export interface SandboxContext {
  /** The current time; tests may pin it. Always use this, never `new Date()`. */
  now(): Date;
  /** Deterministic id source (seeded), so the same seed gives the same ids. */
  random(): number;
  /** Whole sandbox state: each module keeps its own JSON-serialisable slice here (persisted to disk when enabled). */
  state: SandboxState;
  /** Known users (for auth and `/users/{id-or-upn}`); rebuilt on every register. */
  directory: UserDirectory;
  /** The dataset's seed and "now" (the anchor), for modules that generate their initial slice. */
  seed: number;
  anchor: Date;
}

export interface SandboxState {
  /** Keyed by module name: `mail`, `sharepoint`. Values must be JSON-serialisable. */
  [module: string]: unknown;
}

/**
 * Route table. Patterns are written relative to /v1.0 with `{name}` for one path segment.
 * Matching is case-insensitive on literal segments, as Graph's is.
 * - A pattern starting `/me/` (or exactly `/me`) also matches `/users/{id-or-upn}/...`; either way
 *   `params.mailbox` holds the mailbox owner's user id (for `/me`, `req.userId`). An unknown user gives 404.
 * - A final literal segment written as an action (`/move`) also matches `/microsoft.graph.move`;
 *   one written as a function (`/delta()`) also matches `/delta` and `/microsoft.graph.delta()`.
 * - A segment may mix literals and one parameter: `{hostname}:` matches `contoso.sharepoint.com:` and
 *   captures `contoso.sharepoint.com` (the literal part is compared case-insensitively).
 * - A `{~name}` segment captures an address that Graph lets span segments (path-based addressing): one
 *   segment, or, when that one ends with `:`, every segment up to and including the next one ending
 *   with `:` (or all that remain when none does), joined with `/`. `/sites/{~site}/lists` matches
 *   `/sites/root/lists` (`params.site = 'root'`) and `/sites/contoso.sharepoint.com:/sites/team:/lists`
 *   (`params.site = 'contoso.sharepoint.com:/sites/team:'`). It counts as one bare parameter.
 * - A final `{*name}` segment captures the rest of the path (one or more segments, joined with `/`,
 *   colons kept), e.g. `/sites/{hostname}:/{*path}` matches `/sites/contoso.sharepoint.com:/sites/team:/lists`
 *   with `params.hostname = 'contoso.sharepoint.com'`, `params.path = 'sites/team:/lists'`.
 * When two patterns match, the one with more literal segments wins (so `/me/messages/delta()` beats
 * `/me/messages/{id}`). A path that matches a pattern but not its method gives 405.
 */
export interface Router {
  add(method: string, pattern: string, handler: Handler): void;
}

/**
 * A feature module: registers its routes and seeds its slice of state.
 * `register` is called on start and again on every reset, with a fresh router. It must keep a slice that
 * is already in `ctx.state[name]` (loaded from the persist file) and only seed when it is undefined;
 * on reset the core has emptied `ctx.state` first. Handlers should read the slice through `ctx.state`
 * on each request rather than capture it.
 */
export interface SandboxModule {
  name: string;
  register(router: Router, ctx: SandboxContext): void;
}

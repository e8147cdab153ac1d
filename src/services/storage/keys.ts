/**
 * Every key Trail keeps in the add-in's local storage and in Outlook's roaming settings, in one place,
 * so two features can never share one by accident and a renamed key is seen in one diff.
 * (MSAL keeps its own token cache in localStorage under its own keys.)
 * The record (src/record) never imports these: the services that build it pass the keys in.
 */

// ------------------------------------------------------------------------- localStorage (this device)

/** Where the shared record's site and list ids are remembered, per site URL (record/locate.ts). */
export const storeLocationKey = (siteUrl: string): string => `trail.location:${siteUrl}`;
/** The organisation's settings last read from the site, per site URL (record/tenantSettings.ts). */
export const tenantSettingsKey = (siteUrl: string): string => `trail.tenantSettings:${siteUrl}`;
/** The entity index's snapshot and delta links, in IndexedDB (storage/indexedDbStore.ts, record/indexSnapshot.ts). */
export const ENTITY_INDEX_KEY = 'trail.entityIndex';
/** The record replica's snapshots (filings, participants) and delta links, in IndexedDB (record/recordReplica.ts). */
export const RECORD_REPLICA_KEY = 'trail.recordReplica';
/** Erasures and merges to sweep again once colleagues' panes have caught up, per site URL (services/record/lateSweeps.ts). */
export const lateSweepsKey = (siteUrl: string): string => `trail.lateSweeps:${siteUrl}`;
/** Entities the user filed to lately (services/filing/filingService.ts). */
export const RECENT_ENTITIES_KEY = 'trail.recentEntities';
/** Creation ids of creates not yet known to be made, by the user's intent (services/filing/filingService.ts). */
export const CREATION_IDS_KEY = 'trail.filing.creations';
/** What the pane does after filing (ui/filing/useFiling.ts). */
export const AFTER_FILING_KEY = 'trail.afterFiling';
/** Triage actions waiting to be sent again (services/triage/outbox.ts). */
export const OUTBOX_KEY = 'trail.triage.outbox';
/** Triage actions that can be undone (services/triage/undoHistory.ts). */
export const HISTORY_KEY = 'trail.triage.history';

// ---------------------------------------------------------------- roaming settings (the user's mailbox)

/** The user's triage settings (folder names, due rule, remembered folder ids). */
export const TRIAGE_SETTINGS_KEY = 'trail.triage';
/** The folder ids Trail remembers in each shared mailbox, by its address. */
export const SHARED_FOLDER_IDS_KEY = 'trail.triage.sharedFolders';
/**
 * Each mailbox's time zone, Archive and Deleted Items folder ids as triage last read them, by mailbox ('me' for
 * the user's own, a shared one by its address), so a freshly loaded function file acts in one round trip.
 */
export const MAILBOX_CONTEXT_KEY = 'trail.triage.mailboxContext';

/**
 * Turns the seeded dataset into the mail module's state: gives every folder, message and event its
 * ids, builds the distinguished folders (named in the mailbox language) and a mailbox per colleague.
 */
import type { SandboxContext } from '../core/types';
import type { SeedEvent, SeedMailbox, SeedMessage, SeedUser } from '../seed/types';
import { newChangeKey, newICalUId, newImmutableId, newRestId } from './ids';
import type { CategoryRecord, EventRecord, FolderRecord, MailboxState, MailState, MessageRecord } from './state';
import { WELL_KNOWN_FOLDERS, wellKnownDisplayName } from './wellKnown';
import { guidFrom } from '../core/prng';

/** Outlook's default master category list (names and preset colours as in "List masterCategories"). */
const DEFAULT_CATEGORIES: ReadonlyArray<[string, string]> = [
  ['Red category', 'preset0'],
  ['Orange category', 'preset1'],
  ['Yellow category', 'preset3'],
  ['Green category', 'preset4'],
  ['Blue category', 'preset7'],
  ['Purple category', 'preset8'],
];

function distinguishedFolders(ctx: SandboxContext, locale: string | undefined): FolderRecord[] {
  const folders: FolderRecord[] = [];
  let rootId = '';
  for (const name of WELL_KNOWN_FOLDERS) {
    const id = newRestId(ctx.random);
    if (name === 'msgfolderroot') rootId = id;
    folders.push({
      id,
      displayName: wellKnownDisplayName(name, locale),
      parentId: name === 'msgfolderroot' ? null : rootId,
      wellKnownName: name,
      isHidden: false,
    });
  }
  return folders;
}

function addSeedFolders(ctx: SandboxContext, folders: FolderRecord[], seed: SeedMailbox['folders']): void {
  const byName = (name: string): FolderRecord | undefined =>
    folders.find((f) => f.wellKnownName === name.toLowerCase()) ?? folders.find((f) => !f.wellKnownName && f.displayName === name);
  let pending = [...seed];
  // Parents may be listed after their children; resolve in passes.
  while (pending.length > 0) {
    const next = pending.filter((f) => {
      const parent = byName(f.parent);
      if (!parent) return true;
      folders.push({ id: newRestId(ctx.random), displayName: f.displayName, parentId: parent.id, isHidden: false });
      return false;
    });
    if (next.length === pending.length) throw new Error(`seed folders with unknown parents: ${next.map((f) => f.displayName).join(', ')}`);
    pending = next;
  }
}

function messageRecord(ctx: SandboxContext, folders: FolderRecord[], message: SeedMessage): MessageRecord {
  const { folder, ...data } = message;
  const target =
    folders.find((f) => f.wellKnownName === folder.toLowerCase()) ??
    folders.find((f) => !f.wellKnownName && f.displayName === folder) ??
    folders.find((f) => f.wellKnownName === 'inbox')!;
  return {
    immutableId: newImmutableId(ctx.random),
    restId: newRestId(ctx.random),
    folderId: target.id,
    changeKey: newChangeKey(ctx.random),
    createdDateTime: message.receivedDateTime,
    lastModifiedDateTime: message.receivedDateTime,
    data: { bccRecipients: [], isDeliveryReceiptRequested: false, isReadReceiptRequested: false, ...data },
  };
}

function eventRecord(ctx: SandboxContext, event: SeedEvent, anchor: Date, userZone: string): EventRecord {
  const created = new Date(Math.min(Date.parse(`${event.start.dateTime.slice(0, 19)}Z`), anchor.getTime()) - 14 * 86_400_000)
    .toISOString()
    .replace('.000Z', 'Z');
  // The organiser created it in their own zone; the dataset only gives UTC times.
  const zone = event.recurrence?.range.recurrenceTimeZone ?? userZone;
  return {
    id: newRestId(ctx.random),
    iCalUId: newICalUId(ctx.random),
    changeKey: newChangeKey(ctx.random),
    createdDateTime: created,
    lastModifiedDateTime: created,
    data: { originalStartTimeZone: zone, originalEndTimeZone: zone, ...event },
  };
}

function categoriesFor(ctx: SandboxContext, used: string[]): CategoryRecord[] {
  const list: CategoryRecord[] = DEFAULT_CATEGORIES.map(([displayName, color]) => ({ id: guidFrom(ctx.random), displayName, color }));
  let preset = 10;
  for (const name of used) {
    if (list.some((c) => c.displayName.toLowerCase() === name.toLowerCase())) continue;
    list.push({ id: guidFrom(ctx.random), displayName: name, color: `preset${preset++ % 25}` });
  }
  return list;
}

function emptyMailbox(ctx: SandboxContext, user: SeedUser): MailboxState {
  return {
    user,
    folders: distinguishedFolders(ctx, user.mailboxSettings.language.locale),
    messages: [],
    events: [],
    categories: categoriesFor(ctx, []),
  };
}

export function mailStateFromSeed(ctx: SandboxContext, seed: SeedMailbox): MailState {
  const owner = emptyMailbox(ctx, seed.user);
  addSeedFolders(ctx, owner.folders, seed.folders);
  owner.messages = seed.messages.map((m) => messageRecord(ctx, owner.folders, m));
  owner.events = seed.events.map((e) => eventRecord(ctx, e, ctx.anchor, seed.user.mailboxSettings.timeZone));
  const used = [...new Set([...seed.messages.flatMap((m) => m.categories), ...seed.events.flatMap((e) => e.categories)])].sort();
  owner.categories = categoriesFor(ctx, used);
  const mailboxes: Record<string, MailboxState> = { [seed.user.id]: owner };
  for (const colleague of seed.colleagues) {
    if (!mailboxes[colleague.id]) mailboxes[colleague.id] = emptyMailbox(ctx, colleague);
  }
  const shared = seed.sharedMailboxes ?? [];
  for (const team of shared) {
    const box = emptyMailbox(ctx, team.user);
    addSeedFolders(ctx, box.folders, team.folders);
    box.messages = team.messages.map((m) => messageRecord(ctx, box.folders, m));
    box.fullAccess = [...team.fullAccess];
    mailboxes[team.user.id] = box;
  }
  const others = [...seed.colleagues, ...shared.map((team) => team.user)].filter((u) => u.id !== seed.user.id);
  return { version: 2, users: [seed.user, ...others], mailboxes };
}

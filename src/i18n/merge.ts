/**
 * Strings of a merge's preview that tell the two entities apart and name what of the duplicate's
 * details is kept and what is dropped (issue 16), spread into messages.ts. English is the reference;
 * Finnish has exactly the same keys.
 */
export const en = {
  'merge.kept': 'Also kept: {list}',
  'merge.rolesAdded': 'Stakeholder roles added: {list}',
  'merge.notesAppended': 'Notes: the duplicate’s text is added after the kept one’s.',
  'merge.dropped': 'Dropped: {field} {value} (the kept one has {kept})',
  'merge.rolesDropped': 'Dropped, no room left on the line of roles: {list}',
};

export const fi: Record<keyof typeof en, string> = {
  'merge.kept': 'Säilyy myös: {list}',
  'merge.rolesAdded': 'Lisättävät sidosryhmäroolit: {list}',
  'merge.notesAppended': 'Lisätiedot: kaksoiskappaleen teksti lisätään säilyvän tekstin perään.',
  'merge.dropped': 'Jää pois: {field} {value} (säilyvällä on {kept})',
  'merge.rolesDropped': 'Jää pois, koska roolikenttään ei mahdu enempää: {list}',
};

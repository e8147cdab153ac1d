/**
 * Type facets of a columnDefinition with the defaults Graph fills in when a column is created with an
 * empty facet (e.g. `"text": {}` comes back as `{ allowMultipleLines: false, maxLength: 255, ... }`),
 * per the columnDefinition / textColumn / numberColumn ... resource pages.
 */
import type { ColumnType } from './state';

export const COLUMN_TYPES: readonly ColumnType[] = [
  'text',
  'number',
  'dateTime',
  'boolean',
  'choice',
  'lookup',
  'personOrGroup',
  'hyperlinkOrPicture',
  'currency',
];

const DOUBLE_MAX = 1.7976931348623157e308;

export function defaultFacet(type: ColumnType): Record<string, unknown> {
  switch (type) {
    case 'text':
      return { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 };
    case 'number':
      return { decimalPlaces: 'automatic', displayAs: 'number', maximum: DOUBLE_MAX, minimum: -DOUBLE_MAX };
    case 'dateTime':
      return { displayAs: 'default', format: 'dateTime' };
    case 'boolean':
      return {};
    case 'choice':
      return { allowTextEntry: true, choices: [], displayAs: 'dropDownMenu' };
    case 'lookup':
      return { allowMultipleValues: false, allowUnlimitedLength: false, columnName: 'Title', listId: '' };
    case 'personOrGroup':
      return { allowMultipleSelection: false, chooseFromType: 'peopleAndGroups', displayAs: 'account' };
    case 'hyperlinkOrPicture':
      return { isPicture: false };
    case 'currency':
      return { locale: 'en-us' };
  }
}

/** True for the column kinds SharePoint can hold several values in. */
export function isMultiValued(type: ColumnType, facet: Record<string, unknown>): boolean {
  return (
    (type === 'lookup' && facet['allowMultipleValues'] === true) ||
    (type === 'personOrGroup' && facet['allowMultipleSelection'] === true)
  );
}

/**
 * Column kinds SharePoint refuses to index: multiple lines of text, multi-value lookups/people and
 * hyperlinks ("Column Types that can NOT be indexed", spshare.blogspot.com; pnp/PnP-PowerShell #80).
 */
export function canBeIndexed(type: ColumnType, facet: Record<string, unknown>): boolean {
  if (type === 'text' && facet['allowMultipleLines'] === true) return false;
  if (type === 'hyperlinkOrPicture') return false;
  return !isMultiValued(type, facet);
}

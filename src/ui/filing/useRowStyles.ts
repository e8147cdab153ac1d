import { makeStyles, tokens } from '@fluentui/react-components';

/** An entity row and its list, shared by suggestions, search results and Filed to. */
export const useRowStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  stacked: { display: 'flex', flexDirection: 'column', alignItems: 'stretch', minWidth: 0, width: '100%' },
});

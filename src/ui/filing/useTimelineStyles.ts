import { makeStyles, tokens } from '@fluentui/react-components';

export const useTimelineStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  entry: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  open: { textAlign: 'start' },
});

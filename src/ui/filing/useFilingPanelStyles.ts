import { makeStyles, tokens } from '@fluentui/react-components';

export const useFilingPanelStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  after: { flexGrow: 1, minWidth: '10rem' },
  retry: { alignSelf: 'flex-start' },
  // Wraps and grows with what is typed, so a long note stays in sight at 320 px.
  note: { minHeight: '2.5rem', maxHeight: '12rem' },
});

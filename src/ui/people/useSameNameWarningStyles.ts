import { makeStyles, tokens } from '@fluentui/react-components';

export const useSameNameWarningStyles = makeStyles({
  others: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  /** Under the words, wrapping at 320 px: each button as wide as its label, never a name broken mid-word. */
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  action: { maxWidth: '100%', whiteSpace: 'normal', overflowWrap: 'normal', wordBreak: 'normal' },
});

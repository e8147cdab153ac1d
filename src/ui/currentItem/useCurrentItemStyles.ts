import { makeStyles, tokens } from '@fluentui/react-components';

// Drawn as Fluent's card looks; Card itself (an interactive, focusable surface) would add code for
// nothing here, since this one only shows text.
export const useCurrentItemStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    color: tokens.colorNeutralForeground1,
  },
  subject: { overflowWrap: 'anywhere', display: '-webkit-box', WebkitLineClamp: 4, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  person: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
});


import { createFocusOutlineStyle, makeStyles } from '@fluentui/react-components';

/**
 * An entity's name as a link: a long name wraps at its words, inside the pane. Reached by keyboard it
 * shows Fluent's focus ring (its ::after needs the link positioned), not only Link's own underline,
 * which in a list of names (dark, Finnish) was all but invisible.
 */
export const useEntityLinkStyles = makeStyles({
  link: { textAlign: 'start', overflowWrap: 'break-word', minWidth: 0, position: 'relative', ...createFocusOutlineStyle() },
});

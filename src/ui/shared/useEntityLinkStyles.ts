import { makeStyles } from '@fluentui/react-components';

/** An entity's name as a link: a long name wraps at its words, inside the pane. */
export const useEntityLinkStyles = makeStyles({
  link: { textAlign: 'start', overflowWrap: 'break-word', minWidth: 0 },
});

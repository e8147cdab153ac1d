import { makeStyles, tokens } from '@fluentui/react-components';

/** Forms that keep the record: one column that fits a 320 px pane. */
export const useRecordFormStyles = makeStyles({
  /** Names wrap at their words ("Harjuseudun ammattikorkeakou|lu" at 320 px was 'anywhere'); a word wider than the pane still breaks. */
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, overflowWrap: 'break-word' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flex: '1 1 8rem', minWidth: 0 },
  /**
   * A field whose value needs more than half a 320 px pane: a project's kind ("Rahoitettu hanke") and a
   * date (Chromium's date input will not shrink below its mm/dd/yyyy and picker button). Side by side at
   * 320 px the kind was cut and the end date ran past the form (issue 16); this basis puts each on a row of
   * its own there, and side by side in a wider pane.
   */
  wide: { flex: '1 1 10.5rem', minWidth: 0 },
  /** A native select is as wide as its longest option unless let shrink: side by side at 320 px they overlapped. */
  shrink: { minWidth: 0, maxWidth: '100%' },
  /** The text box inside a shrinking combobox: it gives way to the button beside it. */
  shrinkInput: { minWidth: 0, width: '100%' },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  /** As wide as the name wants: a long one takes its own line and wraps at its words, its role field and Remove below it. */
  itemName: { flex: '1 1 auto', minWidth: 0, overflowWrap: 'break-word' },
  /** An address or domain: one long string with no words to wrap at, so it may break anywhere. */
  address: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  /** Search hits as options of a list box: each one a bordered row that fits the pane. */
  results: { maxWidth: '100%', boxSizing: 'border-box', padding: tokens.spacingVerticalXXS, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  option: { minWidth: 0 },
  optionBody: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'break-word' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXS, marginTop: tokens.spacingVerticalXXS },
  start: { alignSelf: 'flex-start' },
});

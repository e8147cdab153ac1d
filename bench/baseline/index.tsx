/**
 * The cold-start baseline (bench/coldStart.ts): a bare React + Fluent UI v9 page of the size of the `yo office`
 * React template's task pane (a header, a short list, a text field and a button), built by the same webpack
 * config as Trail, so "Trail's cold start / this page's" is measured in one run on one machine.
 */
import { Body1, Button, FluentProvider, Field, Subtitle1, Textarea, webLightTheme, makeStyles, tokens } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

function Baseline() {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Subtitle1 as="h1" data-testid="baseline-rendered">
        Welcome
      </Subtitle1>
      <ul className={styles.list}>
        <li>
          <Body1>Achieve more with Office integration</Body1>
        </li>
        <li>
          <Body1>Unlock features and functionality</Body1>
        </li>
        <li>
          <Body1>Create and visualize like a pro</Body1>
        </li>
      </ul>
      <Field label="Enter text to insert">
        <Textarea size="large" />
      </Field>
      <Button appearance="primary">Insert text</Button>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Baseline />
  </FluentProvider>,
);

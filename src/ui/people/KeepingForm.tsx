import { Button, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useKeepingFormStyles } from './useKeepingFormStyles';

export interface KeepingFormProps {
  /** The form's test id; its heading's id is `${testId}-title` (the form is labelled by it). */
  testId: string;
  title: string;
  onSubmit: () => void;
  submitLabel: string;
  submitTestId: string;
  saving: boolean;
  /** False once there is nothing left to save (a note saved): only Close stays. */
  canSubmit?: boolean;
  closeLabel: string;
  closeTestId: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * The frame every form under an entity view shares (a person edited, a note written): a labelled form
 * whose Enter or primary button submits, its fields, and Save and Close at the end. Pure.
 */
export function KeepingForm({ testId, title, onSubmit, submitLabel, submitTestId, saving, canSubmit = true, closeLabel, closeTestId, onClose, children }: KeepingFormProps) {
  const styles = useKeepingFormStyles();
  return (
    <form
      className={styles.form}
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      // The pane checks its own fields and says what is wrong in the user's language (Field's
      // validationMessage); the browser's check of `required` would pop up in the browser's language.
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        onSubmit();
      }}
    >
      <Subtitle2 as="h3" id={`${testId}-title`}>
        {title}
      </Subtitle2>
      {children}
      <div className={styles.actions}>
        {canSubmit && (
          <Button type="submit" appearance="primary" disabled={saving} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        )}
        <Button onClick={onClose} data-testid={closeTestId}>
          {closeLabel}
        </Button>
      </div>
    </form>
  );
}

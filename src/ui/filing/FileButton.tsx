import { Button, Spinner } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { entityKey, type EntitySummary } from '../../domain/entities';
import type { FilingControls } from './useFiling';
import { useFilingWords } from './wording';

export interface FileButtonProps {
  f: FilingControls;
  entity: EntitySummary;
  testId: string;
  onKeyDown?: ((e: KeyboardEvent<HTMLButtonElement>) => void) | undefined;
  buttonRef?: ((el: HTMLButtonElement | null) => void) | undefined;
}

/** Files the open item to one entity in one click; a spinner while it does. */
export function FileButton({ f, entity, testId, onKeyDown, buttonRef }: FileButtonProps) {
  const intl = useIntl();
  const words = useFilingWords();
  return (
    <Button
      size="small"
      appearance="primary"
      disabled={f.busy !== null || f.noteTooLong}
      onClick={() => void f.fileTo([entity], `file:${entityKey(entity.ref)}`)}
      aria-label={intl.formatMessage({ id: words.fileTo }, { name: entity.name })}
      data-testid={testId}
      {...(onKeyDown ? { onKeyDown } : {})}
      {...(buttonRef ? { ref: buttonRef } : {})}
    >
      {f.busy === `file:${entityKey(entity.ref)}` ? <Spinner size="extra-tiny" /> : intl.formatMessage({ id: words.file })}
    </Button>
  );
}

import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';

/** What an erasure removed, as the confirmation counted it and the store answered (notes deleted). */
export interface ErasedPerson {
  name: string;
  addresses: number;
  filings: number;
  participations: number;
  notes: number;
}

/**
 * The erasure done, said where the user is: who, how much went, and that it is audited. Focus moves to
 * it (the button that erased is gone), so a screen reader reads it; Back leaves the erased person's view.
 */
export function ErasedNotice({ erased, onBack }: { erased: ErasedPerson; onBack: () => void }) {
  const intl = useIntl();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <MessageBar ref={ref} tabIndex={-1} intent="success" layout="multiline" data-testid="data-erased">
      <MessageBarBody>
        <div>{intl.formatMessage({ id: 'data.erasedDone' }, { ...erased })}</div>
        <div>{intl.formatMessage({ id: 'data.erasedAudited' })}</div>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onBack} data-testid="data-erased-back">
          {intl.formatMessage({ id: 'data.erasedBack' })}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

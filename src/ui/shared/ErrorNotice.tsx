import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { describeError } from '../../i18n/errors';

/** A failure in words the user reads, in their language, with what to do next. */
export function ErrorNotice({ error }: { error: unknown }) {
  const intl = useIntl();
  const { key, values } = describeError(error);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{intl.formatMessage({ id: key }, values)}</MessageBarBody>
    </MessageBar>
  );
}

import { Body1, Caption1, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { MessageKey } from '../../i18n/messages';
import type { TenantSettingsRead } from '../../services/provisioning/provisioningService';
import { useAdminPanelStyles } from './useAdminPanelStyles';

const SOURCE_WORDS: Record<Exclude<TenantSettingsRead['source'], 'item'>, MessageKey> = {
  noList: 'admin.settings.noList',
  noItem: 'admin.settings.noItem',
};

/**
 * The organisation's settings as every client will apply them, with each value Trail ignores and
 * why: the administrator edits them in SharePoint, where nothing tells them a value was refused.
 */
export function TenantSettingsSummary({ read }: { read: TenantSettingsRead | null }) {
  const styles = useAdminPanelStyles();
  const intl = useIntl();
  const say = (id: MessageKey, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const folder = (name: string | undefined) => name ?? say('admin.settings.defaultFolder');
  const domains = (list: readonly string[]) => (list.length ? list.join(', ') : say('admin.settings.none'));

  return (
    <section className={styles.form} aria-labelledby="admin-settings-title" data-testid="admin-settings">
      <Subtitle2 as="h3" id="admin-settings-title">
        {say('admin.settings.title')}
      </Subtitle2>
      {read === null ? (
        <Body1 className={styles.wrap}>{say('admin.settings.unreadable')}</Body1>
      ) : (
        <>
          {read.source !== 'item' && <Body1 className={styles.wrap}>{say(SOURCE_WORDS[read.source])}</Body1>}
          <dl className={styles.settings}>
            {(
              [
                ['admin.settings.asap', folder(read.settings.asapFolderName)],
                ['admin.settings.readLater', folder(read.settings.readLaterFolderName)],
                ['admin.settings.publicDomains', domains(read.settings.publicDomains)],
                ['admin.settings.neverFile', domains(read.settings.neverFileDomains)],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt>
                  <Caption1>{say(label)}</Caption1>
                </dt>
                <dd className={styles.settingValue} data-testid={label}>
                  {value}
                </dd>
              </div>
            ))}
          </dl>
          {read.problems.map((p, i) => (
            <MessageBar key={i} intent="warning" data-testid="admin-settings-ignored">
              <MessageBarBody className={styles.wrap}>
                {intl.formatMessage({ id: 'admin.settings.ignored' }, { column: p.column, value: p.value, problem: p.problem })}
              </MessageBarBody>
            </MessageBar>
          ))}
          <Caption1 className={styles.wrap}>{say('admin.settings.where')}</Caption1>
        </>
      )}
    </section>
  );
}

import { Button } from '@fluentui/react-components';
import { Add16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { EntitySummary } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';
import { ProjectForm } from './ProjectForm';
import { useRecordFormStyles } from './useRecordFormStyles';

export interface CreateProjectProps {
  runtime: FilingRuntime;
  me: { name: string };
  /** What was typed in Find: the new project's name. */
  name: string;
  /** Set when the open item is filed to the new project in the same click. */
  files?: boolean;
  /** Resolves false when what followed the create (the filing) failed: the form stays, and saving again finds the same project. */
  onCreated: (project: EntitySummary) => Promise<boolean | void> | void;
}

/** "Create project '…'" under Find's results, opening the new project's form with the typed name. */
export function CreateProject({ runtime, me, name, files = false, onCreated }: CreateProjectProps) {
  const styles = useRecordFormStyles();
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button size="small" appearance="subtle" icon={<Add16Regular />} className={styles.start} onClick={() => setOpen(true)} data-testid="create-project">
        {intl.formatMessage({ id: 'projects.createNamed' }, { name: name.trim() })}
      </Button>
    );
  return (
    <ProjectForm
      runtime={runtime}
      me={me}
      initialName={name.trim()}
      files={files}
      onCancel={() => setOpen(false)}
      onCreated={async (project) => {
        if ((await onCreated(project)) !== false) setOpen(false);
      }}
    />
  );
}

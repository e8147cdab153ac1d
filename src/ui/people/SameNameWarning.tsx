import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useIntl } from "react-intl";
import type { EntitySummary } from "../../domain/entities";
import type { DuplicateCandidate } from "../../services/record/recordKeeping";
import { useSameNameWarningStyles } from "./useSameNameWarningStyles";

export interface SameNameWarningProps {
  name: string;
  others: readonly DuplicateCandidate[];
  /** Saving an edited person, or creating one from a message: the question and the "anyway" differ. */
  action: "save" | "create";
  onAnyway: () => void;
  onOpen?: ((entity: EntitySummary) => void) | undefined;
  /** Merge the one with the same name (the first) and the person being edited. */
  onMerge?: ((entity: EntitySummary) => void) | undefined;
}

const summaryOf = (o: DuplicateCandidate): EntitySummary => ({
  ref: o.ref,
  name: o.name,
  detail: o.emails?.[0] ?? "",
});

/**
 * Other people already have this name: each named with their addresses (told apart that way), with the
 * choice to open them, merge, or go on anyway. Nothing is saved until the user chooses. Pure.
 */
export function SameNameWarning({
  name,
  others,
  action,
  onAnyway,
  onOpen,
  onMerge,
}: SameNameWarningProps) {
  const intl = useIntl();
  const styles = useSameNameWarningStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="same-name">
      <MessageBarBody>
        <div>
          {intl.formatMessage(
            { id: "sameName.found" },
            { count: others.length, name },
          )}
        </div>
        <ul className={styles.others} data-testid="same-name-others">
          {others.map((o) => (
            <li key={o.ref.id}>
              {o.emails?.length ? `${o.name} <${o.emails.join(", ")}>` : o.name}
            </li>
          ))}
        </ul>
        <div>
          {intl.formatMessage({
            id: action === "save" ? "sameName.askSave" : "sameName.askCreate",
          })}
        </div>
        <div className={styles.actions}>
          {onOpen &&
            others.slice(0, 2).map((o) => (
              <Button
                key={o.ref.id}
                size="small"
                className={styles.action}
                onClick={() => onOpen(summaryOf(o))}
                data-testid="same-name-open"
              >
                {intl.formatMessage({ id: "sameName.open" }, { name: o.name })}
              </Button>
            ))}
          {onMerge && others[0] && (
            <Button
              size="small"
              className={styles.action}
              onClick={() => onMerge(summaryOf(others[0]!))}
              data-testid="same-name-merge"
            >
              {intl.formatMessage(
                { id: "sameName.merge" },
                { name: others[0].name },
              )}
            </Button>
          )}
          <Button
            size="small"
            className={styles.action}
            onClick={onAnyway}
            data-testid="same-name-anyway"
          >
            {intl.formatMessage({
              id:
                action === "save"
                  ? "sameName.saveAnyway"
                  : "sameName.createAnyway",
            })}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

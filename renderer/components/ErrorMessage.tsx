import { useTranslation } from 'react-i18next';
import type { PortalErrorData } from '../../common/result';
import { unplacedIssues } from '../../common/validation/field-issues';
import { issueText } from './field-errors';

/**
 * A translated lead text for the error's code, then each field problem that no field of the form
 * shows itself, translated and named by its label. A form passes the fields it shows errors at
 * (`placed`) and their labels; what is left (a field the form does not have, the whole request) is
 * said here, so no refusal is lost and none is said twice.
 */
export function ErrorMessage({
  error,
  placed = [],
  labels = {},
  scopes = [],
}: {
  error: PortalErrorData;
  placed?: readonly string[];
  labels?: Readonly<Record<string, string>>;
  scopes?: readonly string[];
}) {
  const { t } = useTranslation();
  const rest = unplacedIssues(error.fields, placed);
  return (
    <div role="alert" className="error-message" data-error-code={error.code}>
      <p>{t(`errors.${error.code}`)}</p>
      {rest.length > 0 && (
        <ul>
          {rest.map((issue, index) => {
            const label = labels[issue.path] ?? (issue.path || t('fieldErrors.requestLabel'));
            return (
              <li key={`${index}:${issue.path}:${issue.code}`} data-field={issue.path} data-field-code={issue.code}>
                <span className="field-name">{label}</span>: {issueText(t, issue, label, scopes, false)}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

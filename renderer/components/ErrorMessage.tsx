import { useTranslation } from 'react-i18next';
import type { PortalErrorData } from '../../common/result';

/** A translated lead text for the error's code, then each field and its reason. */
export function ErrorMessage({ error }: { error: PortalErrorData }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error-message" data-error-code={error.code}>
      <p>{t(`errors.${error.code}`)}</p>
      {error.fields && error.fields.length > 0 && (
        <ul>
          {error.fields.map((field) => (
            <li key={`${field.path}:${field.code}`}>
              <code>{field.path || '(input)'}</code>: {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

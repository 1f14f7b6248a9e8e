import { useTranslation } from 'react-i18next';
import type { AuditChange } from '../../../common/audit/audit-description';

/** An event's changes as "field: before → after", one line per field, in the UI language. */
export function AuditChangeList({ changes, label, id }: { changes: readonly AuditChange[]; label: string; id: string }) {
  const { t } = useTranslation();
  return (
    <section id={id} className="audit-changes" aria-label={label} data-testid="audit-changes">
      {changes.length === 0 ? (
        <p className="muted">{t('audit.noChanges')}</p>
      ) : (
        <dl>
          {changes.map((change) => (
            <div key={change.field} className="audit-change" data-testid="audit-change">
              <dt>{change.field}</dt>
              <dd>
                <span className="visually-hidden">{t('audit.before')}: </span>
                <span className="audit-before">{change.before}</span>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden">, {t('audit.after')}: </span>
                <span className="audit-after">{change.after}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

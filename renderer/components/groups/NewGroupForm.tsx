import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { draftNewGroupName, groupNameKeys, type NewGroupNameCode } from '../../../common/groups/new-group-name';
import type { MachineGroup } from '../../../common/portal/portal-types';
import { issueOfField } from '../../../common/validation/field-issues';
import { selectGroupCreateError, selectGroupCreating, useGroupStore } from '../../stores/group-store';
import { CommandButton } from '../CommandButton';
import { ErrorMessage } from '../ErrorMessage';
import { issueText } from '../field-errors';
import { useInlineForm } from '../use-inline-form';

const nameCodes: readonly string[] = ['NAME_REQUIRED', 'NAME_INVALID_CHARACTERS', 'NAME_TOO_LONG', 'NAME_TAKEN'] satisfies NewGroupNameCode[];
const isNameCode = (code: string): code is NewGroupNameCode => nameCodes.includes(code);

/**
 * "Ny maskingruppe": the name with a live preview of the full name and a character budget, and the
 * portal's rules checked while typing (empty, too long, taken) so a refusal is rare; if the portal
 * still refuses (another admin took the name meanwhile), its answer shows at the same place.
 */
export function NewGroupForm({
  prefix,
  groups,
  onCreated,
  onCancel,
}: {
  prefix: string;
  groups: readonly MachineGroup[];
  onCreated: (group: MachineGroup) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useGroupStore((state) => state.create);
  const clearCreateError = useGroupStore((state) => state.clearCreateError);
  const creating = useGroupStore(selectGroupCreating);
  const portalError = useGroupStore(selectGroupCreateError);
  const [name, setName] = useState('');
  // Errors show once the admin has typed or tried to send, not on an untouched empty field.
  const [touched, setTouched] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), input: useId(), preview: useId(), budget: useId(), error: useId() };

  const keys = useMemo(() => groupNameKeys(groups), [groups]);
  const draft = draftNewGroupName(name, prefix, keys);
  const localCode = !draft.check.ok && touched ? (draft.check.code as NewGroupNameCode) : undefined;
  const portalCode = portalError && isNameCode(portalError.code) ? portalError.code : undefined;
  // A field-level refusal of the name (422 with errors) is shown at the name too, worded like the form's own.
  const portalIssue = portalCode ? { code: portalCode } : issueOfField(portalError?.fields, 'name');
  const issue = localCode ? { code: localCode } : portalIssue;
  const code = issue?.code;
  const message =
    issue &&
    (isNameCode(issue.code) ? t(`groups.create.errors.${issue.code}`, { max: draft.max, prefix, name: name.trim() }) : issueText(t, issue, t('groups.create.name')));

  const inline = useInlineForm(onCancel, 'new-group');
  useEffect(() => () => clearCreateError(), [clearCreateError]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!draft.check.ok) {
      inputRef.current?.focus();
      return;
    }
    const group = await create(draft.check.value);
    if (group) onCreated(group);
    else inputRef.current?.focus();
  };

  return (
    <form {...inline} className="group-form" aria-labelledby={ids.title} onSubmit={(event) => void submit(event)} noValidate>
      <h2 id={ids.title}>{t('groups.create.title')}</h2>
      <p className="muted">{t('groups.create.intro')}</p>
      <div className="field">
        <label htmlFor={ids.input}>{t('groups.create.name')}</label>
        <input
          ref={inputRef}
          id={ids.input}
          value={name}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={code ? true : undefined}
          aria-describedby={[ids.preview, ids.budget, code ? ids.error : ''].join(' ').trim()}
          onChange={(event) => {
            setName(event.target.value);
            setTouched(true);
            if (portalError) clearCreateError();
          }}
        />
        <span id={ids.preview} className="name-preview" data-testid="group-name-preview">
          {t('groups.create.preview', { fullName: draft.fullName })}
        </span>
        <span id={ids.budget} className={draft.used > draft.max ? 'name-budget over' : 'name-budget'} data-testid="group-name-budget">
          {t('groups.create.budget', { used: draft.used, max: draft.max })}
        </span>
        {/* Always in the DOM, so screen readers announce an error as it appears while typing. */}
        <span id={ids.error} className="field-error" aria-live="polite" data-testid="group-name-error">
          {message}
        </span>
      </div>
      {portalError && !portalCode && <ErrorMessage error={portalError} placed={['name']} labels={{ name: t('groups.create.name') }} />}
      <div className="form-actions">
        <CommandButton type="submit" disabled={creating}>
          {creating ? t('groups.create.sending') : t('groups.create.submit')}
        </CommandButton>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

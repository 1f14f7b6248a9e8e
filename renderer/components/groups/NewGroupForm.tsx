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
import { groupNameErrorText, isGroupNameCode } from './group-name-error';
import { GroupNameField } from './GroupNameField';

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
  const titleId = useId();

  const keys = useMemo(() => groupNameKeys(groups), [groups]);
  const draft = draftNewGroupName(name, prefix, keys);
  const localCode = !draft.check.ok && touched ? (draft.check.code as NewGroupNameCode) : undefined;
  const portalCode = portalError && isGroupNameCode(portalError.code) ? portalError.code : undefined;
  // A field-level refusal of the name (422 with errors) is shown at the name too, worded like the form's own.
  const portalIssue = portalCode ? { code: portalCode } : issueOfField(portalError?.fields, 'name');
  const issue = localCode ? { code: localCode } : portalIssue;
  const code = issue?.code;
  const message =
    issue &&
    (isGroupNameCode(issue.code) ? groupNameErrorText(t, issue.code, draft, prefix, name) : issueText(t, issue, t('groups.create.name')));

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
    <form {...inline} className="group-form" aria-labelledby={titleId} onSubmit={(event) => void submit(event)} noValidate>
      <h2 id={titleId}>{t('groups.create.title')}</h2>
      <p className="muted">{t('groups.create.intro')}</p>
      <GroupNameField
        label={t('groups.create.name')}
        value={name}
        onChange={(value) => {
          setName(value);
          setTouched(true);
          if (portalError) clearCreateError();
        }}
        draft={draft}
        error={message}
        errorCode={code}
        inputRef={inputRef}
      />
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

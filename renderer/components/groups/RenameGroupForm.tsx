import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { draftGroupRename, type NewGroupNameCode } from '../../../common/groups/new-group-name';
import type { MachineGroup } from '../../../common/portal/portal-types';
import { issueOfField } from '../../../common/validation/field-issues';
import { selectGroupRenameError, selectGroupRenaming, useGroupStore } from '../../stores/group-store';
import { CommandButton } from '../CommandButton';
import { ErrorMessage } from '../ErrorMessage';
import { issueText } from '../field-errors';
import { useInlineForm } from '../use-inline-form';
import { groupNameErrorText, isGroupNameCode } from './group-name-error';
import { GroupNameField } from './GroupNameField';

/**
 * "Gi nytt navn": the group's name by the same rules and with the same help as "Ny maskingruppe"
 * (its own name is not taken from it). The version sent is the group's as the screen shows it at the
 * moment of sending, so after a 412 (the group changed meanwhile) the cache's sync gives the next try the
 * current one.
 */
export function RenameGroupForm({
  group,
  prefix,
  groups,
  onRenamed,
  onCancel,
}: {
  group: MachineGroup;
  prefix: string;
  groups: readonly MachineGroup[];
  onRenamed: (group: MachineGroup) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const rename = useGroupStore((state) => state.rename);
  const clearRenameError = useGroupStore((state) => state.clearRenameError);
  const renaming = useGroupStore(selectGroupRenaming);
  const portalError = useGroupStore(selectGroupRenameError);
  const [name, setName] = useState(group.name);
  const [touched, setTouched] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();

  const draft = draftGroupRename(name, prefix, group, groups);
  const localCode = !draft.check.ok && touched ? (draft.check.code as NewGroupNameCode) : undefined;
  const portalCode = portalError && isGroupNameCode(portalError.code) ? portalError.code : undefined;
  const portalIssue = portalCode ? { code: portalCode } : issueOfField(portalError?.fields, 'name');
  const issue = localCode ? { code: localCode } : portalIssue;
  const message = issue
    ? isGroupNameCode(issue.code)
      ? groupNameErrorText(t, issue.code, draft, prefix, name)
      : issueText(t, issue, t('groups.rename.name'))
    : touched && draft.unchanged
      ? t('groups.rename.unchanged')
      : undefined;

  const inline = useInlineForm(onCancel, 'rename-group');
  useEffect(() => () => clearRenameError(), [clearRenameError]);
  useEffect(() => {
    // The whole name is selected, so typing replaces it and the arrow keys edit it.
    inputRef.current?.select();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!draft.check.ok || draft.unchanged) {
      inputRef.current?.focus();
      return;
    }
    const renamed = await rename(group.id, group.version, draft.check.value);
    if (renamed) onRenamed(renamed);
    else inputRef.current?.focus();
  };

  return (
    <form {...inline} className="group-form" aria-labelledby={titleId} onSubmit={(event) => void submit(event)} noValidate data-testid="rename-group-form">
      <h2 id={titleId}>{t('groups.rename.title')}</h2>
      <p className="muted">{t('groups.rename.intro')}</p>
      <GroupNameField
        label={t('groups.rename.name')}
        value={name}
        onChange={(value) => {
          setName(value);
          setTouched(true);
          if (portalError) clearRenameError();
        }}
        draft={draft}
        error={message}
        errorCode={issue?.code ?? (message ? 'NAME_UNCHANGED' : undefined)}
        inputRef={inputRef}
      />
      {portalError?.code === 'PRECONDITION_FAILED' ? (
        <p role="alert" className="error-message" data-error-code="PRECONDITION_FAILED">
          {t('groups.rename.PRECONDITION_FAILED')}
        </p>
      ) : (
        portalError && !portalCode && <ErrorMessage error={portalError} placed={['name']} labels={{ name: t('groups.rename.name') }} />
      )}
      <div className="form-actions">
        <CommandButton type="submit" disabled={renaming}>
          {renaming ? t('groups.rename.sending') : t('groups.rename.submit')}
        </CommandButton>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

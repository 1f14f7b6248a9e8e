import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { issueText } from '../field-errors';
import { TextField } from '../TextField';

/** A user-form field: the shared text field, its error given as a field code and worded with the user forms' texts first. */
export function UserTextField({ errorCode, ...field }: Omit<ComponentProps<typeof TextField>, 'error'>) {
  const { t } = useTranslation();
  return <TextField {...field} errorCode={errorCode} error={errorCode ? issueText(t, { code: errorCode }, field.label, ['users']) : undefined} />;
}

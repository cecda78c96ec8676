import { PasswordInput } from '@mantine/core';
import { useState } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../../main/contract/users';

/** A new password typed twice; the two must match before the form is sent. */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return {
    password,
    confirm,
    mismatch,
    setPassword: (value: string) => {
      setPassword(value);
      setMismatch(false);
    },
    setConfirm: (value: string) => {
      setConfirm(value);
      setMismatch(false);
    },
    /** True when both match; otherwise says so beside the confirmation. */
    confirmed: () => {
      const same = password === confirm;
      setMismatch(!same);
      return same;
    },
    clear: () => {
      setPassword('');
      setConfirm('');
      setMismatch(false);
    },
  };
}

interface NewPasswordFieldsProps {
  state: ReturnType<typeof useNewPassword>;
  /** "Password", or "New password" where a current one is asked for too. */
  label: string;
  /** The host's complaint about the password, if any. */
  error?: string;
}

export function NewPasswordFields({ state, label, error }: NewPasswordFieldsProps) {
  const lower = label.toLowerCase();
  return (
    <>
      <PasswordInput
        label={label}
        description={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        autoComplete="new-password"
        value={state.password}
        onChange={(event) => state.setPassword(event.currentTarget.value)}
        error={error}
      />
      <PasswordInput
        label={`Confirm ${lower}`}
        autoComplete="new-password"
        value={state.confirm}
        onChange={(event) => state.setConfirm(event.currentTarget.value)}
        error={state.mismatch ? `The ${lower.replace('password', 'passwords')} do not match.` : undefined}
      />
    </>
  );
}

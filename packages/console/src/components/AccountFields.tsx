import { passwordProblem } from '../password';
import { Field } from './Field';

interface ValueProps {
  value: string;
  onValue: (value: string) => void;
  required?: boolean;
}

/** The sign-in email, which password managers file as the username. */
export function EmailField({ value, onValue }: Omit<ValueProps, 'required'>) {
  return (
    <Field
      id="email"
      label="Email"
      type="email"
      autocomplete="username"
      required
      value={value}
      onValue={onValue}
    />
  );
}

/** The name teammates see. */
export function NameField({ value, onValue, required }: ValueProps) {
  return (
    <Field
      id="name"
      label="Your name"
      autocomplete="name"
      required={required}
      value={value}
      onValue={onValue}
    />
  );
}

interface PasswordFieldProps extends ValueProps {
  /**
   * `current` signs in with the password one has; `new` chooses one, with the server's length
   * rule as a hint and, once `tried`, inline.
   */
  purpose: 'current' | 'new';
  tried?: boolean;
}

/** The account password, typed to sign in or chosen for a new account. */
export function PasswordField({
  purpose,
  tried = false,
  value,
  onValue,
  required,
}: PasswordFieldProps) {
  const choosing = purpose === 'new';
  return (
    <Field
      id="password"
      label="Password"
      type="password"
      autocomplete={choosing ? 'new-password' : 'current-password'}
      hint={choosing ? '10 to 200 characters.' : undefined}
      error={choosing && tried ? passwordProblem(value) : undefined}
      required={required}
      value={value}
      onValue={onValue}
    />
  );
}

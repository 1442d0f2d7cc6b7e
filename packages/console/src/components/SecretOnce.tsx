import { CopyButton } from './CopyButton';

interface SecretOnceProps {
  id: string;
  label: string;
  value: string;
  /** Extra sentence, e.g. how long the previous key keeps working. */
  note?: string | undefined;
}

/** A secret the server shows only once: the value, a copy button and a clear warning. */
export function SecretOnce({ id, label, value, note }: SecretOnceProps) {
  return (
    <section class="secret" aria-labelledby={`${id}-label`}>
      <p id={`${id}-label`} class="secret-label">
        {label}
      </p>
      <p class="mono secret-value" id={id}>
        {value}
      </p>
      <CopyButton text={value} label={`Copy the ${label.toLowerCase()}`} target={id} />
      <p class="warning">
        <strong>Copy it now: it is shown only once.</strong> Rapport stores only a hash of it. Keep
        it on your server; never put it in a web page.{note ? ` ${note}` : ''}
      </p>
    </section>
  );
}

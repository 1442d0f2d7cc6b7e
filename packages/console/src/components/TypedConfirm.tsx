import { useState } from 'preact/hooks';

interface TypedConfirmProps {
  id: string;
  /** What has to be typed, e.g. the project's name. */
  expected: string;
  /** The button's text, e.g. "Delete project". */
  action: string;
  busy?: boolean;
  onConfirm: () => void;
}

/** A destructive action that needs the exact name typed first. */
export function TypedConfirm({ id, expected, action, busy, onConfirm }: TypedConfirmProps) {
  const [typed, setTyped] = useState('');
  const matches = typed === expected;
  return (
    <form
      class="confirm"
      onSubmit={(event) => {
        event.preventDefault();
        if (matches && !busy) onConfirm();
      }}
    >
      <label for={id}>
        Type <strong class="mono">{expected}</strong> to confirm
      </label>
      <input
        id={id}
        value={typed}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => setTyped(event.currentTarget.value)}
      />
      <button type="submit" class="danger" disabled={!matches || busy}>
        {busy ? 'Working…' : action}
      </button>
    </form>
  );
}

import type { Ref } from 'preact';
import { guard } from '../actions/report-error';
import { useStore } from './store-context';

/** The round button in the page corner that opens and closes the dialog. */
export function Launcher({ buttonRef }: { buttonRef: Ref<HTMLButtonElement> }) {
  const store = useStore();
  const open = store.open.value;
  return (
    <button
      ref={buttonRef}
      type="button"
      class="launcher"
      aria-label={store.texts.value.launcher}
      aria-haspopup="dialog"
      aria-expanded={open}
      onClick={guard(store.client, () => {
        store.open.value = !open;
      })}
    >
      <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false">
        {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 5h16v11H9l-5 4z" />}
      </svg>
    </button>
  );
}

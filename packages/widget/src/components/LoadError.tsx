import { guard } from '../actions/report-error';
import { useStore } from './store-context';

/** A failed load: what went wrong and a button to try again. */
export function LoadError({ message, onRetry }: { message: string; onRetry: () => unknown }) {
  const store = useStore();
  return (
    <div class="empty" role="alert">
      <p>{message}</p>
      <button type="button" class="secondary" onClick={guard(store.client, onRetry)}>
        {store.texts.value.retry}
      </button>
    </div>
  );
}

import { guard } from '../actions/report-error';
import { useStore } from './store-context';

/** "Loading…", announced politely. */
export function Loading() {
  return (
    <p class="muted" role="status">
      {useStore().texts.value.loading}
    </p>
  );
}

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

/** For anonymous visitors: why there is nothing to see, and where to sign in. */
export function GuestView({ title, body }: { title?: string; body: string }) {
  const store = useStore();
  const url = store.settings.value.signInUrl;
  return (
    <div class="empty">
      {title ? <h3>{title}</h3> : null}
      <p>{body}</p>
      {url ? (
        <a class="button primary" href={url}>
          {store.texts.value.signIn}
        </a>
      ) : null}
    </div>
  );
}

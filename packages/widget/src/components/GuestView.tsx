import { useStore } from './store-context';

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

import { useStore } from './store-context';

/** "Loading…", announced politely. */
export function Loading() {
  return (
    <p class="muted" role="status">
      {useStore().texts.value.loading}
    </p>
  );
}

/** What the inline stub collects: one `arguments` object per call. */
export type Queue = ArrayLike<ArrayLike<unknown>>;

/**
 * The calls the inline stub queued. The stub pushes to `rapport.q` by name, so on a page whose
 * own classic script declares a global `const rapport` (shadowing window.rapport), the calls
 * land on that binding instead: take them from both places, each once.
 */
export function queuedCalls(own: Queue | undefined, shadowing: Queue | undefined): unknown[][] {
  const queues = shadowing && shadowing !== own ? [own, shadowing] : [own];
  return queues.flatMap((queue) =>
    // Junk pushed beside the real calls is skipped: one bad entry must not stop the widget.
    Array.from(queue ?? []).flatMap((call) => (isCall(call) ? [Array.from(call)] : [])),
  );
}

function isCall(call: unknown): call is ArrayLike<unknown> {
  const length = (call as { length?: unknown } | null | undefined)?.length;
  return typeof call === 'object' && typeof length === 'number' && length > 0;
}

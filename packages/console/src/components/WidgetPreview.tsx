import { useEffect, useRef, useState } from 'preact/hooks';
import type { PreviewOptions } from '../preview/preview-message';

/** Drafts are sent at most this often while someone types. */
const DEBOUNCE_MS = 250;

/**
 * The real widget bundle in a same-origin frame (preview.html), fed the draft options by
 * postMessage. No srcdoc and no inline script, so it works under a strict CSP.
 */
export function WidgetPreview({ options }: { options: PreviewOptions }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (
        event.origin === location.origin &&
        event.source === frame.current?.contentWindow &&
        (event.data as { type?: unknown })?.type === 'rapport-preview-ready'
      ) {
        setReady(true);
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  const post = (open: boolean) =>
    frame.current?.contentWindow?.postMessage(
      { type: 'rapport-preview', options, open },
      location.origin,
    );

  // Drafts never open the dialog by themselves: the widget moves focus into its dialog, which
  // would pull focus out of the field being edited here.
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => post(false), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [ready, options]);

  return (
    <div class="preview">
      <iframe
        ref={frame}
        src="preview.html"
        title="Widget preview"
        sandbox="allow-scripts allow-same-origin"
        class="preview-frame"
      />
      <button type="button" class="secondary" disabled={!ready} onClick={() => post(true)}>
        Open the widget in the preview
      </button>
      <p class="hint">
        {ready
          ? 'The real widget with your draft. Save to publish it to visitors.'
          : 'Loading the preview…'}
      </p>
    </div>
  );
}

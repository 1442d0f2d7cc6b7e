import { useState } from 'preact/hooks';

interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy the snippet". */
  label: string;
  /** Id of the element holding the text, selected when the clipboard is unavailable. */
  target?: string;
}

/** Copies `text`; says "Copied" (or how to copy by hand) in a live region. */
export function CopyButton({ text, label, target }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      const element = target ? document.getElementById(target) : null;
      if (element) {
        const range = document.createRange();
        range.selectNodeContents(element);
        const selection = getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
      setState('manual');
    }
  };
  return (
    <span class="copy">
      <button type="button" class="secondary" onClick={copy}>
        {label}
      </button>
      <span role="status" class="hint">
        {state === 'copied'
          ? 'Copied'
          : state === 'manual'
            ? 'Selected — press Ctrl+C to copy'
            : ''}
      </span>
    </span>
  );
}

import { useRef } from 'preact/hooks';
import { guard } from '../actions/report-error';
import type { TextKey } from '../i18n';
import type { DialogPanel } from '../store';
import { useStore } from './store-context';

const LABELS: Record<DialogPanel, TextKey> = {
  feedback: 'tabFeedback',
  loyalty: 'tabLoyalty',
  inbox: 'tabInbox',
};

/** WAI-ARIA tabs between the dialog's sections: arrows, Home and End move and select. */
export function Tabs({ panels, current }: { panels: DialogPanel[]; current: DialogPanel }) {
  const store = useStore();
  const t = store.texts.value;
  const list = useRef<HTMLDivElement>(null);

  const select = (panel: DialogPanel | undefined, focus: boolean) => {
    if (!panel) return;
    store.panel.value = panel;
    if (focus) list.current?.querySelector<HTMLElement>(`#rapport-tab-${panel}`)?.focus();
  };

  const onKeyDown = guard(store.client, (event: KeyboardEvent) => {
    const index = panels.indexOf(current);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: panels.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(panels[(next + panels.length) % panels.length], true);
  });

  return (
    <div ref={list} class="tabs" role="tablist" aria-label={t.tabs} onKeyDown={onKeyDown}>
      {panels.map((panel) => (
        <button
          key={panel}
          type="button"
          role="tab"
          id={`rapport-tab-${panel}`}
          aria-selected={panel === current}
          aria-controls="rapport-panel"
          tabIndex={panel === current ? 0 : -1}
          onClick={guard(store.client, () => select(panel, false))}
        >
          {t[LABELS[panel]]}
        </button>
      ))}
    </div>
  );
}

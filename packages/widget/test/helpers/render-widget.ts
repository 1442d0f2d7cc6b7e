import {
  type BoundFunctions,
  fireEvent,
  type queries,
  waitFor,
  within,
} from '@testing-library/preact';
import { mount, type WidgetHandle } from '../../src/mount';
import type { WidgetOptions } from '../../src/options';
import { createFakeServer, type FakeServer } from './fake-server';
import { createTestClient, type TestClient } from './test-client';

export interface RenderedWidget extends TestClient {
  server: FakeServer;
  widget: WidgetHandle;
  /** Unmount the widget and stop the client (its outbox timers). */
  cleanup(): void;
  shadow: ShadowRoot;
  /** Testing Library queries scoped to the widget's shadow root. */
  screen: BoundFunctions<typeof queries>;
  /** The element focused inside the shadow root. */
  active(): Element | null;
}

/** Mount the widget on the fake server, the way a site would, and query inside its shadow. */
export async function renderWidget(
  options: WidgetOptions = {},
  { server = createFakeServer(), userId }: { server?: FakeServer; userId?: string } = {},
): Promise<RenderedWidget> {
  const test = await createTestClient(server, userId ? { userId } : {});
  const widget = mount(test.client, { locale: 'en', ...options });
  const shadow = widget.host!.shadowRoot!;
  return {
    ...test,
    server,
    widget,
    cleanup() {
      widget.unmount();
      test.client.destroy();
    },
    shadow,
    screen: within(shadow as unknown as HTMLElement),
    active: () => shadow.activeElement,
  };
}

/** Click the launcher and wait for the dialog; with `tab`, switch to that section. */
export async function openDialog(w: RenderedWidget, tab?: string): Promise<HTMLElement> {
  fireEvent.click(w.screen.getByRole('button', { name: /open feedback|ouvrir/i }));
  const dialog = await w.screen.findByRole('dialog', { name: /.+/ });
  // Interactive once focus has moved in: the UI chunk may still be settling after it appears.
  await waitFor(() => {
    if (!dialog.contains(w.active())) throw new Error('focus has not moved into the dialog yet');
  });
  if (tab) fireEvent.click(w.screen.getByRole('tab', { name: tab }));
  return dialog;
}

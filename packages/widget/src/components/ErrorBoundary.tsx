import { Component, type ComponentChildren } from 'preact';
import { reportError } from '../actions/report-error';
import type { Store } from '../store';

interface Props {
  store: Store;
  /** Shown instead of the children after a render error. @default nothing */
  fallback?: ComponentChildren;
  children: ComponentChildren;
}

/**
 * Catches render errors below it, reports them through `client.emit('error')` and shows
 * the fallback, so a bug in one panel never surfaces as an exception on the host page.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  override componentDidCatch(error: unknown): void {
    reportError(this.props.store.client, error);
    this.setState({ failed: true });
  }

  override render() {
    return this.state.failed ? (this.props.fallback ?? null) : this.props.children;
  }
}

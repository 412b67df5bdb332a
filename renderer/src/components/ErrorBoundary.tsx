import { Component, type ReactNode } from 'react';

/**
 * A rendering bug must not leave an agent mid-call with a blank window: say so and offer a reload
 * (main keeps the call, so a reload shows it again).
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('ConfBar window error', error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="toolbar">
        <p className="line error" role="alert">
          Something went wrong in this window. Your call is unaffected.
        </p>
        <button type="button" className="btn primary" onClick={() => location.reload()}>
          Reload window
        </button>
      </main>
    );
  }
}

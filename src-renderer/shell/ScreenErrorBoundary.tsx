import { Component, type ReactNode } from 'react';

interface Props {
  title: string;
  reloadLabel: string;
  children: ReactNode;
}

/**
 * A screen that fails to render (a bug, or a lazily loaded screen whose code
 * cannot be fetched) says so in place of a blank window, and the navigation
 * stays usable; the shell remounts it on the next route (key = path).
 */
export class ScreenErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="alert error" role="alert">
        <h1>{this.props.title}</h1>
        <p>{error.message}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {this.props.reloadLabel}
        </button>
      </section>
    );
  }
}

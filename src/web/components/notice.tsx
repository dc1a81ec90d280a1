import type { Child } from 'hono/jsx';

/** A highlighted message. `success` and `warning` are announced politely to screen readers. */
export function Notice({
  kind = 'info',
  children,
  title,
}: {
  kind?: 'info' | 'success' | 'warning' | 'error';
  children?: Child;
  title?: string;
}) {
  return (
    <div
      class={`notice notice--${kind}`}
      role={kind === 'error' ? 'alert' : kind === 'info' ? undefined : 'status'}
    >
      {title ? (
        <p class="notice__title">
          <strong>{title}</strong>
        </p>
      ) : null}
      {children}
    </div>
  );
}

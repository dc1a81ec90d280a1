/**
 * The process's lifecycle as far as traffic is concerned (ADR 0028): once a shutdown begins,
 * /readyz answers 503 `shutting-down` so a load balancer stops sending before connections close.
 */
export interface Lifecycle {
  readonly draining: boolean;
  drain(): void;
}

export function createLifecycle(): Lifecycle {
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    drain() {
      draining = true;
    },
  };
}

/**
 * The process's lifecycle as far as traffic is concerned (ADR 0028). Once a shutdown begins,
 * /readyz answers 503 `shutting-down` so a load balancer stops sending before connections close.
 * Requests are counted while their handler runs, so the shutdown can wait for the handlers of
 * connections it had to cut to finish cleaning up (an upload's spool file) before the process exits.
 */
export interface Lifecycle {
  readonly draining: boolean;
  drain(): void;
  /** A handler started; call the returned function when it is done. */
  begin(): () => void;
  /** Handlers running now. */
  readonly inFlight: number;
  /** Resolves true when no handler runs, or false after `timeoutMs`. */
  settled(timeoutMs: number): Promise<boolean>;
}

export function createLifecycle(): Lifecycle {
  let draining = false;
  let inFlight = 0;
  const waiters = new Set<() => void>();
  return {
    get draining() {
      return draining;
    },
    drain() {
      draining = true;
    },
    begin() {
      inFlight++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        inFlight--;
        if (inFlight === 0) for (const wake of waiters) wake();
      };
    },
    get inFlight() {
      return inFlight;
    },
    settled(timeoutMs) {
      if (inFlight === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          resolve(false);
        }, timeoutMs);
        waiters.add(wake);
      });
    },
  };
}

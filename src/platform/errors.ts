/**
 * Typed application errors with one map to HTTP status. Use cases throw these; the web layer
 * turns them into a calm page (users) and a log line with the request id (operators).
 */
export type AppErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'csrf'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable';

const statusOf: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  csrf: 403,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.status = statusOf[code];
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
  readonly retryAfterSeconds: number | undefined;
}

export const notFound = (what = 'not found') => new AppError('not_found', what);
export const forbidden = (why = 'forbidden') => new AppError('forbidden', why);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** A problem that stops the process from starting (bad database URL, locked data directory …). */
export class StartupError extends Error {
  override name = 'StartupError';
}

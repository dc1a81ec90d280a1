/** Helpers for repositories: LIKE patterns and PostgreSQL error codes. */

/** Escapes LIKE wildcards so a typed %, _ or \ matches itself. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** Whether an error (or its cause chain) is PostgreSQL's unique violation 23505, optionally of one constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505') return constraint === undefined || name === constraint;
  }
  return false;
}

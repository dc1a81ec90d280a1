/**
 * Structured JSON logs, one object per line on stdout: time, level, msg, and bindings such as
 * requestId. Small on purpose; the port is the interface, so a team can swap in pino.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(bindings: Fields): Logger;
}

const rank: Record<LogLevel | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function createLogger(
  level: LogLevel | 'silent' = 'info',
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  bindings: Fields = {},
): Logger {
  const emit = (lvl: LogLevel, msg: string, fields?: Fields) => {
    if (rank[lvl] < rank[level]) return;
    write(
      oneLine(
        JSON.stringify({
          time: new Date().toISOString(),
          level: lvl,
          msg,
          ...bindings,
          ...serialise(fields),
        }),
      ),
    );
  };
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (more) => createLogger(level, write, { ...bindings, ...more }),
  };
}

/**
 * JSON.stringify escapes the C0 controls (CR, LF, ESC …) but leaves the C1 controls (U+0080–U+009F,
 * among them the 8-bit CSI U+009B that some terminals obey) and U+2028/U+2029, which some log viewers
 * break lines at. Escaped too, so no input can forge a log line or colour a terminal (ASVS 16.4.1).
 * They occur only inside JSON strings, where a \uXXXX escape means the same character.
 */
const UNSAFE_IN_LOGS = /[\u0080-\u009f\u2028\u2029]/g;
export const oneLine = (json: string) =>
  json.replace(UNSAFE_IN_LOGS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Log lines carry no personal data (ASVS 16.2.5). E-mail addresses are masked wherever they
 * appear; an error keeps its name, code and stack, and a failed query keeps its SQL text and the
 * database's error code, but never its parameters nor the database's message and detail (which
 * quote the values: 「Key (email)=(…) already exists」).
 */
function serialise(fields: Fields | undefined): Fields | undefined {
  if (!fields) return fields;
  const out: Fields = {};
  for (const [k, v] of Object.entries(fields)) out[k] = redact(v, 0);
  return out;
}

const EMAIL = /([^\s@"'<>(),;:]+)@([^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+)/g;

/** a***@example.jp: enough to tell two addresses apart in a log, not enough to read one. */
export const maskEmails = (s: string) =>
  s.replace(EMAIL, (_m, local: string, domain: string) => `${local[0]}***@${domain}`);

function redact(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return maskEmails(v);
  if (v instanceof Error) return redactError(v, depth);
  if (depth > 4 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => redact(x, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redact(x, depth + 1)]));
}

function redactError(e: Error, depth: number): Fields {
  const fields = e as Error & { query?: unknown; params?: unknown; code?: unknown; severity?: unknown };
  const failedQuery = typeof fields.query === 'string' && 'params' in fields;
  const fromDatabase = typeof fields.code === 'string' && typeof fields.severity === 'string';
  const out: Fields = { name: e.name };
  if (failedQuery) {
    // Drizzle's message is "Failed query: … params: …"; keep the SQL text only.
    out.message = 'failed query';
    out.query = fields.query;
  } else if (fromDatabase) {
    const pg = e as Error & {
      code: string;
      constraint?: string;
      table?: string;
      column?: string;
      routine?: string;
    };
    Object.assign(out, {
      message: 'database error',
      code: pg.code,
      constraint: pg.constraint,
      table: pg.table,
      column: pg.column,
      routine: pg.routine,
    });
  } else {
    out.message = maskEmails(e.message);
    if (typeof fields.code === 'string') out.code = fields.code;
  }
  // The stack's first line repeats the message: keep only the frames.
  out.stack = e.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');
  if (e.cause !== undefined && depth < 4) out.cause = redact(e.cause, depth + 1);
  return out;
}

/** A logger that keeps lines in memory; tests read them (and `raw`, if given, sees each line as written). */
export function createMemoryLogger(raw?: (line: string) => void): Logger & { lines: Fields[] } {
  const lines: Fields[] = [];
  const logger = createLogger('debug', (line) => {
    raw?.(line);
    lines.push(JSON.parse(line) as Fields);
  });
  return Object.assign(logger, { lines });
}

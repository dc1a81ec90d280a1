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
      JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...bindings, ...serialise(fields) }),
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

/** Errors do not survive JSON.stringify; turn them into name, message and stack. */
function serialise(fields: Fields | undefined): Fields | undefined {
  if (!fields) return fields;
  const out: Fields = {};
  for (const [k, v] of Object.entries(fields)) {
    out[k] = v instanceof Error ? { name: v.name, message: v.message, stack: v.stack, cause: v.cause } : v;
  }
  return out;
}

/** A logger that keeps lines in memory; tests read them. */
export function createMemoryLogger(): Logger & { lines: Fields[] } {
  const lines: Fields[] = [];
  const logger = createLogger('debug', (line) => lines.push(JSON.parse(line) as Fields));
  return Object.assign(logger, { lines });
}

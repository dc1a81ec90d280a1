/**
 * PostgreSQL connection strings with several hosts (ADR 0030), as libpq writes them:
 * `postgres://user:pass@h1:5432,h2:5433/db?target_session_attrs=read-write`. node-postgres reads
 * one host only, so this parses the list (pure, no I/O) and gives back one single-host URL per host,
 * with every other parameter kept, for src/db/multi-host.ts to try in turn.
 */

export interface PostgresHost {
  host: string;
  port: number;
}

/** Which server a connection may use: `read-write`/`primary` only a writable one, `any` the first that answers. */
export type TargetSessionAttrs = 'any' | 'read-write' | 'primary';

export interface PostgresUrl {
  hosts: PostgresHost[];
  /** `user:password@` as written (still percent-encoded), or '' when none. */
  userInfo: string;
  /** `/dbname` as written, or ''. */
  path: string;
  /** Query parameters other than target_session_attrs, in their order. */
  params: [string, string][];
  targetSessionAttrs: TargetSessionAttrs;
}

export class PostgresUrlError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'PostgresUrlError';
  }
}

const DEFAULT_PORT = 5432;
const ATTRS: readonly TargetSessionAttrs[] = ['any', 'read-write', 'primary'];

/** Parses a postgres:// or postgresql:// URL with one or more comma-separated hosts; throws PostgresUrlError. */
export function parsePostgresUrl(url: string): PostgresUrl {
  const scheme = /^(postgres|postgresql):\/\//.exec(url);
  if (!scheme) throw new PostgresUrlError('must start with postgres:// or postgresql://');
  const rest = url.slice(scheme[0].length);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const tail = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
  const at = authority.lastIndexOf('@');
  const userInfo = at === -1 ? '' : authority.slice(0, at);
  const hostList = at === -1 ? authority : authority.slice(at + 1);
  if (hostList === '') throw new PostgresUrlError('has no host');
  const hosts = hostList.split(',').map(parseHost);

  const hashAt = tail.indexOf('#');
  const noHash = hashAt === -1 ? tail : tail.slice(0, hashAt);
  const queryAt = noHash.indexOf('?');
  const path = queryAt === -1 ? noHash : noHash.slice(0, queryAt);
  const query = queryAt === -1 ? '' : noHash.slice(queryAt + 1);
  let targetSessionAttrs: TargetSessionAttrs = 'any';
  const params: [string, string][] = [];
  for (const [key, value] of new URLSearchParams(query)) {
    if (key !== 'target_session_attrs') {
      params.push([key, value]);
      continue;
    }
    if (!(ATTRS as readonly string[]).includes(value)) {
      throw new PostgresUrlError(`target_session_attrs must be one of ${ATTRS.join(', ')} (got "${value}")`);
    }
    targetSessionAttrs = value as TargetSessionAttrs;
  }
  return { hosts, userInfo, path, params, targetSessionAttrs };
}

function parseHost(entry: string): PostgresHost {
  if (entry === '') throw new PostgresUrlError('has an empty host in its host list');
  // [::1]:5432 — IPv6 in brackets, port optional.
  const v6 = /^\[([^\]]+)\](?::(.*))?$/.exec(entry);
  const [host, portText] = v6 ? [v6[1]!, v6[2]] : splitHostPort(entry);
  if (host === '') throw new PostgresUrlError(`has a host without a name ("${entry}")`);
  if (portText === undefined || portText === '')
    return { host: decodeURIComponent(host), port: DEFAULT_PORT };
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new PostgresUrlError(`has an invalid port "${portText}" (1–65535)`);
  }
  return { host: decodeURIComponent(host), port };
}

function splitHostPort(entry: string): [string, string | undefined] {
  const colon = entry.lastIndexOf(':');
  return colon === -1 ? [entry, undefined] : [entry.slice(0, colon), entry.slice(colon + 1)];
}

/** The URL of one host of the list, with the same user, database and parameters. */
export function singleHostUrl(parsed: PostgresUrl, host: PostgresHost): string {
  const name = host.host.includes(':') ? `[${host.host}]` : encodeURIComponent(host.host);
  const auth = parsed.userInfo ? `${parsed.userInfo}@` : '';
  const query = parsed.params.length > 0 ? `?${new URLSearchParams(parsed.params).toString()}` : '';
  return `postgres://${auth}${name}:${host.port}${parsed.path}${query}`;
}

/** The URL without its password (for logs and start-up errors). */
export function redactPostgresUrl(url: string): string {
  try {
    const parsed = parsePostgresUrl(url);
    const colon = parsed.userInfo.indexOf(':');
    const userInfo = colon === -1 ? parsed.userInfo : `${parsed.userInfo.slice(0, colon)}:***`;
    const hosts = parsed.hosts.map((h) => `${h.host.includes(':') ? `[${h.host}]` : h.host}:${h.port}`);
    const params = [...parsed.params];
    if (parsed.targetSessionAttrs !== 'any') params.push(['target_session_attrs', parsed.targetSessionAttrs]);
    const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
    return `postgres://${userInfo ? `${userInfo}@` : ''}${hosts.join(',')}${parsed.path}${query}`;
  } catch {
    return '(unparseable URL)';
  }
}

/** Whether a server in this state may take connections for these attributes. */
export function acceptsServer(
  attrs: TargetSessionAttrs,
  server: { inRecovery: boolean; readOnly: boolean },
): boolean {
  if (attrs === 'any') return true;
  if (attrs === 'primary') return !server.inRecovery;
  return !server.inRecovery && !server.readOnly;
}

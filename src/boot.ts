/**
 * Start-up shared by every entry (server, worker, cli): configuration read once, then the one
 * composition (src/compose.ts). Failures become one clear line and a non-zero exit.
 */
import { type BuildOverrides, buildDeps, type Composition } from './compose.ts';
import { ConfigError, loadConfig } from './config.ts';
import { StartupError } from './platform/errors.ts';
import { createLogger, type Logger } from './platform/logger.ts';

export type Booted = Composition;

/** Reads the configuration and builds the dependencies (`schedule`: run cron jobs, the worker role). */
export async function boot(options: Pick<BuildOverrides, 'schedule' | 'clock'> = {}): Promise<Booted> {
  return buildDeps(loadConfig(), { processMetrics: true, ...options });
}

/** Runs an entry; a configuration or start-up problem prints one line and exits 1. */
export async function runEntry(name: string, main: (logger: Logger) => Promise<void>): Promise<void> {
  try {
    await main(createLogger('info'));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartupError) {
      process.stderr.write(`${name}: ${error.message}\n`);
    } else {
      process.stderr.write(`${name}: start-up failed: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    process.exit(1);
  }
}

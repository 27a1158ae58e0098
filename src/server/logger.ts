import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type { YogaLogger } from 'graphql-yoga';

/** JSON logs for machines; readable lines on a terminal when pino-pretty (a dev dependency) is installed. */
export function createLogger(level: string): Logger {
  const pretty = process.stdout.isTTY && canResolve('pino-pretty');
  return pino({ level, ...(pretty ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } } : {}) });
}

function canResolve(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** Yoga's logger interface over pino. */
export function yogaLogger(logger: Logger): YogaLogger {
  return {
    debug: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
    info: (...args: unknown[]) => logger.info(args.map(String).join(' ')),
    warn: (...args: unknown[]) => logger.warn(args.map(String).join(' ')),
    error: (...args: unknown[]) => logger.error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(' ')),
  };
}

import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The bundled data set, found relative to this file so that the server runs from any working directory. */
export const defaultDataDir = fileURLToPath(new URL('../../data', import.meta.url));

export const Config = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4000).describe('TCP port to listen on (0 picks a free one).'),
  host: z.string().min(1).default('0.0.0.0').describe('Interface to listen on.'),
  dataDir: z.string().min(1).default(defaultDataDir).describe('Directory of the data set to serve.'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('Log level.'),
});
export type Config = z.infer<typeof Config>;

/**
 * Reads the configuration from flags (--port, --host, --data-dir, --log-level), falling back to the
 * environment (PORT, HOST, DATA_DIR, LOG_LEVEL), then to defaults. Throws a readable error on bad values.
 */
export function readConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Config {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'log-level': { type: 'string' },
    },
    strict: true,
  });
  const parsed = Config.safeParse({
    port: values.port ?? env.PORT,
    host: values.host ?? env.HOST,
    dataDir: values['data-dir'] ?? env.DATA_DIR,
    logLevel: values['log-level'] ?? env.LOG_LEVEL,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

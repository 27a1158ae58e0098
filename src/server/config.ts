import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The bundled data set, found relative to this file so that the server runs from any working directory. */
export const defaultDataDir = fileURLToPath(new URL('../../data', import.meta.url));

const flag = z.stringbool({ truthy: ['true', '1', 'yes', 'on'], falsy: ['false', '0', 'no', 'off'] });
const count = (min: number) => z.coerce.number().int().min(min);

/**
 * Every setting of the server, with its default. Each has a flag (--kebab-case) and an environment variable
 * (UPPER_SNAKE_CASE); README's "Configuration" and "Limits and security" sections list them.
 */
export const Config = z.object({
  port: count(0).max(65535).default(4000).describe('TCP port to listen on (0 picks a free one).'),
  host: z.string().min(1).default('0.0.0.0').describe('Interface to listen on.'),
  dataDir: z.string().min(1).default(defaultDataDir).describe('Directory of the data set to serve.'),
  snapshot: z.string().min(1).optional().describe('A snapshot file (`policy-graph snapshot --out FILE`) to serve instead of reading the data directory; SIGHUP loads it again.'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('Log level.'),
  // Query limits, checked before execution.
  maxCost: count(1).default(10_000).describe('Most a query may cost (fields weighted by the lists they fan out to).'),
  maxDepth: count(1).default(12).describe('Deepest nesting of selections a query may have.'),
  maxBreadth: count(1).default(500).describe('Most fields a query may select in all, each fragment spread counted again.'),
  maxAliases: count(0).default(30).describe('Most aliases a query may use.'),
  maxTokens: count(1).default(5_000).describe('Most lexical tokens a query document may have.'),
  maxDirectives: count(0).default(20).describe('Most directives a query may use.'),
  rateLimitCost: count(0).default(0).describe('Cost a client may spend per minute (0: no rate limit).'),
  // HTTP.
  maxBodyBytes: count(1).default(100_000).describe('Largest request body accepted, in bytes.'),
  requestTimeoutMs: count(1).default(10_000).describe('Longest a request may run, in milliseconds.'),
  corsOrigin: z.string().min(1).default('*').describe('Origins allowed by CORS: * or a comma-separated list.'),
  introspection: flag.default(true).describe('Answer introspection queries (turn off in production if the schema is private).'),
  graphiql: flag.default(true).describe('Serve GraphiQL on GET /graphql to browsers.'),
  metrics: flag.default(true).describe('Serve Prometheus metrics at /metrics.'),
  // Speed.
  jit: flag.default(false).describe('Compile queries with graphql-jit (for clients with a fixed set of documents: each compiled document stays in memory).'),
  jitMaxDocuments: count(0).default(100).describe('Most compilations graphql-jit makes in a process; later documents run uncompiled.'),
  responseCache: flag.default(true).describe('Serve repeated requests from a cache keyed by the data version (off while rateLimitCost is set).'),
  responseCacheMb: count(1).default(64).describe('Most memory the response cache may hold, in megabytes.'),
  // Data.
  watchData: flag.default(false).describe('Reload the data set when its files change (SIGHUP always reloads).'),
  // Processes.
  workers: z
    .union([z.literal('auto').transform(() => availableParallelism()), count(1).max(64)], { error: 'expected a whole number from 1 to 64, or "auto"' })
    .default(1)
    .describe('Server processes (node:cluster) sharing the port, each with its own copy of the data set; "auto": one per CPU core.'),
});
export type Config = z.infer<typeof Config>;

/** The configuration with every default: what tests and the in-process server use unless told otherwise. */
export const defaultConfig: Config = Config.parse({});

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
const keys = Object.keys(Config.shape) as (keyof Config)[];

/**
 * Reads the configuration from flags (--port, --data-dir, --max-cost …), falling back to the environment (PORT,
 * DATA_DIR, MAX_COST …), then to defaults. Throws a readable error naming every bad setting.
 */
export function readConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Config {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(keys.map((k) => [kebab(k), { type: 'string' as const }])),
    strict: true,
  });
  const raw = Object.fromEntries(keys.map((k) => [k, values[kebab(k)] ?? env[snake(k)]]));
  const parsed = Config.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')} (--${kebab(String(i.path[0]))}, ${snake(String(i.path[0]))}): ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

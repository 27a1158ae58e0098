/**
 * `npm start`: reads the configuration from flags and environment (exit 2, naming the bad setting, when it is
 * wrong) and serves until stopped (serve.ts); the exit code is serve's: 0 after SIGTERM/SIGINT, 1 when it cannot
 * serve (a data set with problems, a port it cannot listen on).
 */
import { readConfig } from './config.js';
import { serve } from './serve.js';

let config;
try {
  config = readConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
process.exit(await serve(config));

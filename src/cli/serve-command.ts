/**
 * `policy-graph serve`: runs src/server/main.ts, exactly as `npm start` does, in a child process with the flags
 * given (main.ts reads its configuration from its own argv and listens when it is run, so it is run rather than
 * imported). The child shares the terminal: Ctrl-C reaches it directly, as a member of the foreground process
 * group, so the parent ignores SIGINT and only passes on SIGTERM and SIGHUP (reload), which are sent to one
 * process. Resolves to the child's exit code.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function serveWithMain(args: string[]): Promise<number> {
  const main = fileURLToPath(new URL('../server/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), main, ...args], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => () => child.exitCode === null && child.kill(signal);
  const handlers = { SIGTERM: forward('SIGTERM'), SIGHUP: forward('SIGHUP'), SIGINT: () => {} };
  for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const [s, handler] of Object.entries(handlers)) process.off(s, handler);
      resolve(code ?? (signal ? 128 + 15 : 1));
    });
  });
}

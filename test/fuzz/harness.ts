import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = fileURLToPath(new URL('./server-process.ts', import.meta.url));

/** The fuzz server's response cache bound: the cache grows by design up to it, so the heap slack allows for it. */
export const fuzzResponseCacheMb = 4;
/** The fuzz server compiles this many documents with graphql-jit (about 1 MB each, kept): allowed for too. */
export const fuzzJitDocuments = 8;

/** One HTTP request as the fuzzer sends it: through node:http, or as raw bytes over a socket. */
export type FuzzRequest =
  | { method: string; path: string; headers: Record<string, string>; body?: Uint8Array }
  | { raw: Uint8Array };

/** What came back: a response, or why none did. */
export type Answer =
  | { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; ms: number }
  | { error: string; ms: number };

export type Server = Awaited<ReturnType<typeof startServer>>;

/** Starts test/fuzz/server-process.ts and waits for its port. */
export async function startServer() {
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
  child.stdout!.resume();
  let exit: string | null = null;
  const exited = once(child, 'exit').then(([code, signal]) => (exit = `exited with code ${code} signal ${signal}`));
  const [first] = (await Promise.race([once(child, 'message'), exited.then(() => [null])])) as [{ port: number } | null];
  if (!first) throw new Error(`the fuzz server did not start: ${exit}\n${stderr}`);
  // A connection per request: each request is judged (and replayed) on its own, never by what the last one left.
  const agent = new Agent({ keepAlive: false });

  /** Asks the child something over IPC and waits for its answer (matched by number: a late one is ignored). */
  let asked = 0;
  async function ask<T>(message: object, timeoutMs = 10_000): Promise<T> {
    if (exit) throw new Error(`the server ${exit}`);
    const seq = ++asked;
    return new Promise<T>((resolve, reject) => {
      const onMessage = (reply: { seq?: number }) => {
        if (reply.seq !== seq) return;
        finish();
        resolve(reply as T);
      };
      const timer = setTimeout(() => (finish(), reject(new Error(`no answer over IPC within ${timeoutMs} ms`))), timeoutMs);
      const finish = () => (clearTimeout(timer), child.off('message', onMessage));
      child.on('message', onMessage);
      child.send({ ...message, seq });
    });
  }

  return {
    port: first.port,
    /** Why the server is gone, or null while it runs. */
    get exit() { return exit; },
    get stderr() { return stderr; },
    send: (request: FuzzRequest, id: string, timeoutMs: number) =>
      'raw' in request ? sendRaw(first.port, request.raw, timeoutMs) : send(first.port, agent, request, id, timeoutMs),
    heapUsed: async () => (await ask<{ heapUsed: number }>({ type: 'memory' })).heapUsed,
    logs: async (ids: string[]) => (await ask<{ logs: Record<string, string[]> }>({ type: 'logs', ids })).logs,
    async stop() {
      agent.destroy();
      if (!exit) child.kill('SIGKILL');
      await exited;
    },
  };
}

function send(port: number, agent: Agent, request: Extract<FuzzRequest, { method: string }>, id: string, timeoutMs: number): Promise<Answer> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let request_: ReturnType<typeof httpRequest>;
    try {
      request_ = httpRequest({
        host: '127.0.0.1', port, agent, method: request.method, path: request.path,
        // An explicit length: node:http would send a GET or HEAD body unframed, as garbage after the request.
        headers: { ...request.headers, ...(request.body ? { 'content-length': String(request.body.length) } : {}), 'x-fuzz-id': id },
        timeout: timeoutMs,
      });
    } catch (error) {
      // node:http refused to send it (a character it does not allow): a bug of the generator, not the server.
      throw new Error(`the fuzzer built a request node:http refuses: ${(error as Error).message}`);
    }
    request_.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), ms: ms() }));
      response.on('error', (error) => resolve({ error: `response broken off: ${error.message}`, ms: ms() }));
    });
    request_.on('timeout', () => request_.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request_.on('error', (error) => resolve({ error: error.message, ms: ms() }));
    request_.end(request.body === undefined ? undefined : Buffer.from(request.body));
  });
}

/**
 * Writes raw bytes (malformed HTTP, bodies shorter or longer than announced), half-closes the connection and
 * reads what comes back until the server closes it. Silence is allowed (a request cut short has no answer).
 */
function sendRaw(port: number, bytes: Uint8Array, timeoutMs: number): Promise<Answer> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parseRawResponse(Buffer.concat(chunks), ms()));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', finish);
    socket.on('error', () => {});
    socket.end(Buffer.from(bytes));
  });
}

/** The first response in raw bytes (status line, headers, the rest as body); status 0 when nothing came. */
function parseRawResponse(bytes: Buffer, ms: number): Answer {
  const text = bytes.toString('latin1');
  const match = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n/.exec(text);
  if (!match) return { status: 0, headers: {}, body: bytes, ms };
  const end = text.indexOf('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of text.slice(match[0].length, end < 0 ? undefined : end).split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(match[1]), headers, body: end < 0 ? Buffer.alloc(0) : bytes.subarray(end + 4), ms };
}

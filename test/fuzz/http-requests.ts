import { deflateSync, gzipSync } from 'node:zlib';
import type { FuzzRequest } from './harness.js';
import type { Operation } from './operations.js';
import type { Tape } from './tape.js';
import { accepts, contentTypes, queryString, utf8 } from './transport.js';

/** Byte sequences that are never valid UTF-8: stray continuation bytes, overlong forms, surrogates, 0xff. */
const invalidUtf8 = [[0xff], [0xfe, 0xff], [0x80], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc3], [0xf0, 0x9f, 0x98]];

const methods = ['POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'SEARCH', 'FUZZ'];
const paths = ['/health', '/health/live', '/', '/metrics', '/graphql/', '//graphql', '/GRAPHQL', '/graphql;x', '/graphql%00', '/graphiql/assets/', '/graphiql/assets/..%2f..%2fpackage.json', '/graphiql/assets/graphiql.css', '/nope', '/%', '/%zz', '/.env'];
const badParams = ['%', '%zz', '%ff', '%c0%80', '%ed%a0%80', '{', '[', 'null', '1', '"x"', '{"a":', '%7B%22a%22%3A'];

/** Latin-1 text that node:http lets through in a header value (no CR, LF or NUL), sometimes long. */
function headerValue(tape: Tape): string {
  const alphabet = ' !"#$%&\'()*+,-./0123456789:;<=>?@AZaz[\\]^_`{|}~\t\u00a0\u00e9\u00ff';
  return Array.from({ length: tape.chance(5) ? tape.size(1_000, 8_000) : tape.size(0, 40) }, () => alphabet[tape.int(alphabet.length)]).join('');
}

function withInvalidUtf8(bytes: Uint8Array, tape: Tape): Uint8Array {
  const out = [...bytes];
  for (let n = tape.size(1, 5); n > 0; n--) out.splice(tape.int(out.length + 1), 0, ...tape.pick(invalidUtf8));
  return Uint8Array.from(out);
}

/** A body and the content type it claims to be: JSON of every shape, bytes, forms, multipart, compressed. */
function body(tape: Tape, operation: Operation, json: unknown, bytes: Uint8Array): { body: Uint8Array; type?: string; encoding?: string } {
  const valid = utf8(JSON.stringify(operation));
  switch (tape.int(15)) {
    case 0: return { body: valid };
    case 1: return { body: utf8(JSON.stringify(json)) };
    case 2: {
      const keys = ['query', 'variables', 'operationName', 'extensions', '__proto__', 'constructor', 'id', 'documentId'];
      const params = Object.fromEntries(keys.filter(() => tape.chance(50)).map((k) => [k, tape.chance(50) ? json : operation.query]));
      return { body: utf8(JSON.stringify(params)) };
    }
    case 3: return { body: bytes };
    case 4: return { body: withInvalidUtf8(valid, tape) };
    case 5: return { body: valid.subarray(0, tape.int(valid.length)) };
    case 6: return { body: utf8(`{"query":${JSON.stringify(operation.query)},"query":${JSON.stringify(json)},"__proto__":{"variables":{"x":1}}}`) };
    case 7: return { body: utf8(`{"query":${JSON.stringify(operation.query)}${' '.repeat(tape.size(90_000, 300_000))}}`) };
    case 8: return { body: utf8(`query=${encodeURIComponent(operation.query)}&variables=${tape.pick(badParams)}&extensions=${tape.pick(badParams)}`), type: 'application/x-www-form-urlencoded' };
    case 9: {
      const part = (name: string, content: string) => `--fuzz\r\nContent-Disposition: form-data; name="${name}"${name === '0' ? '; filename="a.txt"' : ''}\r\n\r\n${content}\r\n`;
      const parts = [part('operations', tape.chance(50) ? JSON.stringify(operation) : String(json)), part('map', tape.pick(['{"0":["variables.file"]}', '{', '[]', 'null'])), part('0', 'file')];
      return { body: utf8(parts.filter(() => tape.chance(70)).join('') + (tape.chance(70) ? '--fuzz--\r\n' : '')), type: 'multipart/form-data; boundary=fuzz' };
    }
    case 10: return { body: new Uint8Array() };
    case 11: {
      const encoding = tape.pick(['gzip', 'deflate', 'br', 'gzip, gzip', 'identity', 'x-unknown']);
      const compressed = tape.chance(30) ? bytes : encoding === 'deflate' ? deflateSync(valid) : gzipSync(valid);
      return { body: new Uint8Array(compressed), encoding };
    }
    case 12: {
      // Compresses to a few kilobytes; a megabyte or more once inflated.
      const padded = `{"query":${JSON.stringify(operation.query)}${' '.repeat(tape.size(200_000, 5_000_000))}}`;
      return { body: new Uint8Array(gzipSync(padded)), encoding: 'gzip' };
    }
    case 13: return { body: tape.chance(50) ? Uint8Array.from([0xef, 0xbb, 0xbf, ...valid]) : new Uint8Array(Buffer.from(JSON.stringify(operation), 'utf16le')) };
    default: {
      const depth = tape.size(100, 100_000);
      return { body: utf8(`{"query":${JSON.stringify(operation.query)},"variables":{"v":${'['.repeat(depth)}${']'.repeat(depth)}}}`) };
    }
  }
}

/** A request to the GraphQL endpoint's query string with broken parameters. */
function brokenQueryString(tape: Tape, operation: Operation): string {
  const params = [`query=${tape.chance(70) ? encodeURIComponent(operation.query) : tape.pick(badParams)}`];
  for (const name of ['variables', 'operationName', 'extensions', 'query']) if (tape.chance(30)) params.push(`${name}=${tape.pick(badParams)}`);
  return tape.chance(20) ? queryString(operation) : params.join('&');
}

/**
 * Anything HTTP a client might send: random methods, paths and query strings, content types and encodings,
 * accept headers, odd extra headers, and bodies that are JSON of any shape, truncated, invalid UTF-8, huge,
 * compressed (or claim to be), forms and multipart.
 */
export function httpRequest(tape: Tape, operation: Operation, json: unknown, bytes: Uint8Array): FuzzRequest {
  const method = tape.chance(70) ? tape.pick(['POST', 'GET']) : tape.pick(methods);
  const where = tape.int(10);
  const path = where < 6 ? '/graphql' : where < 8 ? `/graphql?${brokenQueryString(tape, operation)}` : where < 9 ? tape.pick(paths) : `/${'a'.repeat(tape.size(1, 20_000))}`;
  const made = method === 'GET' && tape.chance(80) ? undefined : body(tape, operation, json, bytes);
  const headers: Record<string, string> = {};
  const type = made?.type ?? (tape.chance(80) ? tape.pick(contentTypes.slice(0, 3)) : tape.pick(contentTypes));
  if (type) headers['content-type'] = type;
  if (made?.encoding) headers['content-encoding'] = made.encoding;
  if (tape.chance(60)) headers.accept = tape.pick(accepts);
  for (const name of ['origin', 'x-request-id', 'traceparent', 'cookie', 'authorization', 'accept-encoding', 'access-control-request-method', 'x-forwarded-for']) {
    if (tape.chance(6)) headers[name] = headerValue(tape);
  }
  return { method, path, headers, ...(made ? { body: made.body } : {}) };
}

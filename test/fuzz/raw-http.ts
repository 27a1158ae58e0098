import type { FuzzRequest } from './harness.js';
import type { Operation } from './operations.js';
import type { Tape } from './tape.js';
import { utf8 } from './transport.js';

const requestLines = ['POST /graphql HTTP/1.1', 'GET /graphql?query=%7B__typename%7D HTTP/1.1', 'POST /graphql HTTP/1.0', 'POST /graphql HTTP/2.0', 'POST /graphql', 'post /graphql HTTP/1.1', 'FUZZ /graphql HTTP/1.1', 'CONNECT 127.0.0.1:80 HTTP/1.1', 'POST http://elsewhere/graphql HTTP/1.1', 'POST * HTTP/1.1', 'POST /gr aphql HTTP/1.1', 'GET /graphql?query={__typename} HTTP/1.1', `GET /${'a'.repeat(20_000)} HTTP/1.1`, 'POST /graphql HTTP/1.1 extra', ''];

/**
 * Malformed HTTP/1.1 on a raw socket: odd request lines, lengths that lie (longer or shorter than the body,
 * negative, twice, not numbers), chunked bodies with broken chunks, both length and chunking, bare LF line
 * ends, headers without colons, folded or oversized; the connection half-closed after the bytes.
 */
export function rawRequest(tape: Tape, operation: Operation): FuzzRequest {
  const body = utf8(JSON.stringify(operation));
  const eol = tape.chance(85) ? '\r\n' : '\n';
  const lines = [tape.chance(60) ? requestLines[0]! : tape.pick(requestLines), 'Host: 127.0.0.1', 'Content-Type: application/json'];
  let payload: Uint8Array = body.subarray(0, tape.chance(40) ? tape.int(body.length) : body.length);
  switch (tape.int(7)) {
    case 0: lines.push(`Content-Length: ${body.length + tape.size(1, 100_000)}`); break;
    case 1: lines.push(`Content-Length: ${Math.max(0, payload.length - tape.size(1, 20))}`); break;
    case 2: lines.push(`Content-Length: ${tape.pick(['-1', 'abc', '1e3', '0x10', ' ', '99999999999999999999'])}`); break;
    case 3: lines.push(`Content-Length: ${payload.length}`, `Content-Length: ${payload.length + 1}`); break;
    case 4: {
      lines.push('Transfer-Encoding: chunked');
      if (tape.chance(30)) lines.push(`Content-Length: ${payload.length}`);
      const size = tape.chance(70) ? payload.length.toString(16) : tape.pick(['zz', '-1', 'ffffffffffffffff', '1;ext=1', '']);
      payload = utf8(`${size}\r\n${new TextDecoder().decode(payload)}\r\n${tape.chance(60) ? '0\r\n\r\n' : ''}`);
      break;
    }
    case 5: lines.push(`Content-Length: ${payload.length}`, tape.pick(['NoColon', 'Bad Name: x', ' folded: value', 'X-Nul: a\u0000b', `X-Long: ${'x'.repeat(20_000)}`, 'Expect: 100-continue', 'Content-Length : 5']));
      break;
    default: lines.push(`Content-Length: ${payload.length}`);
  }
  const pipelined = tape.chance(20) ? 'GET /health HTTP/1.1\r\nHost: x\r\n\r\n' : '';
  const head = utf8(`${lines.join(eol)}${eol}${eol}`);
  return { raw: Uint8Array.from([...head, ...payload, ...utf8(pipelined)]) };
}

import { createHash } from 'node:crypto';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { type Cache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { type DocumentNode, type ExecutionResult, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { PolicyStore } from '../store/store.js';
import type { Config } from './config.js';
import { maxCachedDocumentLength } from './document-cache.js';

/**
 * How a query runs fast: compiled by graphql-jit (through envelop, as the ecosystem offers it), and answered from
 * a response cache keyed by the data version, since the data served never changes between reloads. Both are
 * settings (`jit`, `jitMaxDocuments`, `responseCache`, `responseCacheMb`); the cache is off while a per-client
 * rate limit is on, since a cached answer would skip the charge.
 */
export function useFastExecution(config: Config, storeOf: (request: Request) => PolicyStore): Plugin[] {
  const plugins: Plugin[] = [];
  // First the compiler, then the cache: the cache wraps whatever executes, and must see the compiled executor.
  if (config.jit) plugins.push(useCompiledQueries(config.jitMaxDocuments));
  if (config.responseCache && config.rateLimitCost === 0) plugins.push(useDataVersionCache(config.responseCacheMb, storeOf));
  return plugins;
}

/**
 * graphql-jit compiles a query document once (kept with the parsed document in yoga's bounded cache) into a
 * function that resolves, coerces and serializes without the generic executor's interpretation. Each compiled
 * document stays in memory for the life of the process (measured on this schema: about 1 MB per document with
 * graphql-jit 0.8.7, never released), so a process compiles at most `maxDocuments` times (a document that left
 * the parse cache and comes back is compiled, and counted, again); later documents, documents too long for the
 * parse cache, and anything but a query run on graphql-js. Off by default: it suits a deployment whose clients
 * send a fixed set of documents (a frontend), not an open endpoint.
 */
function useCompiledQueries(maxDocuments: number): Plugin {
  const compiled = new WeakSet<object>();
  let count = 0;
  const compilable = (document: DocumentNode, operationName?: string | null) => {
    if (compiled.has(document)) return true;
    if (count >= maxDocuments || (document.loc?.end ?? Infinity) > maxCachedDocumentLength) return false;
    // Queries only: graphql-jit throws on an operation type the schema lacks, where graphql-js answers an error.
    if (getOperationAST(document, operationName)?.operation !== 'query') return false;
    compiled.add(document);
    count += 1;
    return true;
  };
  return useGraphQlJit(
    {},
    {
      enableIf: ({ document, operationName }) => compilable(document, operationName),
      // A document graphql-jit cannot compile (none is known) still runs: it falls back to an executor that
      // returns the compile errors, so log nothing here and let the answer carry them.
      onError: () => {},
    },
  ) as Plugin;
}

/** Whether the response cache answered this result (the plugin marks its answers with this symbol). */
export const servedFromCache = (result: object): boolean => Symbol.for('servedFromResponseCache') in result;

/**
 * What a cached answer weighs in the heap, estimated: measured on the bundled data's benchmark operations, an
 * answer held as objects takes 2–5 bytes per character of its JSON, plus about a kilobyte per entry (the entry,
 * its key and headers).
 */
const weightOf = (result: ExecutionResult) => 3 * JSON.stringify(result).length + 1024;

/**
 * Answers by request: the same query text, operation and variables against the same data version get the same
 * answer, so that answer is kept (errors never are) and served again without parsing, validating or executing.
 * The key is a SHA-256 of the data version, the operation name, the document and the variables: a reload
 * changes the version, so entries of an older data set are never served again and age out of the LRU. The
 * cache is bounded by the size of what it holds (`responseCacheMb`), not by a count, so large answers cannot
 * fill the heap. The plugin also answers `If-None-Match` with 304 from the key it sends as ETag.
 */
function useDataVersionCache(megabytes: number, storeOf: (request: Request) => PolicyStore): Plugin {
  // The cache's own answers count toward the bound; yoga's parse cache and graphql-jit's compiled queries are
  // bounded by the number of documents (document-cache.ts).
  const answers = new LRUCache<string, ExecutionResult>({
    maxSize: megabytes * 1024 * 1024,
    sizeCalculation: weightOf,
    // An answer bigger than a tenth of the whole cache would push out many others: it is not kept.
    maxEntrySize: Math.max(1, Math.floor((megabytes * 1024 * 1024) / 10)),
  });
  const cache: Cache = {
    get: (key) => answers.get(key) ?? null,
    set: (key, result) => void answers.set(key, result as ExecutionResult),
    // Nothing is ever invalidated by entity: the data only changes by a reload, which changes every key.
    invalidate: () => {},
  };
  // Requests whose key cannot be built (variables nested too deeply to serialize) are neither looked up nor kept.
  const uncacheable = new WeakSet<Request>();
  const keyOf = (request: Request, parts: unknown[]) => {
    try {
      // Quoted: the plugin sends the key as the ETag, and an entity tag is a quoted string (RFC 9110).
      return `"${createHash('sha256').update(JSON.stringify(parts) ?? '').digest('base64url')}"`;
    } catch {
      uncacheable.add(request);
      return 'uncacheable';
    }
  };
  return useResponseCache({
    session: () => null, // one public data set: every client shares the answers
    enabled: (request) => !uncacheable.has(request),
    cache,
    ttl: Infinity,
    invalidateViaMutation: false,
    includeExtensionMetadata: false,
    // The version of the very store the request's context gets (yoga.ts), even if a reload swaps in another. Not
    // yet checked here: a query, operation name or variables of the wrong shape are refused after this, never kept.
    buildResponseCacheKey: ({ documentString, variableValues, operationName, request }) =>
      keyOf(request, [storeOf(request).info.version, operationName ?? null, documentString, variableValues ?? null]),
  }) as Plugin;
}

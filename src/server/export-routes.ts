/**
 * GET /export/{format}: the graph for download in json, gexf, graphml, jsonld, turtle or neo4j (a ZIP of the CSV
 * files and their README), with its media type and a file name (Content-Disposition). Query parameters select a
 * part, as the CLI's flags do: `?kinds=POLICY,AGENCY`, `?around=agency:x&depth=2`, and `?base=` for RDF IRIs.
 *
 * The whole graph in each format is built once per data version (the store's info.version) and kept in memory,
 * with an ETag, so a reload makes the next request build it again and If-None-Match answers 304. Filtered
 * exports are built per request. Bad parameters answer 400 naming the parameter, an unknown format or entity 404,
 * in the server's error shape ({ errors: [{ message, extensions: { code } }] }).
 */
import type { Plugin } from 'graphql-yoga';
import { type ExportFormat, exportFileName, exportFormatInfo, exportFormats, exportGraph, RdfBase, batched } from '../export/formats.js';
import { defaultBase } from '../export/rdf-mapping.js';
import { ExportFilterParams, type ExportFilter, isWholeGraph, UnknownEntityError } from '../export/select.js';
import { zip } from '../export/zip.js';
import type { PolicyStore } from '../store/store.js';

const route = /^\/export\/([^/]*)\/?$/;
const parameters = new Set(['kinds', 'around', 'depth', 'base']);

type Built = { body: Uint8Array; etag: string };

/** Builds an export without holding the event loop for long: it yields to other requests every few chunks. */
async function build(store: PolicyStore, format: ExportFormat, filter: ExportFilter, base: string): Promise<Uint8Array> {
  const output = exportGraph(format, store.graph, { dataVersion: store.info.version, filter, base });
  const collect = async (chunks: Iterable<string>) => {
    const parts: Buffer[] = [];
    for (const chunk of batched(chunks)) {
      parts.push(Buffer.from(chunk, 'utf8'));
      if (parts.length % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return Buffer.concat(parts);
  };
  if (output.kind === 'text') return collect(output.chunks);
  const entries = [];
  for (const file of output.files) entries.push({ name: file.name, data: await collect(file.chunks()) });
  return zip(entries);
}

export function useExportRoutes(getStore: () => PolicyStore): Plugin {
  /** The whole graph per format, for one data version: a new version empties it. */
  let cachedVersion = '';
  const cache = new Map<ExportFormat, Promise<Built>>();

  return {
    onRequest({ url, request, fetchAPI, endResponse }) {
      const match = route.exec(url.pathname);
      if (!match) return;
      const fail = (status: number, code: string, messages: string[], headers: Record<string, string> = {}) =>
        endResponse(fetchAPI.Response.json({ errors: messages.map((message) => ({ message, extensions: { code } })) }, { status, headers }));
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return fail(405, 'METHOD_NOT_ALLOWED', [`${request.method} is not allowed on /export: use GET`], { allow: 'GET, HEAD' });
      }
      const format = exportFormats.find((f) => f === match[1]);
      if (!format) return fail(404, 'NOT_FOUND', [`no export format "${match[1]}": use one of ${exportFormats.join(', ')}`]);

      const unknown = [...new Set(url.searchParams.keys())].filter((k) => !parameters.has(k));
      const raw = (name: string) => (url.searchParams.has(name) ? url.searchParams.getAll(name).join(',') : undefined);
      const filter = ExportFilterParams.safeParse({ kinds: raw('kinds'), around: raw('around'), depth: raw('depth') });
      const base = RdfBase.safeParse(raw('base') ?? defaultBase);
      const problems = [
        ...unknown.map((k) => `unknown parameter "${k}": use ${[...parameters].join(', ')}`),
        ...(filter.success ? [] : filter.error.issues.map((i) => `${String(i.path[0] ?? 'parameters')}: ${i.message}`)),
        ...(base.success ? [] : base.error.issues.map((i) => `base: ${i.message}`)),
      ];
      if (problems.length > 0 || !filter.success || !base.success) return fail(400, 'BAD_REQUEST', problems);

      let store: PolicyStore;
      try {
        store = getStore();
      } catch {
        return fail(503, 'NOT_READY', ['the server is still loading its data set; retry shortly'], { 'retry-after': '1' });
      }
      const version = store.info.version;
      const whole = isWholeGraph(filter.data) && base.data === defaultBase;
      const headers = {
        'content-type': exportFormatInfo[format].contentType,
        'content-disposition': `attachment; filename="${exportFileName(format, version, filter.data)}"`,
        'x-data-version': version,
      };
      let built: Promise<Built>;
      if (whole) {
        if (cachedVersion !== version) {
          cache.clear();
          cachedVersion = version;
        }
        if (!cache.has(format)) {
          const entry = build(store, format, {}, defaultBase).then((body) => ({ body, etag: `"${version}-${format}"` }));
          // A failed build is not kept: the next request tries again.
          entry.catch(() => cache.get(format) === entry && cache.delete(format));
          cache.set(format, entry);
        }
        built = cache.get(format)!;
      } else {
        built = build(store, format, filter.data, base.data).then((body) => ({ body, etag: '' }));
      }
      return built.then(
        ({ body, etag }) => {
          if (etag && request.headers.get('if-none-match') === etag) return endResponse(new fetchAPI.Response(null, { status: 304, headers: { etag } }));
          const response = new fetchAPI.Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
            status: 200,
            headers: { ...headers, ...(etag ? { etag } : {}), 'content-length': String(body.byteLength) },
          });
          endResponse(response);
        },
        (error: unknown) => {
          if (error instanceof UnknownEntityError) return fail(404, 'NOT_FOUND', [`around: ${error.message}`]);
          throw error;
        },
      );
    },
  };
}

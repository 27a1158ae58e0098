/**
 * The export formats, each with its media type and file extension, behind one call: `exportGraph` selects the
 * part of the graph a filter asks for and writes it, as one text (chunk by chunk) or, for Neo4j, several files.
 * The CLI writes the chunks to stdout, a file or a directory; the HTTP route collects them (and zips Neo4j's).
 */
import { z } from 'zod';
import type { PolicyGraph } from '../store/graph.js';
import { writeGexf } from './gexf.js';
import { writeGraphml } from './graphml.js';
import { writeJsonLd } from './jsonld.js';
import { writeNativeJson } from './native-json.js';
import { type ExportFile, neo4jFiles } from './neo4j.js';
import { type Progress, silent } from './progress.js';
import { defaultBase, type MappingContext } from './rdf-mapping.js';
import { type ExportFilter, filterLabel, isWholeGraph, selectGraph } from './select.js';
import { writeTurtle } from './turtle.js';

export const exportFormatInfo = {
  json: { contentType: 'application/json', extension: 'json', description: 'graphology serialization, every attribute; re-importable' },
  gexf: { contentType: 'application/gexf+xml', extension: 'gexf', description: 'GEXF 1.3 for Gephi' },
  graphml: { contentType: 'application/graphml+xml', extension: 'graphml', description: 'GraphML for yEd, Cytoscape, NetworkX' },
  jsonld: { contentType: 'application/ld+json', extension: 'jsonld', description: 'JSON-LD with an inline @context' },
  turtle: { contentType: 'text/turtle; charset=utf-8', extension: 'ttl', description: 'RDF Turtle' },
  neo4j: { contentType: 'application/zip', extension: 'zip', description: 'Neo4j bulk-import CSV (a directory; a ZIP over HTTP)' },
} as const;

export type ExportFormat = keyof typeof exportFormatInfo;
export const exportFormats = Object.keys(exportFormatInfo) as ExportFormat[];
export const ExportFormat = z.enum(exportFormats as [ExportFormat, ...ExportFormat[]], {
  message: `format must be one of ${exportFormats.join(', ')}`,
});

/** A base for entity IRIs: absolute http(s), ending with / or # so that ids can follow it. */
export const RdfBase = z
  .url({ protocol: /^https?$/, message: 'base must be an absolute http(s) IRI' })
  .refine((b) => b.endsWith('/') || b.endsWith('#'), { message: 'base must end with / or #, e.g. https://policy-graph.example/id/' });

export type ExportOptions = {
  /** The data version of the graph (the store's info.version), written into every format that has a place for it. */
  dataVersion: string;
  filter?: ExportFilter;
  /** The base of entity IRIs in RDF formats. */
  base?: string;
  progress?: Progress;
};

/** One text, or several files (Neo4j), with the size of the part of the graph they hold. */
export type ExportOutput = ({ kind: 'text'; chunks: Iterable<string> } | { kind: 'files'; files: ExportFile[] }) & { entities: number; relations: number };

export function exportGraph(format: ExportFormat, whole: PolicyGraph, options: ExportOptions): ExportOutput {
  const { dataVersion, filter = {}, base = defaultBase, progress = silent } = options;
  const graph = selectGraph(whole, filter);
  const ctx: MappingContext & { dataVersion: string } = { base, dataVersion, sourceLanguage: (id) => sourceLanguage(whole, id) };
  const size = { entities: graph.order, relations: graph.size };
  const text = (chunks: Iterable<string>): ExportOutput => ({ kind: 'text', chunks, ...size });
  switch (format) {
    case 'json':
      return text(writeNativeJson(graph, { dataVersion, ...(isWholeGraph(filter) ? {} : { filter }) }, progress));
    case 'gexf':
      return text(writeGexf(graph, { dataVersion, description: describe(dataVersion, filter) }, progress));
    case 'graphml':
      return text(writeGraphml(graph, { dataVersion }, progress));
    case 'jsonld':
      return text(writeJsonLd(graph, ctx, progress));
    case 'turtle':
      return text(writeTurtle(graph, ctx, progress));
    case 'neo4j':
      return { kind: 'files', files: neo4jFiles(graph, { dataVersion }, progress), ...size };
  }
}

function sourceLanguage(graph: PolicyGraph, id: string): string {
  const source = graph.hasNode(id) ? graph.getNodeAttributes(id) : null;
  return source?.kind === 'SOURCE' ? source.language : 'zh';
}

function describe(dataVersion: string, filter: ExportFilter): string {
  return `policy graph, data version ${dataVersion}${isWholeGraph(filter) ? '' : `, ${filterLabel(filter)}`}`;
}

/** The download name: policy-graph-<data version>[-<filter>].<extension>. */
export function exportFileName(format: ExportFormat, dataVersion: string, filter: ExportFilter = {}): string {
  const label = isWholeGraph(filter) ? '' : `-${filterLabel(filter)}`;
  return `policy-graph-${dataVersion}${label}.${exportFormatInfo[format].extension}`;
}

/** Joins small chunks into pieces of about `size` characters, so that writing 10^5 lines is not 10^5 writes. */
export function* batched(chunks: Iterable<string>, size = 1 << 16): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}

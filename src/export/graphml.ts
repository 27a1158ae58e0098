/**
 * GraphML (yEd, Cytoscape, NetworkX, igraph; read back by graphology-graphml). One <key> per column of the model,
 * typed (string, long, double, boolean; dates as ISO strings); GraphML has no lists, so list columns (aliases,
 * subjects, citation sources and spans) hold a JSON array. Every node also has `label` (its Chinese name) and
 * every edge `label` (its relation type) for viewers that show labels. The graph carries the data version.
 *
 * xmlbuilder2 writes the document's frame (declaration, namespaces, keys, the graph element). The nodes and edges
 * in it are written by `element` below: xmlbuilder2 builds a DOM node per element, about 65 µs each here, which
 * is three minutes for the ~3 million elements of a 10^5-entity graph; these elements are all alike (an element,
 * string attributes, <data> children with text), so escaping them here is short and the export takes seconds.
 */
import { create } from 'xmlbuilder2';
import type { PolicyGraph } from '../store/graph.js';
import { type Column, type ColumnType, flatRecord, graphFileColumns } from './columns.js';
import { type Progress, silent, ticker } from './progress.js';

const graphmlTypes: Record<ColumnType, string> = {
  string: 'string',
  long: 'long',
  double: 'double',
  boolean: 'boolean',
  date: 'string',
  datetime: 'string',
  'string[]': 'string',
};

/** Characters XML 1.0 does not allow at all (C0 controls but tab and newlines, U+FFFE/F, lone surrogates). */
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const textEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const attributeEscapes: Record<string, string> = { ...textEscapes, '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

export function escapeText(s: string): string {
  return s.replace(notXml, '\uFFFD').replace(/[&<>]/g, (c) => textEscapes[c]!);
}

export function escapeAttribute(s: string): string {
  return s.replace(notXml, '\uFFFD').replace(/[&<>"\t\n\r]/g, (c) => attributeEscapes[c]!);
}

const value = (v: unknown) => escapeText(String(v));

/** `<node id="…">` (or edge) with a <data> child per value, indented as the frame is. */
function element(name: 'node' | 'edge', attributes: Record<string, string>, values: Record<string, unknown>): string {
  const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  const data = Object.entries(values).map(([k, v]) => `\n      <data key="${name}.${k}">${value(v)}</data>`).join('');
  return `\n    <${name}${attrs}>${data}\n    </${name}>`;
}

/** The document around the nodes and edges, written by xmlbuilder2, split where they go. */
function frame(dataVersion: string, nodeColumns: Column[], edgeColumns: Column[]): [head: string, tail: string] {
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://graphml.graphdrawing.org/xmlns', 'graphml', {
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
  });
  doc.ele('key', { id: 'graph.dataVersion', for: 'graph', 'attr.name': 'dataVersion', 'attr.type': 'string' });
  // Key ids are unique across the document: node and edge keys of the same name get their own id.
  for (const [domain, columns] of [['node', nodeColumns], ['edge', edgeColumns]] as const) {
    for (const c of [{ name: 'label', type: 'string' as ColumnType }, ...columns]) {
      doc.ele('key', { id: `${domain}.${c.name}`, for: domain, 'attr.name': c.name, 'attr.type': graphmlTypes[c.type] });
    }
  }
  const graph = doc.ele('graph', { id: 'policy-graph', edgedefault: 'directed' });
  graph.ele('data', { key: 'graph.dataVersion' }).txt(dataVersion);
  graph.com('elements');
  const [head, tail] = doc.end({ prettyPrint: true }).split(/\n\s*<!--elements-->/) as [string, string];
  return [head, tail];
}

export function* writeGraphml(graph: PolicyGraph, { dataVersion }: { dataVersion: string }, progress: Progress = silent): Generator<string> {
  const { nodes: nodeColumns, edges: edgeColumns } = graphFileColumns();
  const [head, tail] = frame(dataVersion, nodeColumns, edgeColumns);
  yield head;
  progress.start('entities', graph.order);
  const nodes = ticker(progress);
  for (const { node, attributes: e } of graph.nodeEntries()) {
    yield element('node', { id: node }, { label: e.name, ...flatRecord(e, nodeColumns, { lists: 'json' }) });
    nodes.tick();
  }
  nodes.flush();
  progress.start('relations', graph.size);
  const edges = ticker(progress);
  for (const { edge, attributes: r, source, target } of graph.edgeEntries()) {
    yield element('edge', { id: edge, source, target }, { label: r.type, ...flatRecord(r, edgeColumns, { lists: 'json' }) });
    edges.tick();
  }
  edges.flush();
  yield tail;
}

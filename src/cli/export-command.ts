/**
 * `policy-graph export --format F [--kinds …] [--around ID --depth N] [--base IRI] [--out FILE|DIR]`: writes the
 * graph, or the part a filter selects, to stdout or --out. Neo4j's several files go to a directory, or to a ZIP
 * archive when --out ends with .zip. Returns the exit code: 0, 1 when the data set has problems, 2 on bad usage.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import { batched, type ExportFormat, exportGraph, RdfBase } from '../export/formats.js';
import type { ExportFile } from '../export/neo4j.js';
import type { Progress } from '../export/progress.js';
import { ExportFilterParams, UnknownEntityError } from '../export/select.js';
import { zip } from '../export/zip.js';
import { DataSetError, formatProblems } from '../store/problems.js';
import { type GraphSource, loadGraph } from './load-graph.js';

export type ExportCommandOptions = GraphSource & {
  format: ExportFormat;
  kinds?: string;
  around?: string;
  depth?: string;
  base?: string;
  out?: string;
};

type Issue = { path: PropertyKey[]; message: string };

/** Usage problems as one line each: `--kinds: each kind must be one of …`. */
export function usageErrors(issues: Issue[]): string {
  return issues.map((i) => `error: ${i.path.length > 0 ? `--${String(i.path[0])}: ` : ''}${i.message}`).join('\n');
}

export async function runExport(options: ExportCommandOptions, progress: Progress): Promise<number> {
  const filter = ExportFilterParams.safeParse({ kinds: options.kinds, around: options.around, depth: options.depth });
  const base = options.base === undefined ? undefined : RdfBase.safeParse(options.base);
  const errors: Issue[] = [...(filter.success ? [] : filter.error.issues)];
  if (base && !base.success) errors.push(...base.error.issues.map((i) => ({ path: ['base'], message: i.message })));
  if (options.format === 'neo4j' && !options.out) errors.push({ path: ['out'], message: 'neo4j writes several files: give --out DIR (or --out FILE.zip)' });
  if (errors.length > 0 || !filter.success) {
    console.error(usageErrors(errors));
    return 2;
  }
  const started = performance.now();
  try {
    const store = await loadGraph(options, progress);
    const output = exportGraph(options.format, store.graph, { dataVersion: store.info.version, filter: filter.data, base: base?.data, progress });
    if (output.kind === 'text') await writeText(output.chunks, options.out);
    else await writeFiles(output.files, options.out!);
    progress.stop();
    if (options.out) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.error(`wrote ${options.out}: ${output.entities} entities, ${output.relations} relations (${options.format}, data version ${store.info.version}) in ${seconds} s`);
    }
    return 0;
  } catch (error) {
    progress.stop();
    if (error instanceof UnknownEntityError) {
      console.error(`error: --around: ${error.message}`);
      return 2;
    }
    if (!(error instanceof DataSetError)) throw error;
    console.error(`${options.graphFile ?? options.dataDir}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; fix them first (policy-graph validate)`);
    console.error(formatProblems(error.problems));
    return 1;
  }
}

/** Writes chunks as the stream takes them (waiting when its buffer is full), so that memory stays flat. */
async function write(stream: Writable, chunks: Iterable<string>): Promise<void> {
  for (const chunk of batched(chunks)) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}

async function writeText(chunks: Iterable<string>, out: string | undefined): Promise<void> {
  if (!out) return write(process.stdout, chunks);
  const file = createWriteStream(out);
  await once(file, 'open');
  await write(file, chunks);
  file.end();
  await once(file, 'finish');
}

async function writeFiles(files: ExportFile[], out: string): Promise<void> {
  if (out.endsWith('.zip')) {
    const entries = files.map((f) => ({ name: f.name, data: Buffer.from([...f.chunks()].join(''), 'utf8') }));
    return writeFile(out, zip(entries));
  }
  await mkdir(out, { recursive: true });
  for (const f of files) await writeText(f.chunks(), join(out, f.name));
}

/**
 * Exports of a generated graph, slow but bounded: 10^4 entities always (GEXF and native JSON, a few seconds),
 * 10^5 entities every format with EXPORT_BIG=1 (minutes on 2 cores, so left out of the default run). Each reports
 * its progress to the end and its timing on stdout.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { batched, type ExportFormat, exportGraph } from '../../src/export/formats.js';
import type { Progress } from '../../src/export/progress.js';
import type { PolicyGraph } from '../../src/store/graph.js';
import { syntheticGraph } from '../../bench/scale/synthetic.js';

/** A progress that keeps each phase's total and how far it got. */
function recording() {
  const phases: { phase: string; total: number; done: number }[] = [];
  const progress: Progress = {
    start: (phase, total) => void phases.push({ phase, total, done: 0 }),
    tick: (steps = 1) => void (phases.at(-1)!.done += steps),
    stop: () => {},
  };
  return { progress, phases };
}

/** Exports the graph, counting what it wrote without keeping it; returns the elements counted and the time taken. */
function run(format: ExportFormat, graph: PolicyGraph) {
  const { progress, phases } = recording();
  const started = performance.now();
  const out = exportGraph(format, graph, { dataVersion: 'synthetic', progress });
  let characters = 0;
  let nodes = 0;
  let edges = 0;
  const json: string[] = [];
  const count = (chunk: string) => {
    characters += chunk.length;
    if (format === 'json') json.push(chunk);
    if (format === 'gexf') {
      nodes += chunk.split('<node id=').length - 1;
      edges += chunk.split('<edge id=').length - 1;
    }
  };
  if (out.kind === 'text') for (const chunk of batched(out.chunks)) count(chunk);
  else for (const file of out.files) for (const chunk of batched(file.chunks())) count(chunk);
  const seconds = (performance.now() - started) / 1000;
  if (format === 'json') {
    const data = JSON.parse(json.join('')) as { nodes: unknown[]; edges: unknown[] };
    [nodes, edges] = [data.nodes.length, data.edges.length];
  }
  console.log(`${format}: ${graph.order} entities, ${graph.size} relations, ${(characters / 1e6).toFixed(1)} M characters in ${seconds.toFixed(1)} s`);
  return { phases, nodes, edges, seconds };
}

function checkExport(format: ExportFormat, graph: PolicyGraph, boundSeconds: number) {
  const { phases, nodes, edges, seconds } = run(format, graph);
  for (const p of phases) expect(p.done, `${format} ${p.phase}`).toBe(p.total);
  expect(phases.reduce((sum, p) => sum + p.total, 0)).toBeGreaterThanOrEqual(format === 'neo4j' ? graph.order : graph.order + graph.size);
  if (format === 'gexf' || format === 'json') expect([nodes, edges]).toEqual([graph.order, graph.size]);
  expect(seconds).toBeLessThan(boundSeconds);
}

describe('a generated graph of 10^4 entities', () => {
  it('exports to GEXF and native JSON with progress to the end, in seconds', async () => {
    const started = performance.now();
    const graph = await syntheticGraph(10_000);
    console.log(`generated ${graph.order} entities, ${graph.size} relations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(graph.order).toBe(10_000);
    checkExport('gexf', graph, 30);
    checkExport('json', graph, 10);
  }, 120_000);
});

const big = process.env.EXPORT_BIG === '1';

describe('a generated graph of 10^5 entities', () => {
  it.skipIf(!big)('exports to every format with progress to the end (slow: set EXPORT_BIG=1 to run it, minutes on 2 cores)', async () => {
    const started = performance.now();
    const graph = await syntheticGraph(100_000);
    console.log(`generated ${graph.order} entities, ${graph.size} relations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(graph.order).toBe(100_000);
    for (const format of ['json', 'gexf', 'graphml', 'jsonld', 'turtle', 'neo4j'] as const) checkExport(format, graph, 240);
  }, 1_800_000);
});

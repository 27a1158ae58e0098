import { createCounter, createHistogram, type FillLabelsFnParams, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { Counter, Gauge, Registry } from 'prom-client';
import { entityKinds } from '../model/kinds.js';
import type { PolicyStore } from '../store/store.js';
import type { Config } from './config.js';
import { servedFromCache } from './execution.js';
import { errorCodesOf, resultsOf, useRequestLog } from './logger.js';

export type ObservabilityOptions = {
  /** The store being served, for the data gauges of /metrics. */
  getStore?: () => PolicyStore;
  /** Where request lines go (none: request ids are still assigned and echoed, nothing is logged). */
  log?: Logger;
};

/** Request logs (logger.ts) and, when config.metrics is on, Prometheus metrics at /metrics. */
export function useObservability(config: Config, { getStore, log }: ObservabilityOptions = {}): Plugin[] {
  const plugins = [useRequestLog(log)];
  if (config.metrics) plugins.push(...useMetrics(getStore));
  return plugins;
}

/** How many distinct operation names get a series of their own; later names share the label "other". */
export const maxOperationLabels = 100;
const graphqlName = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * Operation names as metric labels. They come from clients, so each distinct name would be a new time series:
 * only the first `maxOperationLabels` well-formed names keep theirs.
 */
function operationLabels() {
  const seen = new Set<string>();
  return (name: string | undefined): string => {
    if (!name || name === 'Anonymous') return 'Anonymous';
    if (!graphqlName.test(name)) return 'invalid';
    if (seen.has(name)) return name;
    if (seen.size >= maxOperationLabels) return 'other';
    seen.add(name);
    return name;
  };
}

/**
 * Prometheus metrics at /metrics, in a registry of this yoga instance's own (tests build many instances; the
 * global registry would refuse the second set of names): GraphQL requests, their duration and errors per
 * operation, errors by code, HTTP duration per operation and status, the parse/validate/execute phases, and the
 * data served.
 */
function useMetrics(getStore?: () => PolicyStore): Plugin[] {
  const registry = new Registry();
  const label = operationLabels();
  const operation = (params: FillLabelsFnParams) => ({
    operationName: label(params.operationName),
    operationType: params.operationType ?? 'unknown',
  });
  const opLabels = ['operationName', 'operationType'] as const;
  if (getStore) registerDataGauges(registry, getStore);
  const prometheus = usePrometheus({
    registry,
    endpoint: false, // served by useMetricsEndpoint, which caches
    metrics: {
      graphql_envelop_request: createCounter({
        registry,
        counter: { name: 'graphql_envelop_request', help: 'GraphQL operations executed', labelNames: opLabels },
        fillLabelsFn: operation,
      }),
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: { name: 'graphql_envelop_request_duration', help: 'Time from parse to the end of execution, in seconds', labelNames: opLabels },
        fillLabelsFn: operation,
      }),
      graphql_envelop_error_result: createCounter({
        registry,
        counter: { name: 'graphql_envelop_error_result', help: 'Errors in results, by the phase that raised them', labelNames: [...opLabels, 'phase'] },
        fillLabelsFn: (params: FillLabelsFnParams) => ({ ...operation(params), phase: params.errorPhase ?? 'unknown' }),
      }),
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: { name: 'graphql_yoga_http_duration', help: 'Time spent on HTTP requests of GraphQL operations, in seconds', labelNames: [...opLabels, 'method', 'statusCode'] },
        fillLabelsFn: (params: FillLabelsFnParams & { request: Request; response: Response }) => ({
          ...operation(params),
          method: params.request.method,
          statusCode: params.response.status,
        }),
      }),
      graphql_envelop_phase_parse: createHistogram({
        registry,
        histogram: { name: 'graphql_envelop_phase_parse', help: 'Time spent parsing, in seconds (all operations)', labelNames: [] },
        fillLabelsFn: () => ({}),
      }),
      graphql_envelop_phase_validate: createHistogram({
        registry,
        histogram: { name: 'graphql_envelop_phase_validate', help: 'Time spent validating, in seconds (all operations)', labelNames: [] },
        fillLabelsFn: () => ({}),
      }),
      graphql_envelop_phase_execute: createHistogram({
        registry,
        histogram: { name: 'graphql_envelop_phase_execute', help: 'Time spent executing, in seconds (all operations)', labelNames: [] },
        fillLabelsFn: () => ({}),
      }),
      // Phases are timed across all operations: per operation they would triple the size of a scrape.
      // Off: a summary repeating request_duration, context building (trivial here), subscriptions (none),
      // deprecated fields (none; it walks every document) and schema changes (the schema is built once).
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
    },
  });
  return [prometheus, useErrorCodeCounter(registry), useCacheHitCounter(registry), useMetricsEndpoint(registry)];
}

const errorCodePattern = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * Errors by code across every GraphQL response, including those refused before execution (limits, malformed
 * bodies), which the envelop counter above never sees. Codes are the server's own, a short closed set.
 */
function useErrorCodeCounter(registry: Registry): Plugin {
  const counter = new Counter({ name: 'graphql_errors', help: 'Errors in GraphQL responses, by extensions.code', labelNames: ['code'], registers: [registry] });
  return {
    onResultProcess({ result }) {
      for (const each of resultsOf(result)) {
        for (const code of errorCodesOf(each)) counter.inc({ code: errorCodePattern.test(code) ? code : 'OTHER' });
      }
    },
  };
}

/**
 * Answers served by the response cache (execution.ts). They skip parsing and execution, so the operation
 * counters above, which count executed operations, do not see them: requests = executed + cache hits.
 */
function useCacheHitCounter(registry: Registry): Plugin {
  const counter = new Counter({ name: 'graphql_response_cache_hits', help: 'GraphQL answers served from the response cache', registers: [registry] });
  return {
    onResultProcess({ result }) {
      for (const each of resultsOf(result)) if (servedFromCache(each)) counter.inc();
    },
  };
}

/** How long one rendering of /metrics is served again: a scrape costs milliseconds, and anyone may ask. */
export const metricsCacheMs = 1000;

/** GET /metrics in Prometheus' text format, rendered at most once per `metricsCacheMs`. */
function useMetricsEndpoint(registry: Registry): Plugin {
  let cached: { at: number; text: Promise<string> } | null = null;
  return {
    onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname !== '/metrics') return;
      const now = performance.now();
      if (!cached || now - cached.at > metricsCacheMs) {
        const text = registry.metrics();
        text.catch(() => (cached = null)); // a failed rendering is not kept
        cached = { at: now, text };
      }
      return cached.text.then((text) => endResponse(new fetchAPI.Response(text, { headers: { 'content-type': registry.contentType } })));
    },
  };
}

/** The store being served, or null before the first data set is in (getStore throws until then). */
function served(getStore: () => PolicyStore): PolicyStore | null {
  try {
    return getStore();
  } catch {
    return null;
  }
}

/** Gauges read from the store at each scrape, so a reloaded data set shows at once. */
function registerDataGauges(registry: Registry, getStore: () => PolicyStore) {
  new Gauge({
    name: 'policy_graph_entities',
    help: 'Entities in the data set being served, by kind',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      this.reset();
      const store = served(getStore);
      if (store) for (const kind of entityKinds) this.set({ kind }, store.count(kind));
    },
  });
  new Gauge({
    name: 'policy_graph_relations',
    help: 'Relations in the data set being served, by type',
    labelNames: ['type'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [type, count] of served(getStore)?.relationCounts ?? []) this.set({ type }, count);
    },
  });
  new Gauge({
    name: 'policy_graph_data_loaded_timestamp_seconds',
    help: 'When the data set being served was loaded, in seconds since the epoch',
    registers: [registry],
    collect() {
      this.reset();
      const store = served(getStore);
      if (store) this.set(store.info.loadedAt.getTime() / 1000);
    },
  });
  new Gauge({
    name: 'policy_graph_data_info',
    help: 'The version (content hash) of the data set being served, as a label; always 1',
    labelNames: ['version'],
    registers: [registry],
    collect() {
      this.reset();
      const store = served(getStore);
      if (store) this.set({ version: store.info.version }, 1);
    },
  });
}

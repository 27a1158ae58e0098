import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, Lexer, Source, TokenKind, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';
import { servedFromCache } from './execution.js';
import { breadthOf, type Measured, measure } from './query-cost.js';
import { CostRateLimiter, type RateWindow, clientOf, rateLimitError } from './rate-limit.js';

/**
 * Query limits, all checked before execution: tokens while parsing, depth, aliases and directives while
 * validating (GraphQL Armor), then cost and breadth from the schema's field costs (src/api/complexity.ts) with
 * the request's variables, then the client's cost per minute. Every refusal names its setting and the excess.
 */
export function useQueryLimits(config: Config): Plugin[] {
  return [useArmor(config), useTokenCount(), useBreadth(config), useCost(config)];
}

/** What a response cost (`extensions.cost`): the query's cost, the most one query may cost, the client's window. */
export type QueryCost = { requested: number; limit: number; rateLimit?: RateWindow; cached?: true };

type ShapeLimit = 'maxCost' | 'maxDepth' | 'maxBreadth' | 'maxAliases' | 'maxDirectives' | 'maxTokens';

const what: Record<ShapeLimit, string> = {
  maxCost: 'cost',
  maxDepth: 'depth',
  maxBreadth: 'breadth (fields selected)',
  maxAliases: 'alias count',
  maxDirectives: 'directive count',
  maxTokens: 'token count',
};

const advice: Record<ShapeLimit, string> = {
  maxCost: 'ask for fewer items per list (`first`) or nest fewer lists',
  maxDepth: 'nest fewer selections',
  maxBreadth: 'select fewer fields, or spread fragments fewer times',
  maxAliases: 'use fewer aliases, or send several requests',
  maxDirectives: 'use fewer directives',
  maxTokens: 'send a shorter query',
};

const count = (n: number) => n.toLocaleString('en-US');

/**
 * A query over one of the limits: 400 (200 under `Accept: application/json`, as for any validation error in the
 * GraphQL-over-HTTP spec), code QUERY_TOO_COMPLEX, and which limit, its value and the query's in `extensions`.
 */
export function limitError(limit: ShapeLimit, actual: number, max: number, atLeast = false): GraphQLError {
  const amount = `${atLeast ? 'at least ' : ''}${count(actual)}`;
  return new GraphQLError(
    `Query ${what[limit]} ${amount} exceeds the limit of ${count(max)} by ${atLeast ? 'at least ' : ''}${count(actual - max)} (${limit}): ${advice[limit]}.`,
    { extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, actual, http: { status: 400, spec: true } } },
  );
}

/** Armor reports a refusal as "… limit of N exceeded, found M."; the reject hook turns it into a limitError. */
function reportAs(limit: ShapeLimit, max: number) {
  return {
    n: max,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? max + 1);
        context?.reportError(limitError(limit, found, max));
      },
    ],
  };
}

/**
 * GraphQL Armor: tokens, depth (fields only: fragments add none, introspection is not counted), aliases,
 * directives; field suggestions ("Did you mean …") are hidden when introspection is off, since they would
 * reveal the schema. Its cost limit stays off: cost is counted from the schema's own field costs.
 */
function useArmor(config: Config): Plugin {
  return EnvelopArmorPlugin({
    costLimit: { enabled: false },
    maxTokens: { n: config.maxTokens },
    maxDepth: { ...reportAs('maxDepth', config.maxDepth), flattenFragments: true, ignoreIntrospection: true },
    // Every alias counts, __typename's too (Armor lets those through by default).
    maxAliases: { ...reportAs('maxAliases', config.maxAliases), allowList: [] },
    maxDirectives: reportAs('maxDirectives', config.maxDirectives),
    blockFieldSuggestion: { enabled: !config.introspection },
  }) as Plugin;
}

const tokenLimit = /Token limit of (\d+) exceeded/;

/** Armor stops lexing at the limit; for the message, count the whole query's tokens (once, on refusal). */
function useTokenCount(): Plugin {
  return {
    onParse({ params }) {
      return ({ result, replaceParseResult }) => {
        const match = result instanceof Error ? tokenLimit.exec(result.message) : null;
        if (!match) return;
        const { tokens, complete } = countTokens(String(params.source));
        replaceParseResult(limitError('maxTokens', tokens, Number(match[1]), !complete));
      };
    },
  };
}

function countTokens(source: string): { tokens: number; complete: boolean } {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) tokens += 1;
    return { tokens, complete: true };
  } catch {
    return { tokens, complete: false }; // a syntax error further on: "at least" this many
  }
}

/**
 * Breadth is checked before validation too: graphql-js compares the fields of a selection pairwise
 * (OverlappingFieldsCanBeMerged), so a few hundred repetitions of one field within the token limit would cost
 * hundreds of milliseconds to validate (query-cost.ts counts it).
 */
function useBreadth(config: Config): Plugin {
  return {
    onValidate({ params, setResult }) {
      const breadth = breadthOf(params.documentAST);
      if (breadth > config.maxBreadth) setResult([limitError('maxBreadth', breadth, config.maxBreadth)]);
    },
  };
}

function overLimit({ complexity, depth, breadth }: Measured, config: Config): GraphQLError | null {
  if (depth > config.maxDepth) return limitError('maxDepth', depth, config.maxDepth);
  if (breadth > config.maxBreadth) return limitError('maxBreadth', breadth, config.maxBreadth);
  if (complexity > config.maxCost) return limitError('maxCost', complexity, config.maxCost);
  return null;
}

const isAsyncIterable = (value: object): value is AsyncIterable<unknown> => Symbol.asyncIterator in value;

/**
 * Cost, breadth and the per-client rate, before execution; then `extensions.cost` on every response
 * (`requested` 0 for a query refused before its cost was counted: nothing was run or charged).
 */
function useCost(config: Config): Plugin {
  const limiter = config.rateLimitCost > 0 ? new CostRateLimiter(config.rateLimitCost) : null;
  const costs = new WeakMap<object, QueryCost>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const measured = measure(args);
      const cost: QueryCost = { requested: measured?.complexity ?? 0, limit: config.maxCost };
      costs.set(args.contextValue as object, cost);
      const refusal = measured && overLimit(measured, config);
      if (refusal) return setResultAndStopExecution({ errors: [refusal] });
      if (!limiter) return;
      const { allowed, window } = limiter.charge(clientOf(args.contextValue), Math.max(1, cost.requested));
      cost.rateLimit = window;
      if (!allowed) setResultAndStopExecution({ errors: [rateLimitError(cost.requested, window)] });
    },
    onExecutionResult({ result, setResult, context }) {
      if (!result || Array.isArray(result) || isAsyncIterable(result)) return;
      // An answer from the response cache ran nothing and costs nothing (the cache is off under a rate limit).
      if (servedFromCache(result)) return setResult({ ...result, extensions: { ...result.extensions, cost: { requested: 0, limit: config.maxCost, cached: true } } });
      const cost = costs.get(context) ?? { requested: 0, limit: config.maxCost, ...(limiter ? { rateLimit: limiter.peek(clientOf(context)) } : {}) };
      const extensions: Record<string, unknown> = { ...result.extensions, cost };
      if (cost.rateLimit) {
        // GitHub's headers too, so that a client can watch its budget without reading bodies.
        const { limit, remaining, resetAt } = cost.rateLimit;
        const http = (result.extensions?.http ?? {}) as { headers?: Record<string, string> };
        extensions.http = {
          ...http,
          headers: { ...http.headers, 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': String(Math.ceil(Date.parse(resetAt) / 1000)) },
        };
      }
      setResult({ ...result, extensions });
    },
  };
}

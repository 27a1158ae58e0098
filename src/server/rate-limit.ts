import { GraphQLError } from 'graphql';

/** Where a client stands in its current window: what it may spend per window, what is left, when it refills. */
export type RateWindow = { limit: number; remaining: number; resetAt: string };

type Spent = { start: number; spent: number };

/**
 * A per-client budget of query cost per window (a minute), in memory: each client's window starts with its first
 * request and refills whole when it ends. Memory stays bounded: past `maxClients`, finished windows are dropped
 * first, then the oldest.
 */
export class CostRateLimiter {
  private readonly windows = new Map<string, Spent>();

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 100_000,
  ) {}

  /** Spends `cost` from the client's budget if it has that much left; either way, where the client then stands. */
  charge(client: string, cost: number): { allowed: boolean; window: RateWindow } {
    const spent = this.current(client);
    const allowed = spent.spent + cost <= this.limit;
    if (allowed) spent.spent += cost;
    return { allowed, window: this.view(spent) };
  }

  /** Where the client stands, spending nothing. */
  peek(client: string): RateWindow {
    const now = this.now();
    const spent = this.windows.get(client);
    return this.view(spent && now - spent.start < this.windowMs ? spent : { start: now, spent: 0 });
  }

  private current(client: string): Spent {
    const now = this.now();
    let spent = this.windows.get(client);
    if (!spent || now - spent.start >= this.windowMs) {
      this.windows.delete(client);
      if (this.windows.size >= this.maxClients) this.evict(now);
      spent = { start: now, spent: 0 };
      this.windows.set(client, spent);
    }
    return spent;
  }

  /** Drops finished windows; if every window is still running, the oldest (Map order is start order). */
  private evict(now: number) {
    for (const [client, spent] of this.windows) if (now - spent.start >= this.windowMs) this.windows.delete(client);
    if (this.windows.size >= this.maxClients) this.windows.delete(this.windows.keys().next().value!);
  }

  private view(spent: Spent): RateWindow {
    return { limit: this.limit, remaining: this.limit - spent.spent, resetAt: new Date(spent.start + this.windowMs).toISOString() };
  }
}

type ClientContext = { request?: Request; req?: { socket?: { remoteAddress?: string } } };

const clientIdPattern = /^[\x21-\x7e]{1,100}$/;

/**
 * Who a request is charged to: its `x-client-id` header (printable ASCII, at most 100 characters) when it has
 * one, else the address of the connection (a proxy in front of the server makes every client one: set
 * x-client-id there), else "unknown" (in-process requests).
 */
export function clientOf(context: unknown): string {
  const { request, req } = (context ?? {}) as ClientContext;
  const id = request?.headers.get('x-client-id')?.trim();
  if (id && clientIdPattern.test(id)) return `id:${id}`;
  const address = req?.socket?.remoteAddress;
  return address ? `ip:${address}` : 'unknown';
}

const count = (n: number) => n.toLocaleString('en-US');

/** The answer to a client over its budget: 429, with when to retry. */
export function rateLimitError(requested: number, window: RateWindow, now = Date.now()): GraphQLError {
  const seconds = Math.max(1, Math.ceil((Date.parse(window.resetAt) - now) / 1000));
  const why =
    requested > window.limit
      ? `this query costs ${count(requested)}, more than the ${count(window.limit)} a client may spend per minute`
      : `this query costs ${count(requested)} but only ${count(window.remaining)} of the ${count(window.limit)} a client may spend per minute remain`;
  return new GraphQLError(`Rate limit exceeded (rateLimitCost): ${why}; the budget refills at ${window.resetAt}, in ${seconds} s.`, {
    extensions: {
      code: 'RATE_LIMITED',
      limit: 'rateLimitCost',
      max: window.limit,
      remaining: window.remaining,
      requested,
      resetAt: window.resetAt,
      http: { status: 429, headers: { 'retry-after': String(seconds) } },
    },
  });
}

/** Runs a GraphQL operation whenever its variables change, aborting the previous one. */
import { useEffect, useState } from 'react';
import { isAbort, request } from './api.js';

export type QueryState<T> = { data: T | null; error: Error | null; loading: boolean };

/** `variables` null means "nothing to ask" (the data is then null too). */
export function useQuery<T>(query: string, variables: Record<string, unknown> | null): QueryState<T> {
  const key = variables === null ? null : JSON.stringify(variables);
  const [state, setState] = useState<QueryState<T> & { key: string | null }>({ data: null, error: null, loading: key !== null, key: null });
  useEffect(() => {
    if (key === null) {
      setState({ data: null, error: null, loading: false, key });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ data: s.key === key ? s.data : null, error: null, loading: true, key }));
    request<T>(query, JSON.parse(key) as Record<string, unknown>, controller.signal).then(
      (data) => setState({ data, error: null, loading: false, key }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ data: null, error: error as Error, loading: false, key });
      },
    );
    return () => controller.abort();
  }, [query, key]);
  // Until the effect has run for new variables, report loading rather than the previous answer.
  if (state.key !== key) return { data: null, error: null, loading: key !== null };
  return state;
}

/** A connection read page by page: the first page when the variables change, more on demand (after: cursor). */
import { useCallback, useEffect, useState } from 'react';
import { isAbort, request } from './api.js';
import { type QueryState, useQuery } from './use-query.js';

type Connection<E> = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: E[] };

export type Paged<T, E> = QueryState<T> & { edges: E[]; totalCount: number; more: (() => void) | null };

export function usePaged<T, E>(
  query: string,
  variables: Record<string, unknown> | null,
  select: (data: T) => Connection<E> | null,
): Paged<T, E> {
  const first = useQuery<T>(query, variables);
  const [extra, setExtra] = useState<{ edges: E[]; pageInfo: Connection<E>['pageInfo'] | null; loading: boolean }>({
    edges: [],
    pageInfo: null,
    loading: false,
  });
  // A new first page drops the pages read after the previous one.
  useEffect(() => setExtra({ edges: [], pageInfo: null, loading: false }), [first.data]);

  const connection = first.data ? select(first.data) : null;
  const pageInfo = extra.pageInfo ?? connection?.pageInfo ?? null;
  const more = useCallback(() => {
    if (!variables || !pageInfo?.endCursor) return;
    setExtra((e) => ({ ...e, loading: true }));
    request<T>(query, { ...variables, after: pageInfo.endCursor }).then(
      (data) => {
        const page = select(data);
        setExtra((e) => ({ edges: [...e.edges, ...(page?.edges ?? [])], pageInfo: page?.pageInfo ?? null, loading: false }));
      },
      (error: unknown) => {
        if (!isAbort(error)) setExtra((e) => ({ ...e, loading: false }));
      },
    );
    // variables and select are read when called; the variables are compared by value.
  }, [query, pageInfo?.endCursor, JSON.stringify(variables)]);

  return {
    ...first,
    loading: first.loading || extra.loading,
    edges: connection ? [...connection.edges, ...extra.edges] : [],
    totalCount: connection?.totalCount ?? 0,
    more: pageInfo?.hasNextPage ? more : null,
  };
}

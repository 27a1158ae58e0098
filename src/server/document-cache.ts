import type { DocumentNode } from 'graphql';
import { _createLRUCache } from 'graphql-yoga';

/** Documents longer than this are parsed every time: a frontend's queries are short, fuzzers' and attackers' are not. */
export const maxCachedDocumentLength = 3_000;
/** How many distinct documents (and parse errors) the cache keeps. */
export const cachedDocuments = 100;

/**
 * Yoga's parse and validation caches, bounded in what they can hold: yoga's default keeps 1,024 documents of any
 * size, keyed by their text, refused ones included, which lets a client fill the heap with distinct large
 * documents. Here only short documents are kept, at most `cachedDocuments` of them.
 */
export function boundedDocumentCaches() {
  const bounded = <T extends {}>() => {
    const lru = _createLRUCache<T>({ max: cachedDocuments });
    return {
      get: (key: string) => lru.get(key),
      set: (key: string, value: T) => {
        if (key.length <= maxCachedDocumentLength) lru.set(key, value);
      },
    };
  };
  return { documentCache: bounded<DocumentNode>(), errorCache: bounded<object>() };
}

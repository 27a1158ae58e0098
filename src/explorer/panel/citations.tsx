/**
 * Every fact the panel shows carries its evidence: the verbatim span, and a numbered reference to its source,
 * listed once at the end of the panel (the same two or three sources would otherwise repeat on every line).
 */
import { createContext, useContext } from 'react';
import type { Citation } from '../queries.js';

type Sources = { numberOf: (id: string) => number; open: (id: string) => void };
export const SourcesContext = createContext<Sources>({ numberOf: () => 0, open: () => {} });

/** The distinct sources of the citations given, in order of first appearance. */
export function collectSources(citations: Iterable<Citation>): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const { source } of citations) if (!seen.has(source.id)) seen.set(source.id, source.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

function SourceRef({ id, name }: { id: string; name: string }) {
  const { numberOf, open } = useContext(SourcesContext);
  return (
    <button type="button" className="source-ref link" title={name} onClick={() => open(id)}>
      [{numberOf(id)}]
    </button>
  );
}

export function Citations({ citations }: { citations: Citation[] }) {
  if (citations.length === 0) return null;
  return (
    <ul className="citations">
      {citations.map((c, i) => (
        <li key={i}>
          <q className="span">{c.span}</q> <SourceRef id={c.source.id} name={c.source.name} />
        </li>
      ))}
    </ul>
  );
}

export function SourceList({ sources, title }: { sources: { id: string; name: string }[]; title: string }) {
  const { open } = useContext(SourcesContext);
  if (sources.length === 0) return null;
  return (
    <section className="panel-section sources">
      <h3>{title}</h3>
      <ol>
        {sources.map((s) => (
          <li key={s.id}>
            <button type="button" className="link" onClick={() => open(s.id)}>
              {s.name}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

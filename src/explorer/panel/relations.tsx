/** An entity's relations grouped by type and direction, each with the entity at the other end and its evidence. */
import { type Lang, displayName, kindColors, relationName, t } from '../i18n.js';
import type { RelationEdge } from '../queries.js';
import { Citations } from './citations.js';

type Props = {
  lang: Lang;
  edges: RelationEdge[];
  totalCount: number;
  loading: boolean;
  onMore: (() => void) | null;
  onOpen: (id: string) => void;
};

function group(edges: RelationEdge[]) {
  const groups = new Map<string, RelationEdge[]>();
  for (const edge of edges) {
    const key = `${edge.type}|${edge.direction}`;
    groups.set(key, [...(groups.get(key) ?? []), edge]);
  }
  return [...groups.values()];
}

export function Relations({ lang, edges, totalCount, loading, onMore, onOpen }: Props) {
  return (
    <section className="panel-section relations" aria-labelledby="relations-heading">
      <h3 id="relations-heading">
        {t(lang, 'relationsOf')} <span className="count">{totalCount}</span>
      </h3>
      {group(edges).map((list) => {
        const { type, direction } = list[0]!;
        return (
          <div key={`${type}|${direction}`} className="relation-group" data-relation={type} data-direction={direction}>
            <h4>
              {direction === 'OUTGOING' ? '→ ' : '← '}
              {relationName(lang, type, direction === 'INCOMING')} <span className="count">{list.length}</span>
              <span className="relation-code">{type}</span>
            </h4>
            <ul>
              {list.map((edge) => (
                <li key={edge.relation.id}>
                  <span className="kind-dot" style={{ background: kindColors[edge.node.kind] }} aria-hidden="true" />
                  <button type="button" className="link" data-id={edge.node.id} onClick={() => onOpen(edge.node.id)}>
                    {displayName(lang, edge.node)}
                  </button>
                  {edge.relation.role && <span className="badge">{edge.relation.role}</span>}
                  {edge.relation.implied && (
                    <span className="badge" title={edge.relation.note ?? undefined}>
                      {t(lang, 'implied')}
                    </span>
                  )}
                  <Citations citations={edge.relation.citations} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {onMore && (
        <button type="button" className="more" onClick={onMore} disabled={loading}>
          {t(lang, 'more')} ({edges.length}/{totalCount})
        </button>
      )}
    </section>
  );
}

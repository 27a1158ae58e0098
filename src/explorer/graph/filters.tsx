/** The legend, which is also the filter: one checkbox per kind (with its colour) and per relation type. */
import { type Lang, kindColors, kindName, relationName, t } from '../i18n.js';
import { type Kind, type RelationType, entityKinds, relationTypes } from '../queries.js';

type Props = {
  lang: Lang;
  counts: { kinds: Map<Kind, number>; relations: Map<RelationType, number> };
  hiddenKinds: Kind[];
  hiddenRelations: RelationType[];
  onToggleKind: (kind: Kind) => void;
  onToggleRelation: (type: RelationType) => void;
};

export function Filters({ lang, counts, hiddenKinds, hiddenRelations, onToggleKind, onToggleRelation }: Props) {
  // Only what the graph holds, plus anything hidden (so that it can be shown again).
  const kinds = entityKinds.filter((k) => counts.kinds.has(k) || hiddenKinds.includes(k));
  const types = relationTypes.filter((r) => counts.relations.has(r) || hiddenRelations.includes(r));
  return (
    <details className="filters" open>
      <summary>{t(lang, 'filters')}</summary>
      <fieldset>
        <legend>{t(lang, 'kinds')}</legend>
        {kinds.map((kind) => (
          <label key={kind} className="filter" data-kind={kind}>
            <input type="checkbox" checked={!hiddenKinds.includes(kind)} onChange={() => onToggleKind(kind)} />
            <span className="kind-dot" style={{ background: kindColors[kind] }} aria-hidden="true" />
            {kindName(lang, kind)} <span className="count">{counts.kinds.get(kind) ?? 0}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'relations')}</legend>
        {types.map((type) => (
          <label key={type} className="filter" data-relation={type}>
            <input type="checkbox" checked={!hiddenRelations.includes(type)} onChange={() => onToggleRelation(type)} />
            {relationName(lang, type)} <span className="count">{counts.relations.get(type) ?? 0}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}

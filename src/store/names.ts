import type { EntityKind } from '../model/kinds.js';
import type { EntityNode } from './graph.js';

/** The form names are compared in: Unicode-normalized (full-width → half-width), trimmed, case-folded, spaces collapsed. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Every name an entity answers to, with the field it comes from. */
export function namesOf(e: EntityNode): { field: string; index?: number; name: string }[] {
  return [
    { field: 'name', name: e.name },
    { field: 'nameEn', name: e.nameEn },
    ...e.aliases.map((name, index) => ({ field: 'aliases', index, name })),
  ];
}

export type NameConflict = { id: string; field: string; index?: number; name: string; otherId: string };

/**
 * Indexes entities by every normalized name and alias. Within one kind a name must point at one entity;
 * the conflicts are returned for the loader to report (across kinds a name may be shared: 低保 the program).
 */
export function indexNames(entities: Iterable<EntityNode>) {
  const byName = new Map<string, string[]>();
  const byKindName = new Map<string, string>();
  const conflicts: NameConflict[] = [];
  for (const e of entities) {
    const seen = new Set<string>();
    for (const n of namesOf(e)) {
      const key = normalizeName(n.name);
      if (seen.has(key)) continue;
      seen.add(key);
      const kindKey = `${e.kind satisfies EntityKind}\0${key}`;
      const other = byKindName.get(kindKey);
      if (other !== undefined) {
        conflicts.push({ id: e.id, field: n.field, ...(n.index === undefined ? {} : { index: n.index }), name: n.name, otherId: other });
        continue;
      }
      byKindName.set(kindKey, e.id);
      const ids = byName.get(key);
      if (ids) ids.push(e.id);
      else byName.set(key, [e.id]);
    }
  }
  return { byName, conflicts };
}

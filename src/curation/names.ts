/**
 * Finds the names of known entities in a text: every name or alias of an entity of the data set (all kinds but
 * METRIC and SOURCE, whose names are descriptions rather than words of the text). Longer names win over the
 * names inside them: 广西壮族自治区民政厅 is one match, not 广西 and 民政厅.
 */
import type { EntityKind } from '../model/kinds.js';
import type { PolicyStore } from '../store/store.js';
import { foldText } from './text.js';

export type KnownName = {
  /** The name as the data set writes it. */
  name: string;
  /** The name folded as the text is (full-width → ASCII, lower case). */
  key: string;
  /** The entities that answer to it (a name may be shared across kinds). */
  ids: string[];
  kinds: EntityKind[];
};

export type FoundName = { offset: number; end: number; text: string; name: string; ids: string[]; kinds: EntityKind[] };

const skipped: readonly EntityKind[] = ['METRIC', 'SOURCE'];

/** The names and aliases (not the English names) of the store's entities, one entry per distinct name. */
export function knownNames(store: PolicyStore): KnownName[] {
  const byKey = new Map<string, KnownName>();
  for (const e of store.entities()) {
    if (skipped.includes(e.kind)) continue;
    for (const name of [e.name, ...e.aliases]) {
      const key = foldText(name.trim().replace(/\s+/g, ' '));
      if (key.length === 0) continue;
      const known = byKey.get(key);
      if (!known) byKey.set(key, { name, key, ids: [e.id], kinds: [e.kind] });
      else if (!known.ids.includes(e.id)) known.ids.push(e.id), known.kinds.push(e.kind);
    }
  }
  return [...byKey.values()];
}

/** Every occurrence of a known name, longest first where they overlap, in text order. */
export function findNames(text: string, names: readonly KnownName[]): FoundName[] {
  const s = foldText(text);
  const hits: { offset: number; known: KnownName }[] = [];
  for (const known of names) {
    for (let i = s.indexOf(known.key); i >= 0; i = s.indexOf(known.key, i + 1)) hits.push({ offset: i, known });
  }
  hits.sort((a, b) => b.known.key.length - a.known.key.length || a.offset - b.offset);
  const taken = new Uint8Array(s.length);
  const found: FoundName[] = [];
  for (const { offset, known } of hits) {
    const end = offset + known.key.length;
    if (taken.subarray(offset, end).some((t) => t === 1)) continue;
    taken.fill(1, offset, end);
    found.push({ offset, end, text: text.slice(offset, end), name: known.name, ids: [...known.ids], kinds: [...known.kinds] });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

import { z } from 'zod';
import { type EntityKind, kindInfo } from './kinds.js';

/** Readable local part of an id: lower-case ASCII words joined by hyphens, or digits (division codes). */
const localPart = '[a-z0-9]+(?:[-.][a-z0-9]+)*';
const prefixes = Object.values(kindInfo).map((k) => k.prefix).join('|');

export const EntityId = z
  .string()
  .regex(new RegExp(`^(?:${prefixes}):${localPart}$`), {
    message: `must be "<kind>:<local-id>", kind one of ${prefixes}, local id lower-case letters, digits and hyphens (e.g. region:450000, program:minimum-living-allowance)`,
  })
  .meta({ description: 'A kind-prefixed, readable, stable entity id such as region:450000 or agency:gx-civil-affairs.' });

/** An id that must point at an entity of the given kinds (checked by prefix here, by lookup in the loader). */
export function idOfKind(...kinds: EntityKind[]) {
  const allowed = kinds.map((k) => kindInfo[k].prefix);
  return z.string().regex(new RegExp(`^(?:${allowed.join('|')}):${localPart}$`), {
    message: `must be the id of ${kinds.join(' or ')}: "${allowed[0]}:<local-id>", local id lower-case letters, digits and hyphens`,
  });
}

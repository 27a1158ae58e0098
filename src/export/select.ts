/**
 * Which part of the graph an export holds: entities of some kinds (`--kinds POLICY,AGENCY`), the entities within
 * `depth` relations of one entity (`--around ID --depth N`), or both (the entities of those kinds within that
 * distance, reached through entities of any kind). Relations are kept when both their ends are.
 *
 * The API's `neighborhood` (src/store/neighborhood.ts) answers a different question: at most 500 entities and
 * depth 3, cut breadth-first, for a reader. An export must never be cut, so it walks the graph itself, by the same
 * rule (the fewest relations in either direction, every type).
 */
import { z } from 'zod';
import { EntityId } from '../model/ids.js';
import { EntityKind, entityKinds } from '../model/kinds.js';
import { createPolicyGraph, type PolicyGraph } from '../store/graph.js';

/** The farthest an export reaches around an entity; more is rarely less than the whole graph. */
export const maxExportDepth = 10;

const depthMessage = `must be a whole number from 1 to ${maxExportDepth}`;

export const ExportFilter = z
  .object({
    kinds: z.array(EntityKind).min(1).optional(),
    around: EntityId.optional(),
    depth: z.int({ message: depthMessage }).min(1, { message: depthMessage }).max(maxExportDepth, { message: depthMessage }).optional(),
  })
  .strict()
  .refine((f) => f.depth === undefined || f.around !== undefined, { message: 'depth needs around: the id of the entity to start from', path: ['depth'] });
export type ExportFilter = z.infer<typeof ExportFilter>;

/**
 * The filter as written on a command line or in a query string: kinds comma-separated and case-insensitive,
 * depth a number in text. Parses to an ExportFilter or fails with issues that name the parameter.
 */
export const ExportFilterParams = z
  .object({
    kinds: z
      .string()
      .transform((s) => s.split(',').map((k) => k.trim().toUpperCase()).filter(Boolean))
      .pipe(
        z
          .array(z.enum(entityKinds, { error: (issue) => `unknown kind "${String(issue.input)}": use ${entityKinds.join(', ')}` }))
          .min(1, { message: 'name at least one kind' }),
      )
      .optional(),
    around: EntityId.optional(),
    depth: z.coerce
      .number({ message: depthMessage })
      .pipe(z.int({ message: depthMessage }).min(1, { message: depthMessage }).max(maxExportDepth, { message: depthMessage }))
      .optional(),
  })
  .strict()
  .pipe(ExportFilter);

/** The entity an export is centred on does not exist. */
export class UnknownEntityError extends Error {
  constructor(readonly id: string) {
    super(`no entity has the id ${id}`);
    this.name = 'UnknownEntityError';
  }
}

export function isWholeGraph(filter: ExportFilter): boolean {
  return filter.kinds === undefined && filter.around === undefined;
}

/** A short, file-name-safe description of a filter: `around-agency.gx-civil-affairs-2_POLICY-AGENCY`. */
export function filterLabel(filter: ExportFilter): string {
  const parts: string[] = [];
  if (filter.around) parts.push(`around-${filter.around.replace(':', '.')}-${filter.depth ?? 1}`);
  if (filter.kinds) parts.push(filter.kinds.join('-'));
  return parts.join('_');
}

/** The part of the graph the filter selects: the graph itself when it selects everything, else a new graph sharing the attribute objects. */
export function selectGraph(graph: PolicyGraph, filter: ExportFilter): PolicyGraph {
  if (isWholeGraph(filter)) return graph;
  const near = filter.around === undefined ? null : within(graph, filter.around, filter.depth ?? 1);
  const kinds = filter.kinds ? new Set<string>(filter.kinds) : null;
  const part = createPolicyGraph();
  graph.forEachNode((id, e) => {
    if ((near === null || near.has(id)) && (kinds === null || kinds.has(e.kind))) part.addNode(id, e);
  });
  graph.forEachEdge((key, r, from, to) => {
    if (part.hasNode(from) && part.hasNode(to)) part.addDirectedEdgeWithKey(key, from, to, r);
  });
  return part;
}

/** The entities at most `depth` relations away from `center`, whatever the relations' direction and type. */
function within(graph: PolicyGraph, center: string, depth: number): Set<string> {
  if (!graph.hasNode(center)) throw new UnknownEntityError(center);
  const reached = new Set([center]);
  let frontier = [center];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      graph.forEachNeighbor(id, (neighbor) => {
        if (!reached.has(neighbor)) {
          reached.add(neighbor);
          next.push(neighbor);
        }
      });
    }
    frontier = next;
  }
  return reached;
}

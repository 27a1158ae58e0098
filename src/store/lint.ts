import type { PolicyStore } from './store.js';

/** A quality finding: the data set loads, but a curator should look at this. */
export type LintFinding = { rule: LintRule; id: string; message: string };

export type LintRule =
  | 'metric-without-region'
  | 'metric-without-subject'
  | 'entity-without-citation'
  | 'orphan-entity'
  | 'policy-without-issuer'
  | 'span-not-in-source';

/** Documents not issued yet (a standard approved as a project, a draft) have no issuer to record. */
const unissued = new Set(['PROJECT_APPROVED', 'DRAFT']);

/**
 * The completeness rules of a curated data set, beyond what the loader refuses: every figure has a region and a
 * subject, every fact a citation, every entity a relation, every issued document an issuer, and, for sources
 * whose text is given, every evidence span occurs in that text verbatim.
 */
export function lintDataSet(store: PolicyStore, sourceTexts: ReadonlyMap<string, string> = new Map()): LintFinding[] {
  const findings: LintFinding[] = [];
  const find = (rule: LintRule, id: string, message: string) => findings.push({ rule, id, message });
  const checkSpans = (where: string, citations: { source: string; span: string }[]) => {
    for (const c of citations) {
      const text = sourceTexts.get(c.source);
      if (text !== undefined && !text.includes(c.span)) find('span-not-in-source', where, `span "${c.span}" does not occur in ${c.source}`);
    }
  };
  for (const e of store.entities()) {
    if (e.kind === 'SOURCE') continue;
    if (e.citations.length === 0) find('entity-without-citation', e.id, 'no citation states this entity');
    if (store.graph.degree(e.id) === 0) find('orphan-entity', e.id, 'no relation connects this entity to the graph');
    if (e.kind === 'METRIC' && !e.region) find('metric-without-region', e.id, 'the figure is scoped to no region');
    if (e.kind === 'METRIC' && e.subjects.length === 0) find('metric-without-subject', e.id, 'the figure measures nothing (no subjects)');
    if (e.kind === 'POLICY' && !unissued.has(e.status ?? '') && store.related(e.id, 'ISSUED_BY', 'OUTGOING').length === 0) {
      find('policy-without-issuer', e.id, 'no ISSUED_BY relation (mark it implied with a note when the source omits the subject)');
    }
    checkSpans(e.id, e.citations);
  }
  store.graph.forEachEdge((key, r) => checkSpans(key, r.citations));
  return findings;
}

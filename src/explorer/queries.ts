/**
 * Every GraphQL operation the explorer sends, with the shapes of their answers. Lists stay small (first ≤ 50,
 * neighbourhoods of depth ≤ 2 with a limit) so that each request stays far below the server's cost budget;
 * test/server/explorer.test.ts runs each of them against the server.
 */

export const entityKinds = ['POLICY', 'AGENCY', 'PROGRAM', 'REGION', 'METRIC', 'TARGET_GROUP', 'ORGANIZATION', 'EVENT', 'SOURCE'] as const;
export type Kind = (typeof entityKinds)[number];

export const relationTypes = [
  'ISSUED_BY', 'GOVERNS', 'IMPLEMENTS', 'TARGETS', 'FUNDS', 'ADMINISTERS', 'ORGANIZED_BY', 'USES',
  'PARTNERS_WITH', 'CITES', 'PART_OF', 'LOCATED_IN', 'MEASURES', 'SCOPED_TO',
] as const;
export type RelationType = (typeof relationTypes)[number];

export type EntityRef = { id: string; kind: Kind; name: string; nameEn: string };
export type Citation = { span: string; source: { id: string; name: string } };

const entityRef = 'id kind name nameEn';
const citations = 'citations { span source { id name } }';

export const suggestQuery = /* GraphQL */ `query ExplorerSuggest($text: String!) {
  search(text: $text, first: 8) { totalCount edges { matchedField snippet node { ${entityRef} } } }
}`;
export type Suggestion = { matchedField: string; snippet: string; node: EntityRef };
export type SuggestResult = { search: { totalCount: number; edges: Suggestion[] } };

const figureFields = `id name nameEn value lower upper unit printed comparator normalizedValue normalizedLower normalizedUpper
  baseUnit cumulative period { start end } asOf region { ${entityRef} } ${citations}`;
export type Figure = {
  id: string; name: string; nameEn: string; value: number | null; lower: number | null; upper: number | null;
  unit: string; printed: string; comparator: string; normalizedValue: number | null; normalizedLower: number | null;
  normalizedUpper: number | null; baseUnit: string; cumulative: boolean; period: { start: string; end: string } | null;
  asOf: string | null; region: EntityRef | null; citations: Citation[];
};

/** How many relations the panel lists per page. */
export const relationsPage = 50;

export const entityQuery = /* GraphQL */ `query ExplorerEntity($id: ID!, $after: String) {
  node(id: $id) {
    ... on Entity {
      ${entityRef} aliases description degree ${citations}
      relations(first: ${relationsPage}, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { type direction node { ${entityRef} } relation { id implied derived note role ${citations} } }
      }
    }
    ... on Agency { adminLevel: level }
    ... on Policy { docType status issuedOn documentNumber issuerCount }
    ... on Program { programType }
    ... on Region { regionLevel: level divisionCode }
    ... on Organization { category }
    ... on Event { eventType startDate endDate }
    ... on Source { author publisher publishedAt url }
    ... on Metric { ${figureFields} parts(first: 20) { edges { node { ${figureFields} } } } }
  }
}`;
export type RelationEdge = {
  type: RelationType; direction: 'OUTGOING' | 'INCOMING'; node: EntityRef;
  relation: { id: string; implied: boolean; derived: boolean; note: string | null; role: string | null; citations: Citation[] };
};
export type EntityDetails = EntityRef & {
  aliases: string[]; description: string | null; degree: number; citations: Citation[];
  relations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: RelationEdge[] };
  // Kind-specific facts; only those of the entity's kind are present.
  adminLevel?: string; regionLevel?: string; docType?: string; status?: string | null; issuedOn?: string | null; documentNumber?: string | null;
  issuerCount?: number; programType?: string; divisionCode?: string | null; category?: string; eventType?: string;
  startDate?: string | null; endDate?: string | null; author?: string | null; publisher?: string | null;
  publishedAt?: string | null; url?: string | null;
} & Partial<Omit<Figure, 'id' | 'name' | 'nameEn' | 'citations'>> & { parts?: { edges: { node: Figure }[] } };
export type EntityResult = { node: EntityDetails | null };

/** How many figures the panel lists per page. */
export const figuresPage = 50;

export const figuresQuery = /* GraphQL */ `query ExplorerFigures($filter: MetricFilter!, $after: String) {
  metrics(first: ${figuresPage}, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${figureFields} } }
  }
}`;
export type MetricFilter = { subject?: string; region?: string; includeSubRegions?: boolean };
export type FiguresResult = {
  metrics: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Figure }[] };
};

export type GroupBy = 'REGION' | 'PERIOD';
export const aggregateQuery = /* GraphQL */ `query ExplorerAggregate($filter: MetricFilter!, $groupBy: [MetricGroupBy!]!) {
  metricAggregate(filter: $filter, groupBy: $groupBy) {
    groups(first: 50) { edges { node {
      baseUnit count summedCount sum approximate lowerBound upperBound mayDoubleCount
      period { start end } region { ${entityRef} }
    } } }
  }
}`;
export type FigureGroup = {
  baseUnit: string; count: number; summedCount: number; sum: number | null; approximate: boolean; lowerBound: boolean;
  upperBound: boolean; mayDoubleCount: boolean; period: { start: string; end: string } | null; region: EntityRef | null;
};
export type AggregateResult = { metricAggregate: { groups: { edges: { node: FigureGroup }[] } } };

/** The most entities one neighbourhood request brings into the graph, by depth. */
export const neighborhoodLimit = { 1: 50, 2: 80 } as const;
export type Depth = keyof typeof neighborhoodLimit;

export const neighborhoodQuery = /* GraphQL */ `query ExplorerNeighborhood($id: ID!, $depth: Int!, $limit: Int!) {
  neighborhood(id: $id, depth: $depth, limit: $limit) {
    truncated center { id }
    entities { depth entity { ${entityRef} degree } }
    relations { id type from { id } to { id } }
  }
}`;
export type GraphRelation = { id: string; type: RelationType; from: { id: string }; to: { id: string } };
export type Neighborhood = {
  truncated: boolean; center: { id: string };
  entities: { depth: number; entity: EntityRef & { degree: number } }[];
  relations: GraphRelation[];
};
export type NeighborhoodResult = { neighborhood: Neighborhood };

export const pathsQuery = /* GraphQL */ `query ExplorerPaths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, first: 3, maxHops: 5) {
    length
    steps { direction from { ${entityRef} } to { ${entityRef} } relation { id type implied note from { id } to { id } ${citations} } }
  }
}`;
export type PathStep = {
  direction: 'OUTGOING' | 'INCOMING'; from: EntityRef; to: EntityRef;
  relation: GraphRelation & { implied: boolean; note: string | null; citations: Citation[] };
};
export type Path = { length: number; steps: PathStep[] };
export type PathsResult = { paths: Path[] };

export const namesQuery = /* GraphQL */ `query ExplorerNames($ids: [ID!]!) { nodes(ids: $ids) { ... on Entity { ${entityRef} } } }`;
export type NamesResult = { nodes: (EntityRef | null)[] };

import type { EntityOf } from '../model/entity.js';
import type { EntityKind } from '../model/kinds.js';
import type { EntityNode, RelationEdge } from '../store/graph.js';
import { builder } from './builder.js';

type Stored<K extends EntityKind> = EntityOf<K> & EntityNode;

/**
 * The object refs of the schema, declared here and implemented in the domain files, so that domain
 * files can point at each other's types without importing each other.
 */
export const EntityRef = builder.interfaceRef<EntityNode>('Entity');
export const PolicyRef = builder.objectRef<Stored<'POLICY'>>('Policy');
export const AgencyRef = builder.objectRef<Stored<'AGENCY'>>('Agency');
export const ProgramRef = builder.objectRef<Stored<'PROGRAM'>>('Program');
export const RegionRef = builder.objectRef<Stored<'REGION'>>('Region');
export const MetricRef = builder.objectRef<Stored<'METRIC'>>('Metric');
export const TargetGroupRef = builder.objectRef<Stored<'TARGET_GROUP'>>('TargetGroup');
export const OrganizationRef = builder.objectRef<Stored<'ORGANIZATION'>>('Organization');
export const EventRef = builder.objectRef<Stored<'EVENT'>>('Event');
export const SourceRef = builder.objectRef<Stored<'SOURCE'>>('Source');
export const RelationRef = builder.objectRef<RelationEdge>('Relation');

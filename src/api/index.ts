import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './query.js';
import './entity.js';
import './policy.js';
import './agency.js';
import './program.js';
import './region.js';
import './metric.js';
import './target-group.js';
import './organization.js';
import './event.js';
import './source.js';
import './ontology.js';
import './path.js';
import './neighborhood.js';
import './search.js';
import './metric-aggregate.js';
import './rankings.js';
import './co-issuing.js';

/** The GraphQL schema of the policy graph, with types and fields sorted so that printing it is stable. */
export const schema = lexicographicSortSchema(builder.toSchema());

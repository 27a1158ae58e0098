import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import { neighborhoodLimits } from '../../src/store/neighborhood.js';
import { fixtureStore } from '../fixtures.js';
import { clientFor } from './client.js';

let client: ReturnType<typeof clientFor>;
beforeAll(async () => {
  client = clientFor(await fixtureStore());
});

const FIELDS = `center { id } truncated entities { depth entity { id __typename } } relations { id type from { id } to { id } }`;

describe('neighborhood', () => {
  it('answers flat lists of entities with their depth and the relations among them', async () => {
    const { data, errors } = await client.query(`{ neighborhood(id: "policy:notice", relationTypes: [ISSUED_BY, PARTNERS_WITH, LOCATED_IN], depth: 2) { ${FIELDS} } }`);
    expect(errors).toBeUndefined();
    expect(data.neighborhood).toEqual({
      center: { id: 'policy:notice' },
      truncated: false,
      entities: [
        { depth: 0, entity: { id: 'policy:notice', __typename: 'Policy' } },
        { depth: 1, entity: { id: 'agency:civil-affairs', __typename: 'Agency' } },
        { depth: 1, entity: { id: 'agency:education', __typename: 'Agency' } },
        { depth: 2, entity: { id: 'region:450000', __typename: 'Region' } },
      ],
      relations: [
        { id: 'LOCATED_IN:agency:civil-affairs->region:450000', type: 'LOCATED_IN', from: { id: 'agency:civil-affairs' }, to: { id: 'region:450000' } },
        { id: 'ISSUED_BY:policy:notice->agency:civil-affairs', type: 'ISSUED_BY', from: { id: 'policy:notice' }, to: { id: 'agency:civil-affairs' } },
        { id: 'ISSUED_BY:policy:notice->agency:education', type: 'ISSUED_BY', from: { id: 'policy:notice' }, to: { id: 'agency:education' } },
        { id: 'PARTNERS_WITH:agency:civil-affairs->agency:education', type: 'PARTNERS_WITH', from: { id: 'agency:civil-affairs' }, to: { id: 'agency:education' } },
      ],
    });
  });

  it('follows one direction when asked, and flags a neighbourhood cut by the limit', async () => {
    const out = await client.query(`{ neighborhood(id: "program:dibao", direction: OUTGOING) { entities { entity { id } } } }`);
    expect(out.data.neighborhood.entities).toEqual([{ entity: { id: 'program:dibao' } }, { entity: { id: 'organization:platform' } }]);
    const cut = await client.query(`{ neighborhood(id: "program:dibao", limit: 2) { truncated entities { depth } relations { type } } }`);
    expect(cut.data.neighborhood.truncated).toBe(true);
    expect(cut.data.neighborhood.entities).toEqual([{ depth: 0 }, { depth: 1 }]);
    expect(cut.data.neighborhood.relations).toHaveLength(1);
  });

  it('names the argument that is wrong: unknown id, depth or limit past its ceiling', async () => {
    const unknown = await client.query(`{ neighborhood(id: "program:none") { truncated } }`);
    expect(unknown.errors?.[0]?.message).toBe('Argument "id" names no entity: "program:none"');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const deep = await client.query(`{ neighborhood(id: "program:dibao", depth: ${neighborhoodLimits.depth.ceiling + 1}) { truncated } }`);
    expect(deep.errors?.[0]?.message).toMatch(new RegExp(`^Argument "depth" must be at most ${neighborhoodLimits.depth.ceiling}`));
    expect(deep.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const wide = await client.query(`{ neighborhood(id: "program:dibao", limit: ${neighborhoodLimits.limit.ceiling + 1}) { truncated } }`);
    expect(wide.errors?.[0]?.message).toMatch(new RegExp(`^Argument "limit" must be at most ${neighborhoodLimits.limit.ceiling}`));
  });
});

describe('neighborhood on the bundled data', () => {
  it('draws 低保 with its documents, its system, its group and its figures', async () => {
    const bundled = clientFor(await loadStore(defaultDataDir));
    const { data, errors } = await bundled.query(`{ neighborhood(id: "program:minimum-living-allowance") {
      center { name } truncated entities { depth entity { id } } relations { type from { id } to { id } } } }`);
    expect(errors).toBeUndefined();
    const n = data.neighborhood;
    expect(n.center.name).toBe('最低生活保障');
    const listed = new Map(n.entities.map((e: any) => [e.entity.id, e.depth]));
    expect(listed.get('program:social-assistance')).toBe(1);
    expect(listed.get('policy:gx-minimum-living-allowance-review-measures')).toBe(1);
    expect(listed.get('target-group:minimum-living-allowance-recipients')).toBe(1);
    for (const r of n.relations) expect(listed.has(r.from.id) && listed.has(r.to.id)).toBe(true);
    expect(n.relations).toContainEqual({ type: 'PART_OF', from: { id: 'program:minimum-living-allowance' }, to: { id: 'program:social-assistance' } });
  });
});

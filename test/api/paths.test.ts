import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import { pathLimits } from '../../src/store/paths.js';
import { fixtureStore } from '../fixtures.js';
import { clientFor } from './client.js';

let client: ReturnType<typeof clientFor>;
beforeAll(async () => {
  client = clientFor(await fixtureStore());
});

const PATH = `length entities { id } steps { direction from { id } to { id } relation { type from { id } to { id } citations { span } } alternatives { type } }`;

const errorOf = (body: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => body.errors?.[0];

describe('shortestPath', () => {
  it('answers the steps in order, each with its relation, its evidence and the direction it was walked', async () => {
    const { data, errors } = await client.query(`{ shortestPath(from: "program:lottery-fund", to: "policy:notice") { ${PATH} } }`);
    expect(errors).toBeUndefined();
    expect(data.shortestPath.length).toBe(2);
    expect(data.shortestPath.entities).toEqual([{ id: 'program:lottery-fund' }, { id: 'program:dibao' }, { id: 'policy:notice' }]);
    expect(data.shortestPath.steps).toEqual([
      {
        direction: 'OUTGOING', from: { id: 'program:lottery-fund' }, to: { id: 'program:dibao' }, alternatives: [],
        relation: { type: 'FUNDS', from: { id: 'program:lottery-fund' }, to: { id: 'program:dibao' }, citations: [{ span: '福彩公益金' }] },
      },
      {
        direction: 'INCOMING', from: { id: 'program:dibao' }, to: { id: 'policy:notice' }, alternatives: [],
        relation: { type: 'GOVERNS', from: { id: 'policy:notice' }, to: { id: 'program:dibao' }, citations: [{ span: '低保工作' }] },
      },
    ]);
  });

  it('honours direction, relation types and maxHops, and answers null when no path fits', async () => {
    const q = (args: string) => client.query(`{ shortestPath(${args}) { length entities { id } } }`);
    expect((await q(`from: "program:lottery-fund", to: "policy:notice", direction: OUTGOING`)).data.shortestPath).toBeNull();
    expect((await q(`from: "policy:notice", to: "program:lottery-fund", direction: INCOMING`)).data.shortestPath).toBeNull();
    expect((await q(`from: "policy:notice", to: "organization:platform", relationTypes: [ISSUED_BY, ADMINISTERS]`)).data.shortestPath.entities).toEqual([
      { id: 'policy:notice' }, { id: 'agency:civil-affairs' }, { id: 'organization:platform' },
    ]);
    expect((await q(`from: "event:meeting", to: "program:lottery-fund"`)).data.shortestPath.length).toBe(4);
    expect((await q(`from: "event:meeting", to: "program:lottery-fund", maxHops: 3`)).data.shortestPath).toBeNull();
  });

  it('lists parallel relations as alternatives of one step, and answers length 0 from an entity to itself', async () => {
    const { data } = await client.query(`{ shortestPath(from: "policy:notice", to: "policy:regulation") { ${PATH} } }`);
    expect(data.shortestPath.steps[0].relation.type).toBe('IMPLEMENTS');
    expect(data.shortestPath.steps[0].alternatives).toEqual([{ type: 'CITES' }]);
    const self = await client.query(`{ shortestPath(from: "program:dibao", to: "program:dibao") { length steps { direction } entities { id } } }`);
    expect(self.data.shortestPath).toEqual({ length: 0, steps: [], entities: [{ id: 'program:dibao' }] });
  });

  it('names the argument that is wrong: an unknown or malformed id, maxHops past its ceiling', async () => {
    const unknown = errorOf(await client.query(`{ shortestPath(from: "policy:notice", to: "program:none") { length } }`));
    expect(unknown?.message).toBe('Argument "to" names no entity: "program:none"');
    expect(unknown?.extensions?.code).toBe('BAD_USER_INPUT');
    const malformed = errorOf(await client.query(`{ shortestPath(from: "notice", to: "program:dibao") { length } }`));
    expect(malformed?.message).toMatch(/^Argument "from" must be "<kind>:<local-id>"/);
    const far = errorOf(await client.query(`{ shortestPath(from: "policy:notice", to: "program:dibao", maxHops: ${pathLimits.maxHops.ceiling + 1}) { length } }`));
    expect(far?.message).toMatch(new RegExp(`^Argument "maxHops" must be at most ${pathLimits.maxHops.ceiling}`));
    expect(far?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(await client.query(`{ shortestPath(from: "policy:notice", to: "program:dibao", maxHops: 0) { length } }`))?.message).toBe(
      'Argument "maxHops" must be at least 1',
    );
  });
});

describe('paths', () => {
  it('answers several distinct paths, shortest first, up to `first`', async () => {
    const { data, errors } = await client.query(`{ paths(from: "event:meeting", to: "program:lottery-fund", maxHops: 6, first: 7) { length entities { id } } }`);
    expect(errors).toBeUndefined();
    const lengths = data.paths.map((p: any) => p.length);
    expect(lengths).toHaveLength(7);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(new Set(data.paths.map((p: any) => JSON.stringify(p.entities))).size).toBe(7);
    for (const p of data.paths) expect(p.entities).toHaveLength(p.length + 1);
  });

  it('answers an empty list when no path fits, and refuses `first` past its ceiling', async () => {
    expect((await client.query(`{ paths(from: "program:dibao", to: "policy:notice", direction: OUTGOING) { length } }`)).data.paths).toEqual([]);
    const many = errorOf(await client.query(`{ paths(from: "policy:notice", to: "program:dibao", first: ${pathLimits.first.ceiling + 1}) { length } }`));
    expect(many?.message).toMatch(new RegExp(`^Argument "first" must be at most ${pathLimits.first.ceiling}`));
    const unknown = errorOf(await client.query(`{ paths(from: "agency:none", to: "program:dibao") { length } }`));
    expect(unknown?.message).toBe('Argument "from" names no entity: "agency:none"');
  });
});

describe('paths on the bundled data', () => {
  let bundled: ReturnType<typeof clientFor>;
  beforeAll(async () => {
    bundled = clientFor(await loadStore(defaultDataDir));
  });

  it('tells how the data-sharing measures relate to 低保', async () => {
    const { data, errors } = await bundled.query(`{
      paths(from: "policy:gx-social-assistance-data-sharing-measures", to: "program:minimum-living-allowance", first: 20) {
        length steps { direction relation { type } to { id name } } } }`);
    expect(errors).toBeUndefined();
    const [shortest] = data.paths;
    expect(shortest.steps).toEqual([
      { direction: 'OUTGOING', relation: { type: 'GOVERNS' }, to: { id: 'program:social-assistance', name: '社会救助' } },
      { direction: 'INCOMING', relation: { type: 'PART_OF' }, to: { id: 'program:minimum-living-allowance', name: '最低生活保障' } },
    ]);
    // Another route: the department that issued the measures also issued the review measures governing 低保.
    expect(data.paths.map((p: any) => p.steps.map((s: any) => s.to.id))).toContainEqual([
      'agency:gx-civil-affairs',
      'policy:gx-minimum-living-allowance-review-measures',
      'program:minimum-living-allowance',
    ]);
  });
});

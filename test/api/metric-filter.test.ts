import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureStore } from '../fixtures.js';
import { clientFor } from './client.js';

let client: ReturnType<typeof clientFor>;
beforeAll(async () => {
  client = clientFor(await fixtureStore());
});

/** The ids of the figures `metrics(filter)` lists, or the errors. */
const q = (filter: string) =>
  client.query(`{ metrics(filter: ${filter}) { edges { node { id } } } }`).then((r) => r.errors ?? r.data.metrics.edges.map((e: any) => e.node.id));

describe('filtering figures', () => {
  it('by program and by target group, alone, together and with the subject', async () => {
    expect(await q('{ program: "program:dibao" }')).toEqual(['metric:recipients', 'metric:funds']);
    expect(await q('{ targetGroup: "target-group:dibao-recipients" }')).toEqual(['metric:recipients', 'metric:nanning-grant']);
    expect(await q('{ program: "program:dibao", targetGroup: "target-group:dibao-recipients" }')).toEqual(['metric:recipients']);
    expect(await q('{ program: "program:dibao", subject: "target-group:dibao-recipients" }')).toEqual(['metric:recipients']);
    expect(await q('{ targetGroup: "target-group:dibao-recipients", region: "region:450100" }')).toEqual(['metric:nanning-grant']);
    expect(await q('{ program: "program:lottery-fund" }')).toEqual([]);
    expect(await q('{ program: "program:unknown" }')).toEqual([]);
  });

  it('by the date a figure holds on: its as-of date, or a day within its period', async () => {
    expect(await q('{ asOf: "2023-12-29" }')).toEqual(['metric:recipients', 'metric:funds']);
    expect(await q('{ asOf: "2023-06-30" }')).toEqual(['metric:funds', 'metric:nanning-grant']);
    expect(await q('{ asOf: "2023-01-01" }')).toEqual(['metric:funds', 'metric:nanning-grant']);
    expect(await q('{ asOf: "2023-12-30" }')).toEqual([]);
    expect(await q('{ asOf: "2023-06-30", comparator: RANGE }')).toEqual(['metric:nanning-grant']);
    expect(await q('{ asOf: "2023-06-30", from: "2023-12-01" }')).toEqual(['metric:funds']);
  });

  it('refuses an id of the wrong kind and a malformed date, naming the argument', async () => {
    const program = await q('{ program: "target-group:dibao-recipients" }');
    expect(program[0].message).toMatch(/^Argument "filter" must be the id of PROGRAM: "program:<local-id>".* \(at program\)$/);
    expect(program[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter' });
    const group = await q('{ targetGroup: "program:dibao" }');
    expect(group[0].message).toMatch(/^Argument "filter" must be the id of TARGET_GROUP/);
    const date = await q('{ asOf: "29.12.2023" }');
    expect(date[0].message).toContain('Date must be written YYYY-MM-DD');
  });
});

import { describe, expect, it } from 'vitest';
import { DataFile } from '../../src/model/data-file.js';
import { Entity } from '../../src/model/entity.js';
import { kindOfId } from '../../src/model/kinds.js';
import { Relation, allowsEndpoints } from '../../src/model/relations.js';

const program = {
  id: 'program:dibao',
  kind: 'PROGRAM',
  name: '最低生活保障',
  nameEn: 'Minimum living allowance',
  programType: 'ASSISTANCE',
  citations: [{ span: '低保' }],
};

const issues = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('entities', () => {
  it('accept a well-formed entity', () => expect(issues(Entity, program)).toEqual([]));

  it('require a readable, kind-prefixed id matching the kind', () => {
    expect(issues(Entity, { ...program, id: 'program:Dibao Program' })[0]).toMatch(/^id: must be the id of PROGRAM/);
    expect(issues(Entity, { ...program, id: 'policy:dibao' })[0]).toMatch(/^id: must be the id of PROGRAM: "program:<local-id>"/);
    expect(kindOfId('target-group:x')).toBe('TARGET_GROUP');
    expect(kindOfId('nothing:x')).toBeNull();
  });

  it('require at least one citation, except for sources', () => {
    expect(issues(Entity, { ...program, citations: [] })).toEqual(['citations: every fact needs at least one citation']);
    const source = { id: 'source:a', kind: 'SOURCE', name: '文章', nameEn: 'Article', publishedAt: '2023-12-29T00:49:00+08:00' };
    expect(issues(Entity, source)).toEqual([]);
  });

  it('require short, non-trivial citation spans', () => {
    expect(issues(Entity, { ...program, citations: [{ span: '保' }] })).toEqual(['citations.0.span: a citation span must quote at least 2 characters of the source']);
    expect(issues(Entity, { ...program, citations: [{ span: '低'.repeat(61) }] })[0]).toContain('at most 60 characters');
    expect(issues(Entity, { ...program, citations: [{ span: '低'.repeat(60) }] })).toEqual([]);
  });

  it('refuse unknown fields instead of dropping them', () => {
    expect(issues(Entity, { ...program, budget: 1 })[0]).toMatch(/Unrecognized key: "budget"/);
  });

  it('refuse an unknown kind and a value outside a closed set', () => {
    expect(issues(Entity, { ...program, kind: 'LAW' })[0]).toMatch(/^kind: /);
    expect(issues(Entity, { ...program, programType: 'GRANT' })[0]).toMatch(/^programType: Invalid option/);
  });

  it('check a source’s date-time and url', () => {
    const source = { id: 'source:a', kind: 'SOURCE', name: '文章', nameEn: 'Article', publishedAt: '2023-12-29', url: 'not a url' };
    expect(issues(Entity, source)).toEqual([
      'publishedAt: must be an ISO date-time with offset, e.g. 2023-12-29T00:49:00+08:00',
      'url: Invalid URL',
    ]);
  });
});

describe('relations', () => {
  const issued = { type: 'ISSUED_BY', from: 'policy:a', to: 'agency:b', role: 'LEAD', citations: [{ span: '印发' }] };

  it('need the properties of their type', () => {
    expect(issues(Relation, issued)).toEqual([]);
    expect(issues(Relation, { ...issued, role: undefined })[0]).toMatch(/^role: /);
    expect(issues(Relation, { ...issued, type: 'TARGETS' })[0]).toMatch(/Unrecognized key: "role"/);
  });

  it('need a citation', () => {
    expect(issues(Relation, { ...issued, citations: [] })).toEqual(['citations: every relation needs at least one citation']);
  });

  it('declare the kinds they connect', () => {
    expect(allowsEndpoints('ISSUED_BY', 'POLICY', 'AGENCY')).toBe(true);
    expect(allowsEndpoints('ISSUED_BY', 'AGENCY', 'POLICY')).toBe(false);
    expect(allowsEndpoints('PART_OF', 'REGION', 'REGION')).toBe(true);
    expect(allowsEndpoints('PART_OF', 'REGION', 'AGENCY')).toBe(false);
  });
});

describe('data files', () => {
  it('refuse unknown top-level keys', () => {
    expect(issues(DataFile, { entity: [] })[0]).toMatch(/Unrecognized key: "entity"/);
  });
});

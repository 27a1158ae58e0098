import { describe, expect, it } from 'vitest';
import { lintDataSet } from '../../src/store/lint.js';
import { fixtureStore, type FixtureFiles } from '../fixtures.js';

const assistance = (f: FixtureFiles) => f['topic/assistance.yaml']!;
const rulesAfter = async (change: (f: FixtureFiles) => void, texts?: Map<string, string>) =>
  lintDataSet(await fixtureStore(change), texts).map((f) => `${f.rule} ${f.id}`);

describe('quality findings', () => {
  it('finds nothing in a complete data set', async () => {
    expect(lintDataSet(await fixtureStore())).toEqual([]);
  });

  it('finds a figure without region or subject', async () => {
    expect(await rulesAfter((f) => {
      delete assistance(f).entities![7].region;
      assistance(f).entities![8].subjects = [];
    })).toEqual(['metric-without-region metric:recipients', 'metric-without-subject metric:funds']);
  });

  it('finds an orphan entity', async () => {
    expect(await rulesAfter((f) => assistance(f).entities!.push({ id: 'target-group:orphans', kind: 'TARGET_GROUP', name: '孤儿', nameEn: 'Orphans', citations: [{ span: '孤儿' }] }))).toEqual([
      'orphan-entity target-group:orphans',
    ]);
  });

  it('finds an issued policy without issuer, but not a standard that is only an approved project', async () => {
    expect(await rulesAfter((f) => {
      assistance(f).entities!.push(
        { id: 'policy:plan', kind: 'POLICY', name: '方案', nameEn: 'Plan', docType: 'PLAN', status: 'ISSUED', citations: [{ span: '方案' }] },
        { id: 'policy:standard', kind: 'POLICY', name: '规范', nameEn: 'Standard', docType: 'STANDARD', status: 'PROJECT_APPROVED', citations: [{ span: '规范' }] },
      );
      assistance(f).relations!.push(
        { type: 'GOVERNS', from: 'policy:plan', to: 'program:dibao', citations: [{ span: '方案' }] },
        { type: 'GOVERNS', from: 'policy:standard', to: 'program:dibao', citations: [{ span: '规范' }] },
      );
    })).toEqual(['policy-without-issuer policy:plan']);
  });

  it('finds evidence spans that do not occur in the source text, for sources whose text is given', async () => {
    const text = '自治区民政厅印发《关于做好低保工作的通知》。全区共纳入低保对象279.8万人。';
    const findings = await rulesAfter(() => {}, new Map([['source:test-article', text]]));
    expect(findings).toContain('span-not-in-source organization:platform');
    expect(findings).not.toContain('span-not-in-source program:dibao');
    expect(findings).not.toContain('span-not-in-source metric:recipients');
    expect(findings).toContain('span-not-in-source ISSUED_BY:policy:notice->agency:education');
  });
});

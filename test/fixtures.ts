import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { loadStore } from '../src/store/load.js';

const cite = (span: string) => [{ span }];

/** A small data set that uses every kind: each test copies it, breaks one thing, and writes it out. */
export function fixtureFiles(): Record<string, { source?: string; entities?: any[]; relations?: any[] }> {
  return {
    'sources.yaml': {
      entities: [
        {
          id: 'source:test-article',
          kind: 'SOURCE',
          name: '测试文章',
          nameEn: 'Test article',
          publishedAt: '2023-12-29T00:49:00+08:00',
        },
      ],
    },
    'places.yaml': {
      source: 'source:test-article',
      entities: [
        { id: 'region:450000', kind: 'REGION', name: '广西壮族自治区', nameEn: 'Guangxi', aliases: ['广西'], level: 'PROVINCE', divisionCode: '450000', citations: cite('全区') },
        { id: 'region:450100', kind: 'REGION', name: '南宁市', nameEn: 'Nanning', level: 'PREFECTURE', citations: cite('南宁市') },
        { id: 'agency:civil-affairs', kind: 'AGENCY', name: '广西壮族自治区民政厅', nameEn: 'Civil Affairs Department', aliases: ['自治区民政厅'], level: 'PROVINCIAL', citations: cite('自治区民政厅') },
        { id: 'agency:education', kind: 'AGENCY', name: '广西壮族自治区教育厅', nameEn: 'Education Department', aliases: ['教育厅'], level: 'PROVINCIAL', citations: cite('教育厅') },
      ],
      relations: [
        { type: 'PART_OF', from: 'region:450100', to: 'region:450000', citations: cite('南宁市') },
        { type: 'LOCATED_IN', from: 'agency:civil-affairs', to: 'region:450000', citations: cite('自治区民政厅') },
      ],
    },
    'topic/assistance.yaml': {
      source: 'source:test-article',
      entities: [
        { id: 'program:dibao', kind: 'PROGRAM', name: '最低生活保障', nameEn: 'Minimum living allowance', aliases: ['低保'], programType: 'ASSISTANCE', citations: cite('低保') },
        { id: 'program:lottery-fund', kind: 'PROGRAM', name: '福彩公益金', nameEn: 'Welfare lottery fund', programType: 'FUND', citations: cite('福彩公益金') },
        { id: 'target-group:dibao-recipients', kind: 'TARGET_GROUP', name: '低保对象', nameEn: 'Dibao recipients', citations: cite('低保对象') },
        { id: 'organization:platform', kind: 'ORGANIZATION', name: '核对信息平台', nameEn: 'Verification platform', category: 'PLATFORM', citations: cite('核对信息平台') },
        { id: 'event:meeting', kind: 'EVENT', name: '现场推进会', nameEn: 'On-site meeting', eventType: 'MEETING', citations: cite('现场推进会') },
        { id: 'policy:notice', kind: 'POLICY', name: '关于做好低保工作的通知', nameEn: 'Notice on dibao work', docType: 'NOTICE', status: 'ISSUED', unnamedCoIssuerCount: 9, citations: cite('印发《关于做好低保工作的通知》') },
        { id: 'policy:regulation', kind: 'POLICY', name: '社会救助条例', nameEn: 'Social assistance regulation', docType: 'REGULATION', status: 'DRAFT', citations: cite('条例') },
        {
          id: 'metric:recipients', kind: 'METRIC', name: '低保对象人数', nameEn: 'Dibao recipients',
          value: 279.8, unit: '万人', baseUnit: 'PERSON', normalizedValue: 2798000, comparator: 'EXACT',
          change: { value: 10, unit: '万人', normalizedValue: 100000, baseline: 'PREVIOUS_YEAR_SAME_PERIOD' },
          asOf: '2023-12-29', region: 'region:450000', subjects: ['program:dibao', 'target-group:dibao-recipients'],
          citations: cite('全区共纳入低保对象279.8万人'),
        },
        {
          id: 'metric:funds', kind: 'METRIC', name: '低保资金', nameEn: 'Dibao funds',
          value: 81.5, unit: '亿元', baseUnit: 'YUAN', normalizedValue: 8150000000, cumulative: true,
          period: { start: '2023-01-01', end: '2023-12-29' }, region: 'region:450000', subjects: ['program:dibao'],
          citations: cite('年内累计发放低保资金81.5亿元'),
        },
        {
          id: 'metric:nanning-grant', kind: 'METRIC', name: '南宁助学金', nameEn: 'Nanning grant', comparator: 'RANGE',
          lower: 5000, upper: 7000, unit: '元', baseUnit: 'YUAN', normalizedLower: 5000, normalizedUpper: 7000,
          period: { start: '2023-01-01', end: '2023-11-30' }, region: 'region:450100', subjects: ['target-group:dibao-recipients'],
          citations: cite('每人5000元—7000元'),
        },
      ],
      relations: [
        { type: 'ISSUED_BY', from: 'policy:notice', to: 'agency:civil-affairs', role: 'LEAD', citations: cite('自治区民政厅印发') },
        { type: 'ISSUED_BY', from: 'policy:notice', to: 'agency:education', role: 'JOINT', citations: cite('联合教育厅') },
        { type: 'GOVERNS', from: 'policy:notice', to: 'program:dibao', citations: cite('低保工作') },
        { type: 'TARGETS', from: 'policy:notice', to: 'target-group:dibao-recipients', citations: cite('低保对象') },
        { type: 'IMPLEMENTS', from: 'policy:notice', to: 'policy:regulation', citations: cite('贯彻条例') },
        { type: 'CITES', from: 'policy:notice', to: 'policy:regulation', citations: cite('根据条例') },
        { type: 'USES', from: 'program:dibao', to: 'organization:platform', citations: cite('依托平台') },
        { type: 'ADMINISTERS', from: 'agency:civil-affairs', to: 'organization:platform', citations: cite('平台') },
        { type: 'FUNDS', from: 'program:lottery-fund', to: 'program:dibao', amount: 'metric:funds', citations: cite('福彩公益金') },
        { type: 'ORGANIZED_BY', from: 'event:meeting', to: 'agency:civil-affairs', citations: cite('召开') },
        { type: 'LOCATED_IN', from: 'event:meeting', to: 'region:450100', citations: cite('在南宁') },
        { type: 'PARTNERS_WITH', from: 'agency:civil-affairs', to: 'agency:education', citations: cite('会同') },
      ],
    },
  };
}

export type FixtureFiles = ReturnType<typeof fixtureFiles>;

/** Writes a data set to a fresh temporary directory and returns its path. */
export async function writeDataSet(files: FixtureFiles | Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'policy-graph-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), typeof content === 'string' || content instanceof Uint8Array ? content : stringify(content));
  }
  return dir;
}

/** A store over the fixture data set, optionally changed first. */
export async function fixtureStore(change?: (files: FixtureFiles) => void) {
  const files = fixtureFiles();
  change?.(files);
  return loadStore(await writeDataSet(files));
}

import { fixtureStore } from '../fixtures.js';

const cite = (span: string) => [{ span }];
const policy = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id, kind: 'POLICY', name, nameEn: id, docType: 'NOTICE', status: 'ISSUED', citations: cite(name), ...extra,
});
const issued = (from: string, to: string, role: 'LEAD' | 'JOINT') => ({ type: 'ISSUED_BY', from, to, role, citations: cite(to) });
const lotteryMetric = (n: number) => ({
  id: `metric:lottery-${n}`, kind: 'METRIC', name: `福彩公益金${n}`, nameEn: `Lottery ${n}`, value: n, unit: '亿元', baseUnit: 'YUAN',
  normalizedValue: n * 1e8, asOf: '2023-12-29', region: 'region:450000', subjects: ['program:lottery-fund'], citations: cite(`福彩公益金${n}亿元`),
});

/**
 * The fixture data set plus a third agency and four more documents, so that co-issuing, orders and shared
 * neighbours have something to tell apart. Issued documents (named issuers; counted-only ones in brackets):
 *   notice       civil-affairs LEAD, education JOINT (+9)      — from the base fixture
 *   standard     civil-affairs LEAD, market JOINT
 *   plan         education LEAD, civil-affairs JOINT, market JOINT (+2); targets dibao-recipients, cites regulation
 *   market-rule  market LEAD alone
 *   data-sharing civil-affairs LEAD (+3)
 * and three figures measuring the lottery fund.
 */
export function coIssuingStore() {
  return fixtureStore((files) => {
    const places = files['places.yaml']!;
    places.entities!.push({ id: 'agency:market', kind: 'AGENCY', name: '市场监督管理局', nameEn: 'Market regulation', level: 'PROVINCIAL', citations: cite('市场监督管理局') });
    const topic = files['topic/assistance.yaml']!;
    topic.entities!.push(
      policy('policy:standard', '标准化意见'),
      policy('policy:plan', '关爱行动方案', { unnamedCoIssuerCount: 2 }),
      policy('policy:market-rule', '市场规则'),
      policy('policy:data-sharing', '数据共享办法', { unnamedCoIssuerCount: 3 }),
      lotteryMetric(1),
      lotteryMetric(2),
      lotteryMetric(3),
    );
    topic.relations!.push(
      issued('policy:standard', 'agency:civil-affairs', 'LEAD'),
      issued('policy:standard', 'agency:market', 'JOINT'),
      issued('policy:plan', 'agency:education', 'LEAD'),
      issued('policy:plan', 'agency:civil-affairs', 'JOINT'),
      issued('policy:plan', 'agency:market', 'JOINT'),
      issued('policy:market-rule', 'agency:market', 'LEAD'),
      issued('policy:data-sharing', 'agency:civil-affairs', 'LEAD'),
      { type: 'TARGETS', from: 'policy:plan', to: 'target-group:dibao-recipients', citations: cite('低保对象') },
      { type: 'CITES', from: 'policy:plan', to: 'policy:regulation', citations: cite('根据条例') },
    );
  });
}

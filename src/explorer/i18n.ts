/** The explorer's words in Chinese (the default) and English, and the colour of each kind. */
import type { Kind, RelationType } from './queries.js';

export type Lang = 'zh' | 'en';

/** One colour per kind (Tableau 10: distinct, readable on white, fairly colour-blind safe). */
export const kindColors: Record<Kind, string> = {
  POLICY: '#4e79a7',
  AGENCY: '#e15759',
  PROGRAM: '#59a14f',
  REGION: '#9c755f',
  METRIC: '#f28e2b',
  TARGET_GROUP: '#b07aa1',
  ORGANIZATION: '#76b7b2',
  EVENT: '#edc948',
  SOURCE: '#bab0ac',
};

const kindNames: Record<Kind, [string, string]> = {
  POLICY: ['政策文件', 'Policy'],
  AGENCY: ['机关', 'Agency'],
  PROGRAM: ['项目', 'Program'],
  REGION: ['地区', 'Region'],
  METRIC: ['数据', 'Figure'],
  TARGET_GROUP: ['对象群体', 'Target group'],
  ORGANIZATION: ['组织机构', 'Organization'],
  EVENT: ['活动', 'Event'],
  SOURCE: ['来源', 'Source'],
};

/** Relation types read from → to ("policy ISSUED_BY agency"), and backwards ("agency issued policy"). */
const relationNames: Record<RelationType, [zh: string, en: string, zhBack: string, enBack: string]> = {
  ISSUED_BY: ['发布机关', 'issued by', '发布', 'issued'],
  GOVERNS: ['规范', 'governs', '受其规范', 'governed by'],
  IMPLEMENTS: ['落实', 'implements', '由其落实', 'implemented by'],
  TARGETS: ['面向', 'targets', '受其服务', 'targeted by'],
  FUNDS: ['资助', 'funds', '受其资助', 'funded by'],
  ADMINISTERS: ['管理', 'administers', '由其管理', 'administered by'],
  ORGANIZED_BY: ['组织者', 'organized by', '组织', 'organizes'],
  USES: ['使用', 'uses', '被使用', 'used by'],
  PARTNERS_WITH: ['合作', 'partners with', '合作', 'partners with'],
  CITES: ['引用', 'cites', '被引用', 'cited by'],
  PART_OF: ['属于', 'part of', '包含', 'has part'],
  LOCATED_IN: ['位于', 'located in', '所在地', 'location of'],
  MEASURES: ['统计', 'measures', '数据', 'measured by'],
  SCOPED_TO: ['范围', 'scoped to', '数据范围', 'scope of'],
};

const comparatorNames: Record<string, [string, string]> = {
  EXACT: ['确数', 'exact'],
  APPROXIMATE: ['约', 'about'],
  MORE_THAN: ['多于', 'more than'],
  AT_LEAST: ['不少于', 'at least'],
  AT_MOST: ['不超过', 'at most'],
  LESS_THAN: ['不到', 'less than'],
  RANGE: ['区间', 'range'],
};

const factNames: Record<string, [string, string]> = {
  level: ['级别', 'Level'],
  docType: ['文种', 'Document type'],
  documentNumber: ['文号', 'Document number'],
  issuedOn: ['印发日期', 'Issued on'],
  status: ['状态', 'Status'],
  issuerCount: ['发文机关数', 'Issuers'],
  programType: ['类型', 'Type'],
  divisionCode: ['区划代码', 'Division code'],
  category: ['类别', 'Category'],
  eventType: ['类型', 'Type'],
  startDate: ['开始', 'Starts'],
  endDate: ['结束', 'Ends'],
  author: ['作者', 'Author'],
  publisher: ['发布者', 'Publisher'],
  publishedAt: ['发布时间', 'Published'],
  url: ['网址', 'Address'],
  degree: ['关系数', 'Relations'],
};

const ui = {
  title: ['政策关系图谱', 'Policy graph explorer'],
  search: ['搜索', 'Search'],
  searchPlaceholder: ['搜索政策、机关、项目……（中文、English、拼音）', 'Search policies, agencies, programs… (中文, English, pinyin)'],
  noMatches: ['没有结果', 'No matches'],
  language: ['English', '中文'],
  languageLabel: ['切换到英文名称', 'Show Chinese names'],
  graph: ['关系图', 'Graph'],
  depth: ['层数', 'Depth'],
  zoomIn: ['放大', 'Zoom in'],
  zoomOut: ['缩小', 'Zoom out'],
  fit: ['适应窗口', 'Fit to view'],
  truncated: ['部分节点未显示（已达上限）', 'Some entities left out (limit reached)'],
  filters: ['筛选与图例', 'Filters and legend'],
  kinds: ['类型', 'Kinds'],
  relations: ['关系', 'Relations'],
  graphHint: ['单击节点查看详情，双击展开其关系', 'Click a node to open it, double-click to expand it'],
  emptyGraph: ['搜索一个实体以显示其关系图', 'Search for an entity to draw its neighbourhood'],
  loading: ['加载中……', 'Loading…'],
  notFound: ['找不到该实体', 'No entity has this id'],
  welcome: ['输入关键词，例如“低保”“民政厅”或“yanglao”。', 'Type a name, e.g. 低保, civil affairs or yanglao.'],
  aliases: ['别名', 'Also known as'],
  expand: ['在图中展开', 'Expand in graph'],
  center: ['以此为中心', 'Centre graph here'],
  pathFrom: ['设为路径起点', 'Path from here'],
  pathTo: ['设为路径终点', 'Path to here'],
  figures: ['数据', 'Figures'],
  figure: ['指标', 'Figure'],
  value: ['数值', 'Value'],
  unit: ['单位', 'Unit'],
  comparator: ['修饰', 'Comparator'],
  period: ['时期/截至', 'Period / as of'],
  region: ['地区', 'Region'],
  evidence: ['出处', 'Evidence'],
  noFigures: ['没有数据', 'No figures'],
  more: ['加载更多', 'Load more'],
  chart: ['数据比较', 'Compare figures'],
  eachFigure: ['逐项', 'Each figure'],
  byRegion: ['按地区合计', 'Sum by region'],
  byPeriod: ['按时期合计', 'Sum by period'],
  baseUnit: ['计量单位', 'Base unit'],
  sumNote: ['合计不重复计算包含关系（API 的 metricAggregate）', 'Sums never double-count parts (the API’s metricAggregate)'],
  relationsOf: ['关系', 'Relations'],
  citations: ['来源引文', 'Citations'],
  implied: ['（推断）', '(implied)'],
  pathFinder: ['路径查找', 'Path finder'],
  from: ['起点', 'From'],
  to: ['终点', 'To'],
  findPath: ['查找路径', 'Find paths'],
  clearPath: ['清除路径', 'Clear path'],
  noPath: ['在 5 步以内没有路径', 'No path within 5 steps'],
  path: ['路径', 'Path'],
  steps: ['步', 'steps'],
  show: ['在图中高亮', 'Highlight'],
  shown: ['已高亮', 'Highlighted'],
  error: ['出错了', 'Something went wrong'],
  skipToPanel: ['跳到详情', 'Skip to details'],
} satisfies Record<string, [string, string]>;
export type UiKey = keyof typeof ui;

const pick = (pair: readonly [string, string], lang: Lang) => (lang === 'zh' ? pair[0] : pair[1]);

export const t = (lang: Lang, key: UiKey) => pick(ui[key], lang);
export const kindName = (lang: Lang, kind: Kind) => pick(kindNames[kind], lang);
export const factName = (lang: Lang, key: string) => pick(factNames[key] ?? [key, key], lang);
export const comparatorName = (lang: Lang, comparator: string) => pick(comparatorNames[comparator] ?? [comparator, comparator], lang);

/** A relation type's label; `backwards` when read from its end (the agency that issued a policy). */
export function relationName(lang: Lang, type: RelationType, backwards = false): string {
  const [zh, en, zhBack, enBack] = relationNames[type] ?? [type, type, type, type];
  if (backwards) return lang === 'zh' ? zhBack : enBack;
  return lang === 'zh' ? zh : en;
}

/** An entity's name in the chosen language (Chinese names are official; English ones are translations). */
export const displayName = (lang: Lang, entity: { name: string; nameEn: string }) =>
  lang === 'en' && entity.nameEn ? entity.nameEn : entity.name;

/** The other language's name, shown beside the chosen one. */
export const otherName = (lang: Lang, entity: { name: string; nameEn: string }) => (lang === 'en' ? entity.name : entity.nameEn);

import { z } from 'zod';
import { Citation } from './citation.js';
import { describedEnum } from './described-enum.js';
import { idOfKind } from './ids.js';
import type { EntityKind } from './kinds.js';
import { checkQuantity, metricFields } from './metric.js';

const text = z.string().trim().min(1, { message: 'must not be empty' });
const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

/** The fields every entity has, whatever its kind. */
function baseFields<K extends EntityKind>(kind: K) {
  return {
    id: idOfKind(kind),
    kind: z.literal(kind),
    name: text.meta({ description: 'The name in Chinese, as officially written (for a source, its title).' }),
    nameEn: text.meta({ description: 'The name in English.' }),
    aliases: z
      .array(text)
      .default([])
      .meta({ description: 'Other names: short forms (低保 for 最低生活保障), former or English variants.' }),
    description: text.optional().meta({ description: 'A short description in the curator’s own words.' }),
    citations: z
      .array(Citation)
      .min(kind === 'SOURCE' ? 0 : 1, { message: 'every fact needs at least one citation' })
      .default([])
      .meta({ description: 'Where the source states that this entity exists and what it is.' }),
  };
}

export const PolicyDocType = describedEnum('The form of a policy document.', {
  NOTICE: 'A notice (通知).',
  MEASURES: 'Measures or administrative rules (办法).',
  OPINIONS: 'Opinions or implementation opinions (意见, 实施意见).',
  REGULATION: 'A regulation passed by a legislature (条例).',
  PLAN: 'A plan, programme of work or action plan (方案, 规划, 行动方案).',
  GUIDELINE: 'A guideline or working guide (指引, 指南).',
  STANDARD: 'A standard or specification (标准, 规范).',
  OTHER: 'Another form of document.',
});

export const PolicyStatus = describedEnum('Where a document stands.', {
  ISSUED: 'Issued (印发, 出台).',
  IN_FORCE: 'In force (施行).',
  PROJECT_APPROVED: 'Approved as a standard-setting project (立项), not yet published.',
  DRAFT: 'A draft.',
});
export const Policy = z.object({
  ...baseFields('POLICY'),
  docType: PolicyDocType,
  status: PolicyStatus.optional(),
  issuedOn: isoDate.optional().meta({ description: 'The date the document was issued, where the source gives it.' }),
  documentNumber: text.optional().meta({ description: 'The official document number (文号), where known.' }),
  unnamedCoIssuerCount: z.int().min(1).optional().meta({
    description:
      'How many co-issuing departments the source counts without naming them all (联合10部门 → 10). Named co-issuers are ISSUED_BY relations.',
  }),
  seriesSize: z.int().min(2).optional().meta({
    description: 'The source names this document as one of a set of this size (…工作指引》等11个工作指引 → 11).',
  }),
}).strict();

export const AdminLevel = describedEnum('The level of government an agency belongs to.', {
  NATIONAL: 'Central government (国家, 中央).',
  PROVINCIAL: 'Province or autonomous region (省, 自治区).',
  PREFECTURAL: 'Prefecture-level city (地级市).',
  COUNTY: 'County or district (县, 区).',
  TOWNSHIP: 'Township, town or sub-district (乡, 镇, 街道).',
  VILLAGE: 'Village or community (村, 社区).',
});

export const Agency = z.object({ ...baseFields('AGENCY'), level: AdminLevel }).strict();

export const ProgramType = describedEnum('What sort of program it is.', {
  ASSISTANCE: 'A benefit paid or given to people, such as 最低生活保障 (低保).',
  SERVICE: 'A public service, such as meal assistance for older people.',
  FUND: 'A source of money, such as 福彩公益金 or 中央预算内投资.',
  CAMPAIGN: 'A campaign or special action (专项行动, 专项工作).',
  INITIATIVE: 'An initiative or public-benefit action (行动, 公益行动).',
  PILOT: 'A pilot (试点).',
  MECHANISM: 'A standing working mechanism (机制).',
});
export const Program = z.object({ ...baseFields('PROGRAM'), programType: ProgramType }).strict();

export const RegionLevel = describedEnum('The level of a region.', {
  COUNTRY: 'A country.',
  PROVINCE: 'A province, autonomous region or municipality (省, 自治区, 直辖市).',
  PREFECTURE: 'A prefecture-level city (地级市).',
  COUNTY: 'A county, county-level city or district (县, 县级市, 区).',
  TOWNSHIP: 'A township, town or sub-district (乡, 镇, 街道).',
  VILLAGE: 'A village or community (村, 社区).',
  AREA: 'A named area that is not an administrative division (长三角, 北部湾).',
});
export const Region = z.object({
  ...baseFields('REGION'),
  level: RegionLevel,
  divisionCode: z
    .string()
    .regex(/^\d{6}(\d{3}|\d{6})?$/, { message: 'must be a 6-, 9- or 12-digit administrative division code' })
    .optional()
    .meta({ description: 'The official administrative division code (450000 for Guangxi).' }),
}).strict();

export const Metric = z
  .object({ ...baseFields('METRIC'), ...metricFields })
  .strict()
  .superRefine(checkQuantity);

export const TargetGroup = z.object(baseFields('TARGET_GROUP')).strict();

export const OrganizationCategory = describedEnum('What sort of organization it is.', {
  INSTITUTION: 'A care or welfare institution (养老院, 儿童福利院).',
  FACILITY: 'A facility or site (食堂, 助餐点, 基地).',
  PLATFORM: 'An information platform or system (信息平台, 热线平台).',
  SOCIAL_ORGANIZATION: 'A social organization, trade association or chamber of commerce (社会组织, 行业协会商会).',
  SERVICE_STATION: 'A service station or workstation (社工站, 工作站).',
  FINANCIAL_INSTITUTION: 'A bank or other financial institution (金融机构).',
  EDUCATION: 'A school, college or training institution (院校).',
  MEDIA: 'A newspaper or other media organization.',
  ENTERPRISE: 'A company.',
  OTHER: 'Another organization.',
});
export const Organization = z.object({ ...baseFields('ORGANIZATION'), category: OrganizationCategory }).strict();

export const EventType = describedEnum('What sort of event it is.', {
  MEETING: 'A meeting or on-site promotion meeting (会议, 现场推进会).',
  CONFERENCE: 'A conference or forum.',
  FAIR: 'A fair, expo or matchmaking meeting (博览会, 洽谈会).',
  SUMMIT: 'A summit (峰会).',
  ACTIVITY: 'An activity held (活动).',
  CAMPAIGN: 'A drive held once (集中行动).',
});
export const Event = z.object({
  ...baseFields('EVENT'),
  eventType: EventType,
  startDate: isoDate.optional().meta({ description: 'The day the event began, where known.' }),
  endDate: isoDate.optional().meta({ description: 'The day the event ended, where known.' }),
  edition: z.int().min(1).optional().meta({ description: 'The edition of a recurring event (第十一届 → 11).' }),
})
  .strict()
  .refine((e) => !e.startDate || !e.endDate || e.startDate <= e.endDate, {
    message: 'an event cannot end before it starts',
    path: ['endDate'],
  });

export const Source = z.object({
  ...baseFields('SOURCE'),
  publisher: text.optional().meta({ description: 'Who published the source (a newspaper, an agency), where the source says.' }),
  publishedAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO date-time with offset, e.g. 2023-12-29T00:49:00+08:00' })
    .optional()
    .meta({ description: 'When the source was published, with its time zone, where the source prints it.' }),
  edition: text.optional().meta({ description: 'The edition or version of a reference source (e.g. a code table of a given year).' }),
  author: text.optional().meta({ description: 'The author or reporter, where named.' }),
  url: z.url().optional().meta({ description: 'Where the source can be read, where known.' }),
  language: z.string().default('zh').meta({ description: 'The language of the source (BCP 47).' }),
}).strict();

export const Entity = z
  .discriminatedUnion('kind', [Policy, Agency, Program, Region, Metric, TargetGroup, Organization, Event, Source])
  .meta({ description: 'A node of the policy graph. `kind` decides which other fields it has.' });

export type Entity = z.infer<typeof Entity>;
export type EntityOf<K extends EntityKind> = Extract<Entity, { kind: K }>;
export type PolicyEntity = EntityOf<'POLICY'>;
export type MetricEntity = EntityOf<'METRIC'>;

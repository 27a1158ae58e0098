import { z } from 'zod';
import { Citation } from './citation.js';
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

export const PolicyDocType = z
  .enum(['NOTICE', 'MEASURES', 'OPINIONS', 'REGULATION', 'PLAN', 'GUIDELINE', 'STANDARD', 'OTHER'])
  .meta({
    description:
      'The form of a policy document: NOTICE 通知, MEASURES 办法, OPINIONS 意见/实施意见, REGULATION 条例, PLAN 方案/规划, GUIDELINE 指引/指南, STANDARD 标准/规范, OTHER.',
  });

export const PolicyStatus = z.enum(['ISSUED', 'IN_FORCE', 'PROJECT_APPROVED', 'DRAFT']).meta({
  description: 'Where the document stands: ISSUED (印发), IN_FORCE (施行), PROJECT_APPROVED (立项, for standards), DRAFT.',
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

export const AdminLevel = z.enum(['NATIONAL', 'PROVINCIAL', 'PREFECTURAL', 'COUNTY', 'TOWNSHIP', 'VILLAGE']).meta({
  description: 'The level of government: NATIONAL, PROVINCIAL (自治区), PREFECTURAL (市), COUNTY (县/区), TOWNSHIP (乡镇/街道), VILLAGE (村/社区).',
});

export const Agency = z.object({ ...baseFields('AGENCY'), level: AdminLevel }).strict();

export const ProgramType = z
  .enum(['ASSISTANCE', 'SERVICE', 'FUND', 'CAMPAIGN', 'INITIATIVE', 'PILOT', 'MECHANISM'])
  .meta({
    description:
      'ASSISTANCE (a benefit such as 低保), SERVICE (a public service), FUND (a source of money such as 福彩公益金), CAMPAIGN (专项行动), INITIATIVE, PILOT (试点), MECHANISM (a standing working mechanism).',
  });
export const Program = z.object({ ...baseFields('PROGRAM'), programType: ProgramType }).strict();

export const RegionLevel = z.enum(['COUNTRY', 'PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE', 'AREA']).meta({
  description: 'COUNTRY, PROVINCE (incl. autonomous regions), PREFECTURE (地级市), COUNTY (县/区), TOWNSHIP (乡镇), VILLAGE (村), AREA (a named area that is not a division, such as 长三角).',
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

export const OrganizationCategory = z
  .enum(['INSTITUTION', 'FACILITY', 'PLATFORM', 'SOCIAL_ORGANIZATION', 'SERVICE_STATION', 'FINANCIAL_INSTITUTION', 'EDUCATION', 'MEDIA', 'ENTERPRISE', 'OTHER'])
  .meta({
    description:
      'INSTITUTION (a care or welfare institution), FACILITY, PLATFORM (an information system), SOCIAL_ORGANIZATION (社会组织, 行业协会商会), SERVICE_STATION (社工站, 工作站), FINANCIAL_INSTITUTION, EDUCATION, MEDIA, ENTERPRISE, OTHER.',
  });
export const Organization = z.object({ ...baseFields('ORGANIZATION'), category: OrganizationCategory }).strict();

export const EventType = z.enum(['MEETING', 'CONFERENCE', 'FAIR', 'SUMMIT', 'ACTIVITY', 'CAMPAIGN']).meta({
  description: 'MEETING (会议, 推进会), CONFERENCE, FAIR (洽谈会, 博览会), SUMMIT (峰会), ACTIVITY (an activity held), CAMPAIGN (a drive held once).',
});
export const Event = z.object({
  ...baseFields('EVENT'),
  eventType: EventType,
  startDate: isoDate.optional().meta({ description: 'The day the event began, where known.' }),
  endDate: isoDate.optional().meta({ description: 'The day the event ended, where known.' }),
  edition: z.int().min(1).optional().meta({ description: 'The edition of a recurring event (第十一届 → 11).' }),
}).strict();

export const Source = z.object({
  ...baseFields('SOURCE'),
  publisher: text.optional().meta({ description: 'Who published the source (a newspaper, an agency), where the source says.' }),
  publishedAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO date-time with offset, e.g. 2023-12-29T00:49:00+08:00' })
    .meta({ description: 'When the source was published, with its time zone.' }),
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

/**
 * The words synthetic entities are named with: the topics, departments, groups and document forms of Chinese
 * civil-affairs policy, so that search meets the terms it meets in real data (养老, 低保, 救助 …), and a place code
 * that makes every name unique within its kind, as the loader requires.
 */

/** Characters of made-up place names; none of them occurs in the words below, so a search word never hits a code. */
const placeCharacters = [...'青山河安东南西北宁远隆泉林田江湖海云川石桥龙凤玉华阳春秋明德永新丰庆昌盛嘉瑞鹏祥星月岭溪池松柏梅竹兰桂荷城坪坝塘湾洲岩樟榕柳桐萍莲鹤翠碧'];

/** How many characters the place codes of `count` items need: every code of one kind has the same length. */
export function placeCodeWidth(count: number): number {
  return Math.max(2, Math.ceil(Math.log(Math.max(count, 2)) / Math.log(placeCharacters.length)));
}

/**
 * A made-up place name of `width` characters for item i (青山, 河安龙 …): distinct items get distinct codes, and as
 * every code of a kind has one width, a code followed by any words never reads as another code with other words.
 */
export function placeCode(i: number, width: number): string {
  let code = '';
  for (let n = i, k = 0; k < width; k++, n = Math.floor(n / placeCharacters.length)) code = placeCharacters[n % placeCharacters.length]! + code;
  return code;
}

/** [Chinese, English, short form] of the policy topics. */
export const topics = [
  ['养老服务', 'elderly care', '养老'],
  ['最低生活保障', 'minimum living allowance', '低保'],
  ['临时救助', 'temporary assistance', '临时救助'],
  ['特困人员供养', 'support for people in extreme poverty', '特困供养'],
  ['留守儿童关爱', 'care for left-behind children', '留守儿童'],
  ['残疾人福利', 'disability welfare', '残疾人'],
  ['社会组织管理', 'social organizations', '社会组织'],
  ['殡葬改革', 'funeral reform', '殡葬'],
  ['婚姻登记', 'marriage registration', '婚姻登记'],
  ['慈善事业', 'charity', '慈善'],
  ['社区治理', 'community governance', '社区'],
  ['流浪乞讨人员救助', 'assistance to homeless people', '流浪救助'],
  ['儿童福利', 'child welfare', '儿童福利'],
  ['社会工作', 'social work', '社工'],
  ['志愿服务', 'volunteer service', '志愿'],
] as const;

/** The Chinese words the search benchmark rotates through: topics and groups as a reader types them. */
export const searchWords = ['养老', '低保', '救助', '儿童', '残疾人', '社会组织', '殡葬', '婚姻', '慈善', '社区', '志愿', '老人'];

/** Region level by depth in the region tree, with the word a name of that level ends in. */
export const regionLevels = [
  ['PROVINCE', '省'],
  ['PREFECTURE', '市'],
  ['COUNTY', '县'],
  ['TOWNSHIP', '镇'],
  ['VILLAGE', '村'],
] as const;

/** Agency level by depth in the agency tree. */
export const agencyLevels = ['PROVINCIAL', 'PREFECTURAL', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;

/** [name, short form (an alias), English] of government departments. */
export const departments = [
  ['民政局', '民政', 'Civil Affairs Bureau'],
  ['财政局', '财政', 'Finance Bureau'],
  ['卫生健康委员会', '卫健委', 'Health Commission'],
  ['教育局', '教育', 'Education Bureau'],
  ['人力资源和社会保障局', '人社局', 'Human Resources and Social Security Bureau'],
  ['乡村振兴局', '乡村振兴', 'Rural Revitalization Bureau'],
  ['残疾人联合会', '残联', "Disabled Persons' Federation"],
  ['妇女联合会', '妇联', "Women's Federation"],
] as const;

/** [docType, the word a title of that form ends in]. */
export const documentForms = [
  ['NOTICE', '工作通知'],
  ['MEASURES', '管理办法'],
  ['OPINIONS', '实施意见'],
  ['REGULATION', '条例'],
  ['PLAN', '行动方案'],
  ['GUIDELINE', '工作指引'],
  ['STANDARD', '服务规范'],
  ['OTHER', '工作要点'],
] as const;

/** [programType, the word its name ends in]. */
export const programForms = [
  ['ASSISTANCE', '补助'],
  ['SERVICE', '服务项目'],
  ['FUND', '专项资金'],
  ['CAMPAIGN', '专项行动'],
  ['INITIATIVE', '公益行动'],
  ['PILOT', '试点'],
  ['MECHANISM', '工作机制'],
] as const;

/** [Chinese, English] of target groups. */
export const groups = [
  ['低保对象', 'minimum-allowance recipients'],
  ['特困人员', 'people in extreme poverty'],
  ['留守儿童', 'left-behind children'],
  ['困境儿童', 'children in difficulty'],
  ['残疾人', 'people with disabilities'],
  ['高龄老人', 'oldest old'],
  ['空巢老人', 'empty-nest elderly'],
  ['流浪乞讨人员', 'homeless people'],
] as const;

/** [category, Chinese, English] of organizations. */
export const organizationForms = [
  ['INSTITUTION', '养老院', 'care home'],
  ['FACILITY', '老年助餐点', 'meal site for older people'],
  ['PLATFORM', '救助信息平台', 'assistance information platform'],
  ['SOCIAL_ORGANIZATION', '慈善协会', 'charity association'],
  ['SERVICE_STATION', '社会工作服务站', 'social-work station'],
  ['FINANCIAL_INSTITUTION', '农村信用社', 'rural credit cooperative'],
  ['EDUCATION', '职业技术学校', 'vocational school'],
  ['MEDIA', '日报社', 'daily newspaper'],
  ['ENTERPRISE', '养老服务有限公司', 'elderly-care company'],
  ['OTHER', '志愿者之家', 'volunteers’ house'],
] as const;

/** [eventType, the word its name ends in]. */
export const eventForms = [
  ['MEETING', '现场推进会'],
  ['CONFERENCE', '工作论坛'],
  ['FAIR', '博览会'],
  ['SUMMIT', '峰会'],
  ['ACTIVITY', '主题活动'],
  ['CAMPAIGN', '集中行动'],
] as const;

/** [the words a figure's name ends in, printed unit, base unit]: every unit here is one the loader knows. */
export const figureForms = [
  ['对象人数', '万人', 'PERSON'],
  ['资金', '亿元', 'YUAN'],
  ['补助资金', '万元', 'YUAN'],
  ['服务人次', '人次', 'PERSON_TIME'],
  ['站点数', '个', 'FACILITY'],
  ['覆盖率', '%', 'PERCENT'],
  ['床位数', '张', 'BED'],
  ['户数', '户', 'HOUSEHOLD'],
] as const;

/**
 * A deterministic benchmark corpus: N deed write-ups of ~1,500 Han characters each (80% simplified,
 * 20% traditional, a few with pinyin residue or scraped-page noise), plus the notices, decisions and
 * honour rolls whose awardees the deeds belong to, and the unit registry they name. Every file is
 * valid against `src/model/schemas/` and written to pass the checks: no masked names, no spun wording, no
 * personal data, and a word limit well above the write-ups' length.
 *
 *   generateCorpus('/tmp/x/content', { pages: 3 })  →  { deeds: 3, announcements: 2, rolls: 1, … }
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js';

export interface CorpusOptions {
  /** How many deeds to write. */
  pages: number;
  /** Seed of the pseudo-random generator; the same seed gives the same corpus. Default 1. */
  seed?: number;
  /** Deeds per honour roll (one notice, one decision and one roll per group). Default 200. */
  groupSize?: number;
}

export interface CorpusSummary {
  deeds: number;
  announcements: number;
  rolls: number;
  /** How many deeds are written in traditional script. */
  traditional: number;
  /** How many deeds carry pinyin residue such as 卫(wèi). */
  pinyin: number;
  /** How many deeds carry scraped-page noise (breadcrumbs, print links). */
  noisy: number;
  /** Total size of the deed files in bytes. */
  deedBytes: number;
  /** The deeds' paths relative to the content folder. */
  deedPaths: string[];
}

const DEFAULTS = Object.freeze({ seed: 1, groupSize: 200 });

/** Han characters per deed, about a page and a half of a printed write-up. */
const HAN_PER_DEED = 1500;

/** Mulberry32: small, fast and good enough to vary generated prose. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...new Set(
    '静伟芳敏娜丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力宁欣怡晨雪梅兰凤洁琳颖佳慧嘉瑞思源浩宇子涵博轩锦程海燕晓东春燕志国',
  ),
];

const CITIES = [
  '东湖',
  '南岭',
  '西川',
  '北原',
  '青山',
  '白水',
  '金沙',
  '玉泉',
  '清河',
  '云台',
  '松林',
  '长宁',
  '安平',
  '永和',
  '新桥',
  '石门',
];
const INSTITUTIONS = [
  '人民医院',
  '中医医院',
  '妇幼保健院',
  '疾病预防控制中心',
  '卫生监督所',
  '急救中心',
  '社区卫生服务中心',
  '中心卫生院',
];
const INSTITUTION_IDS = [
  'renmin-yiyuan',
  'zhongyi-yiyuan',
  'fuyou-baojianyuan',
  'jibing-kongzhi',
  'weisheng-jiandu',
  'jijiu-zhongxin',
  'shequ-weisheng',
  'zhongxin-weishengyuan',
];
const CITY_IDS = [
  'donghu',
  'nanling',
  'xichuan',
  'beiyuan',
  'qingshan',
  'baishui',
  'jinsha',
  'yuquan',
  'qinghe',
  'yuntai',
  'songlin',
  'changning',
  'anping',
  'yonghe',
  'xinqiao',
  'shimen',
];
const POSTS = ['护士长', '主治医师', '副主任医师', '科主任', '公共卫生医师', '乡村医生', '检验师', '药剂师'];

const HEADINGS = [
  '扎根基层，守护群众健康',
  '精益求精，提升服务质量',
  '勇挑重担，冲锋在防控一线',
  '创新方法，推动工作落地',
  '言传身教，带出过硬队伍',
  '心系患者，传递医者温度',
  '严守规范，筑牢安全底线',
  '甘于奉献，诠释初心使命',
];

/** Sentences with slots: {name} the subject, {unit} their unit, {city} the city, {n}/{m} numbers, {year}. */
const SENTENCES = [
  '{name}同志自参加工作以来，始终把人民群众的身体健康放在首位，在平凡的岗位上做出了不平凡的成绩。',
  '{year}年以来，{name}带领团队累计开展健康教育讲座{n}场，覆盖居民{m}人次，群众满意度持续提高。',
  '面对突如其来的疫情，{name}第一时间递交请战书，连续{n}天坚守在发热门诊，没有休息过一个完整的周末。',
  '在{unit}工作期间，{name}牵头梳理了门诊就诊流程，把患者平均等候时间缩短了{n}分钟。',
  '{name}常说，医生的责任不只是看好病，更要让群众少得病、晚得病、不得病。',
  '为了摸清辖区慢性病底数，{name}走遍了{city}的{n}个村居，建立了完整的居民健康档案。',
  '在家庭医生签约服务中，{name}主动上门随访，全年完成高血压、糖尿病患者随访{m}人次。',
  '{name}坚持每周到乡镇卫生院坐诊，手把手指导基层医生规范诊疗，提升了基层服务能力。',
  '在业务学习上，{name}从不满足，先后参加省级以上专业培训{n}次，撰写专业论文多篇。',
  '{unit}的同事们都说，只要有急难险重的任务，第一个站出来的总是{name}。',
  '在预防接种工作中，{name}严格执行三查七对制度，所负责的接种门诊连续多年无差错。',
  '{name}把群众的小事当作自己的大事，耐心解答每一个咨询，认真处理每一件诉求。',
  '在突发公共卫生事件处置中，{name}迅速组织流行病学调查，为科学研判提供了可靠依据。',
  '多年来，{name}带教实习生和规培医生{n}名，其中多人已成为科室业务骨干。',
  '为了提高急救成功率，{name}在{city}推广心肺复苏培训，培训群众{m}人次。',
  '{name}注重医德医风建设，从不收受患者红包，多次拒绝患者家属的感谢礼品。',
  '在健康扶贫工作中，{name}为困难群众建立了专门的随访台账，帮助他们解决看病难的问题。',
  '{name}带领科室开展新技术、新项目{n}项，填补了{unit}多项技术空白。',
  '在妇幼保健工作中，{name}持续做好孕产妇健康管理，辖区孕产妇系统管理率保持在较高水平。',
  '面对人手紧张的局面，{name}主动承担夜班和节假日值班任务，从不计较个人得失。',
  '{name}积极参与卫生监督执法，全年检查公共场所和医疗机构{n}家次，督促整改问题{m}项。',
  '在爱国卫生运动中，{name}组织开展环境整治活动，推动{city}人居环境明显改善。',
  '每当深夜接到急诊电话，{name}总是第一时间赶到医院，与死神争分夺秒。',
  '{name}的工作得到了上级部门和群众的充分肯定，多次被评为优秀工作者。',
  '在基本公共卫生服务项目考核中，{unit}连续多年名列前茅，{name}功不可没。',
  '{name}将信息化手段引入日常管理，建成了覆盖全辖区的慢性病管理平台。',
  '在对口支援工作中，{name}主动报名到偏远地区服务，为当地培养了一批业务骨干。',
  '{name}始终认为，把每一件平凡的事做好就是不平凡，把每一件简单的事做好就是不简单。',
  '在院感防控工作中，{name}制定了严密的工作方案，确保全年未发生院内感染事件。',
  '面对群众的不理解，{name}总是耐心细致地解释，用真诚换来了群众的信任。',
  '{year}年，{name}所在团队完成门诊诊疗{m}人次，住院手术{n}台，各项指标稳步提升。',
  '{name}积极参加义诊活动，足迹遍布{city}的社区、学校和养老机构。',
];

const PINYIN: Readonly<Record<string, string>> = Object.freeze({
  卫: 'wèi',
  健: 'jiàn',
  康: 'kāng',
  医: 'yī',
  疫: 'yì',
  群: 'qún',
  众: 'zhòng',
  务: 'wù',
});

const NOISE_HEAD = ['首页 > 先进事迹 > 正文', '来源：{city}卫生健康网　发布时间：{date}　浏览次数：{n}'];
const NOISE_TAIL = ['【打印本页】　【关闭窗口】', '上一篇：没有了　下一篇：没有了'];

interface Person {
  name: string;
  unit: string;
  post: string;
  city: string;
}

interface Group {
  index: number;
  year: number;
  city: string;
  cityId: string;
  issuer: string;
  notice: string;
  decision: string;
  roll: string;
  members: number[];
}

/** How many different names `personName` makes: surname × given × given. */
const NAME_SPACE = SURNAMES.length * GIVEN.length * GIVEN.length;
/**
 * A prime that divides no factor of `NAME_SPACE` (99 × 63 × 63 = 3⁶ × 7² × 11): multiplying by it
 * modulo `NAME_SPACE` permutes the names, so consecutive indexes get names that differ in every
 * character, as real rolls do.
 */
const NAME_STRIDE = 104_729;

/**
 * Unique names (for indexes below `NAME_SPACE`): the index scattered over the name space, then read
 * as digits in mixed radix over surnames and given-name characters. Counting up directly made
 * the last digit change slowest, so at 10,000 deeds every name ended in the same character (静)
 * and that one word had a posting list on every awardee page.
 */
export function personName(index: number): string {
  const scattered = (index * NAME_STRIDE) % NAME_SPACE;
  const surname = SURNAMES[scattered % SURNAMES.length]!;
  const rest = Math.floor(scattered / SURNAMES.length);
  const first = GIVEN[rest % GIVEN.length]!;
  const second = GIVEN[Math.floor(rest / GIVEN.length) % GIVEN.length]!;
  return surname + first + second;
}

export function generateCorpus(contentDir: string, options: CorpusOptions): CorpusSummary {
  const { seed, groupSize } = { ...DEFAULTS, ...options };
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const toTraditional = Converter({ from: 'cn', to: 't' });
  const traditional = new Map<string, string>();
  const t = (text: string) => {
    let out = traditional.get(text);
    if (out === undefined) traditional.set(text, (out = toTraditional(text)));
    return out;
  };

  for (const dir of ['announcements', 'rolls', 'deeds']) mkdirSync(join(contentDir, dir), { recursive: true });
  writeFileSync(join(contentDir, 'units.yaml'), unitRegistry());

  const groups: Group[] = [];
  for (let start = 0, index = 0; start < options.pages; start += groupSize, index++) {
    const cityIndex = index % CITIES.length;
    const year = 2015 + (index % 9);
    const slug = `${CITY_IDS[cityIndex]}-${String(index + 1).padStart(3, '0')}`;
    groups.push({
      index,
      year,
      city: CITIES[cityIndex]!,
      cityId: CITY_IDS[cityIndex]!,
      issuer: `${CITIES[cityIndex]}市卫生健康委员会`,
      notice: `${year + 1}/${slug}-tongzhi`,
      decision: `${year + 1}/${slug}-jueding`,
      roll: `${year + 1}/${slug}-mingdan`,
      members: Array.from({ length: Math.min(groupSize, options.pages - start) }, (_, i) => start + i),
    });
  }

  const people: Person[] = [];
  for (let i = 0; i < options.pages; i++) {
    const group = groups[Math.floor(i / groupSize)]!;
    people.push({
      name: personName(i),
      unit: `${group.city}市${pick(INSTITUTIONS)}`,
      post: pick(POSTS),
      city: group.city,
    });
  }

  const summary: CorpusSummary = {
    deeds: 0,
    announcements: 0,
    rolls: 0,
    traditional: 0,
    pinyin: 0,
    noisy: 0,
    deedBytes: 0,
    deedPaths: [],
  };
  const honour = (group: Group) => `${group.city}市${group.year}年度卫生健康系统先进个人`;

  for (const group of groups) {
    const yearDir = String(group.year + 1);
    mkdirSync(join(contentDir, 'announcements', yearDir), { recursive: true });
    mkdirSync(join(contentDir, 'rolls', yearDir), { recursive: true });
    writeFileSync(join(contentDir, 'announcements', `${group.notice}.mdx`), noticeFile(group));
    writeFileSync(join(contentDir, 'announcements', `${group.decision}.mdx`), decisionFile(group, people));
    writeFileSync(join(contentDir, 'rolls', `${group.roll}.mdx`), rollFile(group, people, honour(group)));
    summary.announcements += 2;
    summary.rolls += 1;

    for (const i of group.members) {
      const person = people[i]!;
      const isTraditional = random() < 0.2;
      const hasPinyin = random() < 0.05;
      const hasNoise = random() < 0.05;
      const fill = (template: string) =>
        template
          .replaceAll('{name}', person.name)
          .replaceAll('{unit}', person.unit)
          .replaceAll('{city}', `${person.city}市`)
          .replaceAll('{year}', String(group.year))
          .replaceAll('{date}', `${group.year + 1}-03-1${i % 10}`)
          .replaceAll('{n}', String(2 + Math.floor(random() * 60)))
          .replaceAll('{m}', String(100 + Math.floor(random() * 9000)));
      const lines: string[] = [];
      if (hasNoise) lines.push(...NOISE_HEAD.map(fill), '');
      const order = [...SENTENCES].sort(() => random() - 0.5);
      const headings = [...HEADINGS].sort(() => random() - 0.5);
      let hanCount = 0;
      for (let s = 0; hanCount < HAN_PER_DEED; s++) {
        if (s % 12 === 0) lines.push(`## ${headings[(s / 12) % headings.length]}`, '');
        const sentence = fill(order[s % order.length]!);
        hanCount += sentence.match(/\p{Script=Han}/gu)?.length ?? 0;
        const last = lines.length - 1;
        if (s % 4 === 0) lines.push(sentence, '');
        else lines[last - 1] += sentence;
      }
      if (hasNoise) lines.push(...NOISE_TAIL, '');
      let body = lines.join('\n');
      if (isTraditional) body = t(body);
      if (hasPinyin) body = addPinyin(body, isTraditional ? t : (s) => s);
      const title = `${pick(HEADINGS)}——记${person.unit}${person.post}${person.name}同志`;
      const slug = `deed-${String(i + 1).padStart(5, '0')}`;
      const relPath = `deeds/${group.year + 1}/${slug}.mdx`;
      const file = [
        '---',
        `title: ${title}`,
        'subject:',
        `  name: ${person.name}`,
        '  type: person',
        `unit: ${person.unit}`,
        'honours:',
        `  - ${honour(group)}`,
        `year: ${group.year}`,
        `roll: ${group.roll}`,
        `announcement: ${group.notice}`,
        '---',
        '',
        body,
      ].join('\n');
      mkdirSync(join(contentDir, 'deeds', String(group.year + 1)), {
        recursive: true,
      });
      writeFileSync(join(contentDir, relPath), file);
      summary.deeds++;
      summary.deedBytes += Buffer.byteLength(file);
      summary.deedPaths.push(relPath);
      if (isTraditional) summary.traditional++;
      if (hasPinyin) summary.pinyin++;
      if (hasNoise) summary.noisy++;
    }
  }
  return summary;
}

/** Insert readings after the first few occurrences of common characters, as online converters do. */
function addPinyin(body: string, script: (text: string) => string): string {
  let budget = 6;
  let out = body;
  for (const [char, reading] of Object.entries(PINYIN)) {
    const target = script(char);
    const at = out.indexOf(target);
    if (at < 0 || budget-- <= 0) continue;
    out = `${out.slice(0, at + target.length)}(${reading})${out.slice(at + target.length)}`;
  }
  return out;
}

function unitRegistry(): string {
  const lines: string[] = [];
  CITIES.forEach((city, c) => {
    lines.push(`- id: ${CITY_IDS[c]}-weijianwei`, `  name: ${city}市卫生健康委员会`, '  type: issuer');
    INSTITUTIONS.forEach((institution, i) => {
      lines.push(
        `- id: ${CITY_IDS[c]}-${INSTITUTION_IDS[i]}`,
        `  name: ${city}市${institution}`,
        `  parent: ${CITY_IDS[c]}-weijianwei`,
      );
    });
  });
  return `${lines.join('\n')}\n`;
}

function noticeFile(group: Group): string {
  return [
    '---',
    'kind: notice',
    `title: 关于开展${group.year}年度${group.city}市卫生健康系统先进个人评选活动的通知`,
    `issuer: ${group.issuer}`,
    `date: ${group.year + 1}-01-04`,
    'recipients:',
    '  - 各直属医疗卫生单位',
    `evaluationYear: ${group.year}`,
    'categories:',
    '  - name: 先进个人',
    `    quota: ${group.members.length}`,
    'wordLimits:',
    '  - limit: 3000',
    '    kind: max',
    '    appliesTo: 事迹材料',
    `deadline: ${group.year + 1}-01-20`,
    '---',
    '',
    '各直属医疗卫生单位：',
    '',
    `为表彰先进、树立典型，经研究，决定开展${group.year}年度全市卫生健康系统先进个人评选活动。现将有关事项通知如下。`,
    '',
    '## 一、评选范围',
    '',
    '全市各级医疗卫生机构在编在岗工作人员。',
    '',
    '## 二、有关要求',
    '',
    '请各单位认真组织推荐，事迹材料3000字以内，按时报送。',
    '',
  ].join('\n');
}

function decisionFile(group: Group, people: readonly Person[]): string {
  return [
    '---',
    'kind: decision',
    `title: 关于表彰${group.year}年度${group.city}市卫生健康系统先进个人的决定`,
    `issuer: ${group.issuer}`,
    `date: ${group.year + 1}-03-01`,
    'categories:',
    '  - name: 先进个人',
    `    quota: ${group.members.length}`,
    `notice: ${group.notice}`,
    '---',
    '',
    `${group.year}年度，全市卫生健康系统广大干部职工攻坚克难、担当作为。为表彰先进，决定授予${people[group.members[0]!]!.name}等${group.members.length}名同志“先进个人”称号。`,
    '',
  ].join('\n');
}

function rollFile(group: Group, people: readonly Person[], honour: string): string {
  const lines = [
    '---',
    `title: ${honour}名单`,
    `decision: ${group.decision}`,
    `issuer: ${group.issuer}`,
    `year: ${group.year}`,
    `date: ${group.year + 1}-03-01`,
    'categories:',
    '  - name: 先进个人',
    `    declaredCount: ${group.members.length}`,
    '    awardees:',
  ];
  for (const i of group.members) {
    const person = people[i]!;
    lines.push(`      - name: ${person.name}`, `        unit: ${person.unit}`, `        post: ${person.post}`);
  }
  lines.push('---', '', `${honour}名单（共${group.members.length}名）。`, '');
  return lines.join('\n');
}

/**
 * Table tests of the shapes news and decisions print honours in: who a write-up is about, rolls
 * written as prose, and counts of honours in sentences. Names and bodies are fictional.
 */
import { describe, expect, test } from 'vitest';
import { extractDocument } from '../../../src/pipeline/extract/extract.ts';
import { readProseRoll } from '../../../src/pipeline/extract/roll-prose.ts';
import { readCategoryHeading, splitGlued } from '../../../src/pipeline/extract/roll.ts';

const extract = (text: string) => extractDocument(text).result;

describe('the subject of a write-up or of news of an honour', () => {
  test.each([
    [
      '示例市疾病预防控制中心荣获“全国卫生健康系统先进集体”称号\n近日，记者从市卫生健康委获悉，该中心荣获此称号。这是对中心多年工作的肯定。',
      '示例市疾病预防控制中心',
      'unit',
    ],
    [
      '近日，三部门联合发布表彰决定，示例区田园社区卫生服务中心主任王芳被授予“全国卫生健康系统先进工作者”称号。\n王芳，这位扎根基层三十年的“健康守门人”，用行动诠释了担当。',
      '王芳',
      'person',
    ],
    [
      '我院主管护师赵丽荣获“十大优秀护士”提名奖\n为表彰和激励广大护理工作者，示例省卫生厅举行颁奖典礼，我院主管护师赵丽受到表彰。',
      '赵丽',
      'person',
    ],
    [
      '示例县举办“最美医生”刘明先进事迹报告会\n（记者 张三）11月20日，示例县举办报告会，强化榜样示范引领，激发广大党员干部干事创业热情。',
      '刘明',
      'person',
    ],
    ['李静，女，中共党员，示例县人民医院护士长。从事临床护理工作二十年，多次被评为先进工作者。', '李静', 'person'],
    [
      '自疫情发生以来，示例县疾病预防控制中心充分发挥主力军作用，战斗在疫情防控最前沿。4月28日，该中心被市总工会授予“五一劳动奖状”荣誉称号。',
      '示例县疾病预防控制中心',
      'unit',
    ],
  ])('%s → %s', (text, name, type) => {
    const result = extract(text);
    expect(result.subject).toEqual({ name, type });
    expect(result.awardees.map((a) => a.name)).toContain(name);
  });

  test('a unit and post without a name is not a subject: the name comes from the profile', () => {
    const result = extract(
      '好闺女贴心人——记xx省xx总医院护士长的先进事迹\nxxx，19xx年参加工作，现任xx省xx总医院内二科护士长，多年来一直工作在临床第一线。',
    );
    expect(result.subject?.name).toBe('xxx');
  });

  test('a word that opens many sentences is not a name unless what follows it varies', () => {
    const text =
      '卫生福利部表示，今年成绩良好。卫生福利部指出，工作仍需加强。卫生福利部强调，要持续推进。卫生福利部希望，大家共同努力。';
    expect(extract(text).subject).toBeNull();
  });
});

describe('rolls written as prose', () => {
  test.each([
    [
      '授予示例市第一医院等120个单位“全国卫生系统先进集体”称号，授予张明等300名同志“全国卫生系统先进工作者”称号。',
      ['示例市第一医院', '张明'],
    ],
    ['王芳、李静、赵红和刘洋等10名同志光荣入选。', ['王芳', '李静', '赵红', '刘洋']],
    [
      '最终产生10名“最美健康卫士”，他们是：示例市人民医院儿科副主任、主任医师李明，示例市疾病预防控制中心所长赵红。',
      ['李明', '赵红'],
    ],
    ['获先进工作者表彰的有：张永海 示例市中心医院院长、主任医师，陈永松 示例大学附属医院院长。', ['张永海', '陈永松']],
    ['示例县优良护理人员：孙丽、周敏、吴芳、郑洁。', ['孙丽', '周敏', '吴芳', '郑洁']],
    [
      '示例佑安医院、示例老年医院获全国五一劳动奖状，示例医院二病区主任李兴华、护士长贾平获全国五一劳动奖章。',
      ['示例佑安医院', '示例老年医院', '李兴华', '贾平'],
    ],
  ])('%s', (text, names) => {
    expect(readProseRoll(text).map((a) => a.name)).toEqual(names);
  });

  test.each([
    '请各单位于3月10日前报送推荐材料，联系人：王芳，电话：0000-0000000。',
    '全市卫生健康系统广大干部职工攻坚克难，涌现出一批先进集体和先进个人。',
    '高度重视，全力以赴，安全第一。',
  ])('no one is read from %s', (text) => {
    expect(readProseRoll(text)).toEqual([]);
  });

  test('the unit of a person is kept when the post says where it ends', () => {
    const [awardee] = readProseRoll('授予示例市人民医院护士长李静等5名同志“优秀护士”称号。');
    expect(awardee).toMatchObject({ name: '李静', unit: '示例市人民医院' });
  });
});

describe('counts of honours in prose', () => {
  test.each([
    ['授予张明等300名同志“全国卫生系统先进工作者”称号。', '全国卫生系统先进工作者', 300],
    ['经过评审，最终产生10名“示例最美健康卫士”。', '示例最美健康卫士', 10],
    ['第4届公益奖榮獲「醫療貢獻獎」共計10人，分别为……', '医疗贡献奖', 10],
    ['市长为今年45位护理杰出奖得主颁奖。', '护理杰出奖', 45],
    ['二、先进个人\n2. 无私奉献奖5名\n①全年出勤率100%', '无私奉献奖', 5],
  ])('%s → %s %d', (text, category, count) => {
    const quotas = extract(text).quotas.map((q) => ({ ...q, category: q.category.replace(/[“”「」]/gu, '') }));
    expect(quotas).toContainEqual({ category, count });
  });

  test('十佳医生、十佳护士各10名 gives each its count', () => {
    const quotas = extract('1. 十佳医生、十佳护士各10名').quotas;
    expect(quotas).toEqual([
      { category: '十佳医生', count: 10 },
      { category: '十佳护士', count: 10 },
    ]);
  });

  test('counts of candidates and of staff are not quotas', () => {
    expect(extract('由9,465位护理人员中，收到117位被推荐者的材料。').quotas).toEqual([]);
  });
});

describe('shapes the held-out documents showed', () => {
  test('under an honour given to places, cities and districts are the awardees, provinces are not names', () => {
    const text = '拟命名国家卫生城市（区）名单\n\n北 京\n\n2\n\n朝阳区、海淀区\n\n吉 林\n\n1\n\n松原市\n';
    expect(extract(text).awardees.map((a) => a.name)).toEqual(['朝阳区', '海淀区', '松原市']);
  });

  test('two people with their units joined by 和 are two awardees; a unit name with 和 in it is one', () => {
    expect(
      readProseRoll(
        '示例省第一医院泌尿外科医生张伟、示例县妇幼保健院医师韦晓雪和示例市人民医院产科主任雷冬梅等九十二名医师获此殊荣。',
      ).map((a) => a.name),
    ).toEqual(['张伟', '韦晓雪', '雷冬梅']);
    expect(readProseRoll('示例区田和社区卫生服务中心主任王芳被授予“全国先进工作者”称号。').map((a) => a.name)).toEqual([
      '王芳',
    ]);
  });

  test('a quotation after the people ends them; a single unit that got an honour is an awardee', () => {
    expect(
      readProseRoll(
        '授予示例医院手术科主管护师孟桂兰、示例县人民医院妇产科护士长王霞梅“优质护理服务先进个人”称号。',
      ).map((a) => a.name),
    ).toEqual(['孟桂兰', '王霞梅']);
    expect(
      readProseRoll('甲乡卫生所获「医疗资源缺乏地区组」优等奖，乙镇卫生所获得「一般地区组」佳作奖。').map(
        (a) => a.name,
      ),
    ).toEqual(['甲乡卫生所', '乙镇卫生所']);
  });

  test('a clause that opens with the verb names no one: who follows confers', () => {
    expect(readProseRoll('该局先后荣获市委、市政府授予的“文明单位”称号。').map((a) => a.name)).not.toContain('市政府');
  });

  test('a repeated headline is read for its subject; a name before a title post is the subject', () => {
    const result = extract(
      '张明院长荣获第六届示例医师奖\n张明院长荣获第六届示例医师奖\n发布日期：2009-11-18\n第六届示例医师奖颁奖大会在北京隆重举行，共评选出92名获奖医师，三院张明院长榜上有名。',
    );
    expect(result.subject).toEqual({ name: '张明', type: 'person' });
    expect(result.quotas).toContainEqual({ category: '第六届示例医师奖', count: 92 });
  });

  test('a unit subject is named in full where the text names it so', () => {
    const result = extract(
      '示例市疾病预防控制中心等我省7个单位被联合授予“全国医药卫生系统先进集体”称号。这是我市疾病预防控制中心第二次获得该项荣誉。',
    );
    expect(result.subject?.name).toBe('示例市疾病预防控制中心');
  });

  test('a profile that opens with unit, post and name', () => {
    const result = extract(
      '示例省甲市城郊乡田西村卫生所所长郭大兴，1973年高中毕业后从医至今。1993年，示例部医政司、示例农村卫生协会、健康报社授予他“全国优秀乡村医生”称号。',
    );
    expect(result.subject).toEqual({ name: '郭大兴', type: 'person' });
    expect(result.issuer).toBe('示例部医政司、示例农村卫生协会、健康报社');
  });

  test('news naming two honoured in its headline is a roll', () => {
    const result = extract(
      '我院李华、董青两位护士长获“示例省百佳护士长”荣誉称号\n发布时间：2019-05-10 15:44\n会上对“示例省百佳护士长”进行了表彰，我院儿科护士长李华、肿瘤科护士长董青荣获此称号。',
    );
    expect(result.kind).toBe('roll');
    expect(result.subject).toBeNull();
  });
});

describe('roll lines with a name first', () => {
  test('a name, then the unit and posts with 、 inside; a place with its count is a heading, not a name', () => {
    const text =
      '示例省优秀医务工作者名单\n\n安康市（2名）\n王 峰 安康市中医医院医务科科长、主任医师\n杨志明 安康市岚皋县人民医院院长、副主任医师\n';
    const awardees = extract(text).awardees;
    expect(awardees.map((a) => a.name)).toEqual(['王峰', '杨志明']);
    expect(awardees[0]!.unit).toBe('安康市中医医院');
  });
});

describe('counts the second held-out set showed', () => {
  test('拟确定10名“…” is a quota; a cap per unit given as a range counts its upper bound', () => {
    const quotas = extract(
      '各县（区）和示例经开区、市直属医疗卫生机构各推荐1-3名候选人，最终拟确定10名“最美健康卫士”并公示。',
    ).quotas;
    expect(quotas).toContainEqual({ category: '最美健康卫士', count: 10 });
    expect(quotas).toContainEqual({ category: '候选人（各县（区）和示例经开区、市直属医疗卫生机构）', count: 3 });
  });
});

describe('rolls the second held-out set showed', () => {
  test('揭晓了甲等20人, 榜上有名, units 等10个, and people after the honour that modifies them', () => {
    expect(
      readProseRoll(
        '活动揭晓了于学海等20人为示例市“最美医者”，示例市疾病预防控制中心职工游先明榜上有名；示例市延安医院感染性疾病科等10个科室为“最美医者”科室。',
      ).map((a) => a.name),
    ).toEqual(['于学海', '示例市延安医院感染性疾病科', '游先明']);
    expect(
      readProseRoll('会上对荣获“示例护理学会杰出护理工作者”的示例医学院二附院李敏芳进行表彰。').map((a) => a.name),
    ).toEqual(['李敏芳']);
  });
});

describe('a department cell is never split into a name and a unit', () => {
  test.each([
    ['成人急诊科', null],
    ['儿童肾内科', null],
    ['李静示例市第一人民医院', { name: '李静', unit: '示例市第一人民医院' }],
    ['示例市第一人民医院李静', { name: '李静', unit: '示例市第一人民医院' }],
  ])('splitGlued(%s)', (text, expected) => {
    expect(splitGlued(text)).toEqual(expected);
  });

  test('a roll printed one cell a line invents no awardee from a department (成人急诊科 → 成人)', () => {
    const text = [
      '本院多人获评。',
      '“医德模范”称号获得者:',
      '|',
      '何时军 |',
      '儿童急诊科 |',
      '|',
      '张秀霞 |',
      '成人急诊科 |',
      '|',
      '杨青 |',
      '儿童肾内科 |',
    ].join('\n');
    const names = extractDocument(text).result.awardees.map((a) => a.name);
    expect(names).not.toContain('成人');
    expect(names).toEqual(expect.arrayContaining(['何时军', '张秀霞', '杨青']));
  });
});

describe('a quoted honour with 获得者 heads its category, whatever its words', () => {
  test.each([
    ['“瓯越名医”称号获得者:', '瓯越名医'],
    ['“医德模范”称号获得者：', '医德模范'],
    ['“最美护士”获奖者', '最美护士'],
  ])('%s', (line, name) => {
    expect(readCategoryHeading(line)).toMatchObject({ name, subjectType: 'person' });
  });

  test('each group of a roll printed one cell a line gets its own category, each name its department', () => {
    const text = [
      '本院多人获评。',
      '“瓯越名医”称号获得者:',
      '|',
      '连庆泉 |',
      '麻醉科 |',
      '“医德模范”称号获得者:',
      '|',
      '何时军 |',
      '儿童急诊科 |',
    ].join('\n');
    const awardees = extractDocument(text).result.awardees;
    expect(awardees.map((a) => [a.name, a.unit, a.category])).toEqual([
      ['连庆泉', '麻醉科', '瓯越名医'],
      ['何时军', '儿童急诊科', '医德模范'],
    ]);
  });
});

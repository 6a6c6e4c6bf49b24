/**
 * The rules that read more than one entry: references between entries, units against the registry,
 * duplicates, a deed's year against its roll's, a deed attached to nothing. Their checks run over the
 * whole project in `../cross-document.ts`; their definitions are here, with the other rules'.
 */
import { defineRule } from '../define-rule.ts';

const ROLL = {
  title: '2022年度先进个人名单',
  issuer: '示例市卫生健康委员会',
  year: 2022,
  date: '2023-02-01',
  categories: [{ name: '先进个人', awardees: [{ name: '李静', unit: '示例市第一人民医院' }] }],
};

export const referencesRule = defineRule({
  id: 'references',
  description: '引用的公告、名单存在；名单中有事迹的人能链接到事迹',
  fix: '改正编号或姓名',
  severity: 'default',
  examples: [
    { frontmatter: { roll: '2022/no-such-roll' }, message: '2022/no-such-roll', severity: 'error' },
    { frontmatter: { roll: '2022/roll' }, others: { 'rolls/2022/roll.mdx': ROLL } },
  ],
});

export const unknownUnitRule = defineRule({
  id: 'unknown-unit',
  description: '单位在 content/units.yaml 中登记（会提示最接近的名称）',
  fix: '改用名录名称，或在 `units.yaml` 增加单位',
  severity: 'default',
  examples: [
    {
      frontmatter: { unit: '示例市第一人民医' },
      units: [{ id: 'shili-yiyuan', name: '示例市第一人民医院' }],
      message: '示例市第一人民医院',
      severity: 'warning',
    },
    { frontmatter: { unit: '示例市第一人民医院' }, units: [{ id: 'shili-yiyuan', name: '示例市第一人民医院' }] },
  ],
});

export const duplicatesRule = defineRule({
  id: 'duplicates',
  description: '同一名单中同一人不重复；同一人同一年不重复写事迹',
  fix: '删去重复的一条，或改正姓名',
  severity: 'default',
  examples: [
    {
      collection: 'rolls',
      frontmatter: {
        categories: [
          {
            name: '先进个人',
            awardees: [
              { name: '王芳', unit: '示例市疾病预防控制中心' },
              { name: '王芳', unit: '示例市疾病预防控制中心' },
            ],
          },
        ],
      },
      message: '王芳',
    },
  ],
});

export const yearMismatchRule = defineRule({
  id: 'year-mismatch',
  description: '事迹的年度（year）与其表彰名单的年度一致',
  fix: '改正 `year` 或 `roll`',
  severity: 'default',
  examples: [
    {
      frontmatter: { year: 2021, roll: '2022/roll' },
      others: { 'rolls/2022/roll.mdx': ROLL },
      message: '2022',
      severity: 'error',
    },
  ],
});

export const unattachedDeedRule = defineRule({
  id: 'unattached-deed',
  description: '事迹至少有荣誉（honours）、表彰名单（roll）或评选通知（announcement）之一',
  fix: '至少填写其中一项',
  severity: 'default',
  examples: [{ message: 'honours', severity: 'warning' }, { frontmatter: { honours: ['2022年度示例市先进个人'] } }],
});

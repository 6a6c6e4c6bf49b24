import { describe, expect, test } from 'vitest';
import { announcementStatuses, type StatusInput } from '../../src/site/status.ts';

const notice: StatusInput = { id: '2023/notice', data: { kind: 'notice', date: '2023-01-04', deadline: '2023-02-10' } };
const publicity: StatusInput = {
  id: '2023/publicity',
  data: {
    kind: 'publicity',
    date: '2023-03-01',
    notice: '2023/notice',
    publicityPeriod: { start: '2023-03-01', end: '2023-03-07', contact: '市卫健委人事科' },
  },
};
const decision: StatusInput = {
  id: '2023/decision',
  data: { kind: 'decision', date: '2023-04-01', notice: '2023/notice' },
};

describe('announcementStatuses', () => {
  test.each([
    ['2023-01-10', [notice], { kind: 'open', label: '征集中', daysLeft: 31 }],
    ['2023-02-10', [notice], { kind: 'open', daysLeft: 0 }],
    ['2023-02-11', [notice], { kind: 'reviewing', label: '评审中' }],
    [
      '2023-03-05',
      [notice, publicity],
      { kind: 'publicity', label: '公示中', end: '2023-03-07', contact: '市卫健委人事科' },
    ],
    ['2023-03-08', [notice, publicity], { kind: 'reviewing' }],
    ['2023-04-02', [notice, publicity, decision], { kind: 'honoured', label: '已表彰', decisionId: '2023/decision' }],
  ])('on %s the notice is as expected', (today, entries, expected) => {
    expect(announcementStatuses(entries as StatusInput[], today).get('2023/notice')).toMatchObject(expected);
  });

  test('a 公示 is 即将公示, 公示中, then 公示结束, then 已表彰 once a decision exists', () => {
    const at = (today: string, entries: StatusInput[]) =>
      announcementStatuses(entries, today).get('2023/publicity')?.label;
    expect(at('2023-02-20', [notice, publicity])).toBe('即将公示');
    expect(at('2023-03-01', [notice, publicity])).toBe('公示中');
    expect(at('2023-03-08', [notice, publicity])).toBe('公示结束');
    expect(at('2023-04-02', [notice, publicity, decision])).toBe('已表彰');
  });

  test('a decision dated after the build date does not count yet', () => {
    expect(announcementStatuses([notice, decision], '2023-03-31').get('2023/notice')?.label).toBe('评审中');
    expect(announcementStatuses([notice, decision], '2023-04-01').get('2023/notice')?.label).toBe('已表彰');
  });

  test('a notice without a deadline and without followers has no status', () => {
    const bare: StatusInput = { id: 'x', data: { kind: 'notice', date: '2023-01-01' } };
    expect(announcementStatuses([bare], '2023-01-02').get('x')).toBeUndefined();
  });
});

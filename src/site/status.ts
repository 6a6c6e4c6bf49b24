/**
 * The status of an announcement, computed at build time from the build date and the other
 * announcements that refer to it (`notice:`):
 *
 *   征集中  the deadline is today or later (with days left)
 *   公示中  a 公示 refers to it and today is inside its period (with end date and contact)
 *   已表彰  a decision dated on or before the build date refers to it (or it is one)
 *   评审中  the deadline has passed and there is neither a decision nor a current 公示
 *   公示结束 a 公示 whose period is over, before a decision
 */
import { daysBetween } from '../lib/dates.ts';

export interface StatusInput {
  id: string;
  data: {
    kind: 'notice' | 'decision' | 'publicity';
    date: string;
    deadline?: string | undefined;
    notice?: string | undefined;
    publicityPeriod?: { start: string; end: string; contact?: string | undefined } | undefined;
  };
}

export type AnnouncementStatus =
  | { kind: 'open'; label: '征集中'; deadline: string; daysLeft: number }
  | { kind: 'publicity'; label: '公示中'; end: string; contact?: string | undefined; publicityId: string }
  | { kind: 'honoured'; label: '已表彰'; decisionId: string }
  | { kind: 'reviewing'; label: '评审中' }
  | { kind: 'publicity-ended'; label: '公示结束' }
  | { kind: 'pending'; label: '即将公示'; start: string };

/** Statuses of all announcements at once: one pass to group, one to decide. */
export function announcementStatuses(
  entries: readonly StatusInput[],
  today: string,
): Map<string, AnnouncementStatus | undefined> {
  const decisionsFor = new Map<string, string>();
  const publicitiesFor = new Map<string, StatusInput[]>();
  for (const entry of entries) {
    const notice = entry.data.notice;
    if (!notice) continue;
    // A decision dated after the build date does not exist yet (a build "as of" an earlier day).
    if (entry.data.kind === 'decision' && entry.data.date <= today && !decisionsFor.has(notice))
      decisionsFor.set(notice, entry.id);
    if (entry.data.kind === 'publicity') publicitiesFor.set(notice, [...(publicitiesFor.get(notice) ?? []), entry]);
  }
  const statuses = new Map<string, AnnouncementStatus | undefined>();
  for (const entry of entries) {
    statuses.set(entry.id, statusOf(entry, today, decisionsFor, publicitiesFor));
  }
  return statuses;
}

function statusOf(
  entry: StatusInput,
  today: string,
  decisionsFor: Map<string, string>,
  publicitiesFor: Map<string, StatusInput[]>,
): AnnouncementStatus | undefined {
  const { data } = entry;
  if (data.kind === 'decision') return { kind: 'honoured', label: '已表彰', decisionId: entry.id };
  if (data.kind === 'publicity') {
    const period = data.publicityPeriod;
    if (period && period.start <= today && today <= period.end) {
      return { kind: 'publicity', label: '公示中', end: period.end, contact: period.contact, publicityId: entry.id };
    }
    const decision = data.notice ? decisionsFor.get(data.notice) : undefined;
    if (decision) return { kind: 'honoured', label: '已表彰', decisionId: decision };
    if (period && today < period.start) return { kind: 'pending', label: '即将公示', start: period.start };
    return { kind: 'publicity-ended', label: '公示结束' };
  }
  const decision = decisionsFor.get(entry.id);
  if (decision) return { kind: 'honoured', label: '已表彰', decisionId: decision };
  for (const publicity of publicitiesFor.get(entry.id) ?? []) {
    const period = publicity.data.publicityPeriod;
    if (period && period.start <= today && today <= period.end) {
      return {
        kind: 'publicity',
        label: '公示中',
        end: period.end,
        contact: period.contact,
        publicityId: publicity.id,
      };
    }
  }
  if (data.deadline && data.deadline >= today) {
    return { kind: 'open', label: '征集中', deadline: data.deadline, daysLeft: daysBetween(today, data.deadline) };
  }
  if (data.deadline) return { kind: 'reviewing', label: '评审中' };
  return undefined;
}

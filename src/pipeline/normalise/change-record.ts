/**
 * The normaliser's change record: every edit it makes, with its place in the input, so that the input can
 * be restored character for character and a place in the output traced back to the editor's line.
 *
 * Stages edit the text one after another; each stage's edits are in the coordinates of the text it was
 * given. `composeEdits` folds them into one list in input coordinates (edits that overlap an earlier
 * edit's output are merged with it), and `toChanges` turns that list into the public `Change` records.
 *
 *   restore('卫生', [{ rule: 'script', start: {offset: 0…}, end: {offset: 1…}, before: '衛', after: '卫' }])  →  '衛生'
 */
import type { Change, Point } from '../types.ts';

/** An edit in the coordinates of the text it applies to: replace `start..end` with `after`. */
export interface Edit {
  rule: string;
  start: number;
  end: number;
  after: string;
}

/** Apply sorted, non-overlapping edits to `text`. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const edit of edits) {
    parts.push(text.slice(last, edit.start), edit.after);
    last = edit.end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/**
 * Fold `next` (edits on `middle`, the output of `prior`) into `prior` (edits on the input). Both lists are
 * sorted and non-overlapping; so is the result. The edits of `next` are handed over: they may be moved
 * into input coordinates in place. An edit of `next` that touches text an edit of `prior`
 * produced is merged with it into one edit whose rules are joined with `+`.
 */
export function composeEdits(prior: readonly Edit[], nextEdits: readonly Edit[], middle: string): Edit[] {
  if (nextEdits.length === 0) return prior as Edit[];
  if (prior.length === 0) return nextEdits as Edit[];
  const next = splitAtPriorEdges(prior, nextEdits, middle);
  const result: Edit[] = [];
  let i = 0;
  let j = 0;
  // Output offset minus input offset after the prior edits consumed so far.
  let delta = 0;
  while (j < next.length) {
    const d = next[j++]!;
    // Prior edits whose output ends at or before d pass through unchanged.
    while (i < prior.length) {
      const c = prior[i]!;
      if (c.start + delta + c.after.length > d.start) break;
      result.push(c);
      delta += c.after.length - (c.end - c.start);
      i++;
    }
    let lo = d.start;
    let hi = d.end;
    let inputStart = lo - delta;
    const members: Edit[] = [d];
    let rules = d.rule;
    let merged = false;
    for (let grew = true; grew;) {
      grew = false;
      // A prior edit joins when its output reaches into the cluster (an empty output strictly inside it).
      while (i < prior.length && prior[i]!.start + delta < hi) {
        const c = prior[i]!;
        const outStart = c.start + delta;
        if (outStart < lo) {
          lo = outStart;
          inputStart = c.start;
        }
        hi = Math.max(hi, outStart + c.after.length);
        if (!rules.split('+').includes(c.rule)) rules = `${c.rule}+${rules}`;
        delta += c.after.length - (c.end - c.start);
        merged = true;
        i++;
        grew = true;
      }
      while (j < next.length && next[j]!.start < hi) {
        const e = next[j++]!;
        hi = Math.max(hi, e.end);
        members.push(e);
        if (!rules.split('+').includes(e.rule)) rules = `${rules}+${e.rule}`;
        grew = true;
      }
    }
    if (!merged && members.length === 1) {
      // The common case: an edit on text no earlier edit touched. Stages hand over their edits, so it
      // is moved into input coordinates in place rather than copied.
      d.start = inputStart;
      d.end = hi - delta;
      result.push(d);
      continue;
    }
    const after = applyRange(middle, lo, hi, members);
    // A deletion of text earlier stages had changed is just a deletion: name only the deleting rules.
    const rule = after === '' ? [...new Set(members.map((m) => m.rule))].join('+') : rules;
    result.push({ rule, start: inputStart, end: hi - delta, after });
  }
  while (i < prior.length) result.push(prior[i++]!);
  return result;
}

/**
 * A like-for-like edit (as long after as before, 衛生廳 → 卫生厅) can be cut anywhere. Cut those that
 * straddle the edge of an earlier edit's output, so that only the part on that output merges with it and
 * the record keeps rules apart (衛(wèi)健 → 卫健 is a pinyin deletion and a script change, not one edit).
 * Parts that change nothing are dropped.
 */
function splitAtPriorEdges(prior: readonly Edit[], next: readonly Edit[], middle: string): readonly Edit[] {
  let result: Edit[] | undefined;
  let i = 0;
  let delta = 0;
  for (let j = 0; j < next.length; j++) {
    const d = next[j]!;
    while (i < prior.length && prior[i]!.start + delta + prior[i]!.after.length <= d.start) {
      delta += prior[i]!.after.length - (prior[i]!.end - prior[i]!.start);
      i++;
    }
    let cuts: number[] | undefined;
    if (d.end - d.start === d.after.length && d.end - d.start > 1) {
      let k = i;
      let kDelta = delta;
      while (k < prior.length) {
        const outStart = prior[k]!.start + kDelta;
        if (outStart >= d.end) break;
        const outEnd = outStart + prior[k]!.after.length;
        if (outStart > d.start) (cuts ??= []).push(outStart);
        if (outEnd > d.start && outEnd < d.end && outEnd !== outStart) (cuts ??= []).push(outEnd);
        kDelta += prior[k]!.after.length - (prior[k]!.end - prior[k]!.start);
        k++;
      }
    }
    if (!cuts) {
      result?.push(d);
      continue;
    }
    result ??= next.slice(0, j);
    let from = d.start;
    for (const cut of [...cuts, d.end]) {
      if (cut <= from) continue;
      // Trim the unchanged ends of the part (never between a surrogate pair).
      let a = from;
      let b = cut;
      while (a < b && middle.charCodeAt(a) === d.after.charCodeAt(a - d.start)) a++;
      while (b > a && middle.charCodeAt(b - 1) === d.after.charCodeAt(b - 1 - d.start)) b--;
      if (a > from && isLowSurrogate(middle.charCodeAt(a))) a--;
      if (b < cut && isLowSurrogate(middle.charCodeAt(b))) b++;
      if (a < b) result.push({ rule: d.rule, start: a, end: b, after: d.after.slice(a - d.start, b - d.start) });
      from = cut;
    }
  }
  return result ?? next;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The text of `middle[lo..hi)` with `edits` (all inside that range) applied. */
function applyRange(middle: string, lo: number, hi: number, edits: readonly Edit[]): string {
  let out = '';
  let last = lo;
  for (const edit of edits) {
    out += middle.slice(last, edit.start) + edit.after;
    last = edit.end;
  }
  return out + middle.slice(last, hi);
}

/** Offsets of the start of each line of `text`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let index = text.indexOf('\n');
  while (index !== -1) {
    starts.push(index + 1);
    index = text.indexOf('\n', index + 1);
  }
  return starts;
}

/** The point (1-based line and column, 0-based offset) of `offset` in a text with these line starts. */
export function pointAt(starts: readonly number[], offset: number): Point {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1, offset };
}

/** Turn composed edits on `input` into public change records; edits that changed nothing are dropped. */
export function toChanges(input: string, edits: readonly Edit[]): Change[] {
  const starts = lineStarts(input);
  const changes: Change[] = [];
  let line = 0; // index into starts, advanced monotonically because edits are sorted
  const point = (offset: number): Point => {
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - starts[line]! + 1, offset };
  };
  for (const edit of edits) {
    const before = input.slice(edit.start, edit.end);
    if (before === edit.after) continue;
    const start = point(edit.start);
    const end = point(edit.end);
    changes.push({ rule: edit.rule, start, end, before, after: edit.after });
  }
  return changes;
}

/**
 * Undo the changes on `output`, giving back the input character for character.
 * `changes` must be the record of that output, in input order, as the normaliser returns it.
 */
export function restore(output: string, changes: readonly Change[]): string {
  const parts: string[] = [];
  let outPos = 0;
  let inPos = 0;
  for (const change of changes) {
    const gap = change.start.offset - inPos;
    parts.push(output.slice(outPos, outPos + gap), change.before);
    outPos += gap + change.after.length;
    inPos = change.end.offset;
  }
  parts.push(output.slice(outPos));
  return parts.join('');
}

/** A place in the output: 1-based line and column, with the offset when known. */
export interface OutputPoint {
  line: number;
  column: number;
  offset?: number;
}

interface SourceMapEntry {
  /** Where the change's output starts and ends, in the output. */
  outStart: Point;
  outEnd: Point;
  change: Change;
}

const maps = new WeakMap<readonly Change[], SourceMapEntry[]>();

function sourceMap(changes: readonly Change[]): SourceMapEntry[] {
  let entries = maps.get(changes);
  if (entries) return entries;
  entries = [];
  let dOffset = 0;
  let dLine = 0;
  let dColumn = 0;
  let columnLine = -1; // the input line on which dColumn applies (where the last change ended)
  for (const change of changes) {
    const { start, end } = change;
    const outStart: Point = {
      line: start.line + dLine,
      column: start.line === columnLine ? start.column + dColumn : start.column,
      offset: start.offset + dOffset,
    };
    const outEnd = advance(outStart, change.after);
    entries.push({ outStart, outEnd, change });
    dOffset = outEnd.offset - end.offset;
    dLine = outEnd.line - end.line;
    dColumn = outEnd.column - end.column;
    columnLine = end.line;
  }
  maps.set(changes, entries);
  return entries;
}

function advance(point: Point, text: string): Point {
  const lastBreak = text.lastIndexOf('\n');
  if (lastBreak === -1) {
    return { line: point.line, column: point.column + text.length, offset: point.offset + text.length };
  }
  let breaks = 0;
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) breaks++;
  return { line: point.line + breaks, column: text.length - lastBreak, offset: point.offset + text.length };
}

function isAfterOrAt(place: number | OutputPoint, point: Point): boolean {
  if (typeof place === 'number') return place >= point.offset;
  return place.line !== point.line ? place.line > point.line : place.column >= point.column;
}

/**
 * Map a place in the normalised output back to the input, so that a diagnostic about normalised text
 * points at the line the editor wrote. An offset maps to an input offset; a point (line, column and
 * optional offset) maps to an input point. A place inside text that a change produced maps into that
 * change's input: character by character where the change replaced like with like (衛 → 卫), else to
 * its start.
 */
export function mapToSource(changes: readonly Change[], place: number): number;
export function mapToSource(changes: readonly Change[], place: OutputPoint): Point;
export function mapToSource(changes: readonly Change[], place: number | OutputPoint): number | Point {
  const entries = sourceMap(changes);
  // The last change whose output starts at or before the place.
  let low = 0;
  let high = entries.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (isAfterOrAt(place, entries[mid]!.outStart)) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (found === -1) {
    if (typeof place === 'number') return place;
    return { line: place.line, column: place.column, offset: place.offset ?? -1 };
  }
  const { change, outStart, outEnd } = entries[found]!;
  if (!isAfterOrAt(place, outEnd)) {
    const likeForLike =
      change.before.length === change.after.length && !change.before.includes('\n') && !change.after.includes('\n');
    if (typeof place === 'number') return change.start.offset + (likeForLike ? place - outStart.offset : 0);
    const into = likeForLike && place.line === outStart.line ? place.column - outStart.column : 0;
    return { line: change.start.line, column: change.start.column + into, offset: change.start.offset + into };
  }
  // In unchanged text after the change: shift by the change's difference.
  if (typeof place === 'number') return place - outEnd.offset + change.end.offset;
  return {
    line: place.line - outEnd.line + change.end.line,
    column: place.line === outEnd.line ? place.column - outEnd.column + change.end.column : place.column,
    offset: place.offset === undefined ? -1 : place.offset - outEnd.offset + change.end.offset,
  };
}

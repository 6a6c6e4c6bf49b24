import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  applyEdits,
  composeEdits,
  mapToSource,
  restore,
  toChanges,
  type Edit,
} from '../../../src/pipeline/normalise/change-record.ts';

/** Random sorted, non-overlapping edits on a text of `length` characters. */
function editsOn(length: number): fc.Arbitrary<Edit[]> {
  return fc
    .array(
      fc.record({
        start: fc.nat({ max: length }),
        span: fc.nat({ max: 3 }),
        after: fc.string({ unit: fc.constantFrom('a', 'b', '卫', '\n', '，', ''), maxLength: 3 }),
        rule: fc.constantFrom('x', 'y', 'z'),
      }),
      { maxLength: 8 },
    )
    .map((raw) => {
      const sorted = raw
        .map((r) => ({ rule: r.rule, start: r.start, end: Math.min(length, r.start + r.span), after: r.after }))
        .sort((a, b) => a.start - b.start || a.end - b.end);
      const edits: Edit[] = [];
      let last = -1;
      for (const edit of sorted) {
        // Non-overlapping; at most one insertion at any one place.
        if (edit.start < last || (edit.start === last && edit.start === edit.end)) continue;
        if (edit.start === edit.end && edit.after === '') continue;
        edits.push(edit);
        last = edit.end;
      }
      return edits;
    });
}

const text = fc.string({ unit: fc.constantFrom('衛', '生', 'a', ' ', '\n', ',', '1'), maxLength: 30 });

/** An input and two or three stages of edits, each on the previous stage's output. */
const layered = text.chain((input) =>
  editsOn(input.length).chain((first) => {
    const middle = applyEdits(input, first);
    return editsOn(middle.length).chain((second) => {
      const end = applyEdits(middle, second);
      return editsOn(end.length).map((third) => ({ input, stages: [first, second, third] }));
    });
  }),
);

describe('composeEdits', () => {
  test('composed edits turn the input into the last stage output', () => {
    fc.assert(
      fc.property(layered, ({ input, stages }) => {
        let current = input;
        let composed: Edit[] = [];
        for (const stage of stages) {
          // composeEdits takes the stage's edits over (it may move them in place): apply them first.
          const next = applyEdits(current, stage);
          composed = composeEdits(composed, stage, current);
          current = next;
        }
        expect(applyEdits(input, composed)).toBe(current);
        for (let k = 1; k < composed.length; k++)
          expect(composed[k]!.start).toBeGreaterThanOrEqual(composed[k - 1]!.end);
      }),
      { numRuns: 2000 },
    );
  });

  test('restore undoes the record, character for character', () => {
    fc.assert(
      fc.property(layered, ({ input, stages }) => {
        let current = input;
        let composed: Edit[] = [];
        for (const stage of stages) {
          // composeEdits takes the stage's edits over (it may move them in place): apply them first.
          const next = applyEdits(current, stage);
          composed = composeEdits(composed, stage, current);
          current = next;
        }
        expect(restore(current, toChanges(input, composed))).toBe(input);
      }),
      { numRuns: 2000 },
    );
  });

  test('a like-for-like edit across an earlier deletion is recorded in two parts', () => {
    const input = '衛(wèi)生';
    const first: Edit[] = [{ rule: 'pinyin-residue', start: 1, end: 6, after: '' }];
    const middle = applyEdits(input, first); // 衛生
    const composed = composeEdits(first, [{ rule: 'script', start: 0, end: 2, after: '卫生' }], middle);
    expect(toChanges(input, composed).map((c) => [c.rule, c.before, c.after])).toEqual([
      ['script', '衛', '卫'],
      ['pinyin-residue', '(wèi)', ''],
    ]);
  });
});

describe('toChanges', () => {
  test('records positions in the input, 1-based lines and columns', () => {
    const input = 'ab\n衛生';
    const changes = toChanges(input, [{ rule: 'script', start: 3, end: 4, after: '卫' }]);
    expect(changes).toEqual([
      {
        rule: 'script',
        start: { line: 2, column: 1, offset: 3 },
        end: { line: 2, column: 2, offset: 4 },
        before: '衛',
        after: '卫',
      },
    ]);
  });

  test('drops edits that change nothing', () => {
    expect(toChanges('abc', [{ rule: 'x', start: 1, end: 2, after: 'b' }])).toEqual([]);
  });
});

describe('mapToSource', () => {
  test('maps unchanged output back to the same character of the input', () => {
    fc.assert(
      fc.property(
        text.chain((input) => editsOn(input.length).map((edits) => ({ input, edits }))),
        ({ input, edits }) => {
          const output = applyEdits(input, edits);
          const changes = toChanges(input, edits);
          // Offsets outside any change's output map to the same character.
          let delta = 0;
          let k = 0;
          for (let o = 0; o < output.length; o++) {
            while (
              k < edits.length &&
              edits[k]!.start + delta + edits[k]!.after.length <= o &&
              edits[k]!.start + delta <= o
            ) {
              if (edits[k]!.start + delta + edits[k]!.after.length > o) break;
              delta += edits[k]!.after.length - (edits[k]!.end - edits[k]!.start);
              k++;
            }
            const inside = k < edits.length && edits[k]!.start + delta <= o;
            if (inside) continue;
            expect(input[mapToSource(changes, o)]).toBe(output[o]);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('maps points through changes that add or remove lines', () => {
    const input = '第一行\n\n删除\n\n第二行,好';
    const edits: Edit[] = [
      { rule: 'noise', start: 5, end: 9, after: '' },
      { rule: 'punctuation', start: 12, end: 13, after: '，' },
    ];
    const output = applyEdits(input, edits); // 第一行\n\n第二行，好
    const changes = toChanges(input, edits);
    expect(output.split('\n')[2]).toBe('第二行，好');
    expect(mapToSource(changes, { line: 3, column: 2 })).toEqual({ line: 5, column: 2, offset: -1 });
    expect(mapToSource(changes, { line: 3, column: 4, offset: 8 })).toEqual({ line: 5, column: 4, offset: 12 });
    expect(mapToSource(changes, { line: 3, column: 5, offset: 9 })).toEqual({ line: 5, column: 5, offset: 13 });
    expect(mapToSource(changes, { line: 1, column: 2, offset: 1 })).toEqual({ line: 1, column: 2, offset: 1 });
    expect(mapToSource(changes, 5)).toBe(9);
    expect(mapToSource(changes, 8)).toBe(12);
    expect(mapToSource(changes, 9)).toBe(13);
  });

  test('a place inside a like-for-like change maps character by character', () => {
    const changes = toChanges('市衛生廳', [{ rule: 'script', start: 1, end: 4, after: '卫生厅' }]);
    expect(mapToSource(changes, 3)).toBe(3);
    expect(mapToSource(changes, { line: 1, column: 4, offset: 3 })).toEqual({ line: 1, column: 4, offset: 3 });
  });
});

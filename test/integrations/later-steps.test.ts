/**
 * The build's later steps, run in Astro's process or written down and run after it exits
 * (src/integrations/later-steps.ts): the same functions, with the same arguments, in the same order.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  finishLater,
  forgetLaterSteps,
  laterStepsFile,
  runLaterSteps,
  runOrDefer,
  writeLaterSteps,
} from '../../src/integrations/later-steps.ts';

const quiet = { info: () => {}, warn: () => {} };

describe('finishLater', () => {
  test.each([
    [undefined, false],
    ['', false],
    ['later', true],
    [' Later ', true],
    ['now', false],
    ['1', false],
  ])('DEEDS_FINISH=%j → %s', (value, expected) => {
    expect(finishLater(value === undefined ? {} : { DEEDS_FINISH: value })).toBe(expected);
  });
});

describe('steps written down and run in another process', () => {
  let dir: string;
  let finalDir: string;
  let module: string;
  let trace: string;
  const saved = process.env.DEEDS_FINISH;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'deeds-later-'));
    finalDir = join(dir, 'dist');
    trace = join(dir, 'trace.txt');
    // A step module as the integrations are: exported functions of (args, logger).
    module = join(dir, 'steps.mjs');
    writeFileSync(
      module,
      [
        `import { appendFileSync } from 'node:fs';`,
        `export function record(args, logger) { appendFileSync(args.trace, JSON.stringify(args.value) + '\\n'); logger.info('recorded ' + args.value.n); }`,
        `export async function fail() { throw new Error('步骤失败'); }`,
      ].join('\n'),
    );
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.DEEDS_FINISH;
    else process.env.DEEDS_FINISH = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  const step = (n: number, name = 'record') => ({
    label: `step-${n}`,
    module: pathToFileURL(module).href,
    name,
    args: { trace, value: { n, text: '繁體 “引号” \u200b' } },
  });
  /** Queue or run `s` through a function of its export's name, counting the runs in this process. */
  let ran = 0;
  const defer = (s: ReturnType<typeof step>) =>
    runOrDefer(
      s.label,
      s.module,
      Object.defineProperty(() => void ran++, 'name', { value: s.name }),
      s.args,
      quiet,
    );
  const lines = () => (existsSync(trace) ? readFileSync(trace, 'utf8').trim().split('\n') : []);

  test('without DEEDS_FINISH a step runs at once, and nothing is written down', async () => {
    delete process.env.DEEDS_FINISH;
    ran = 0;
    await defer(step(1));
    expect(ran).toBe(1);
    expect(existsSync(laterStepsFile(finalDir))).toBe(false);
  });

  test('with DEEDS_FINISH=later steps are queued, written beside the output and run in order, then forgotten', async () => {
    process.env.DEEDS_FINISH = 'later';
    ran = 0;
    for (const n of [1, 2, 3]) await defer(step(n));
    expect(ran).toBe(0);
    const file = writeLaterSteps(finalDir);
    expect(file).toBe(join(dir, '.dist.finish.json'));
    const said: string[] = [];
    const done = await runLaterSteps(finalDir, (label) => ({
      info: (m) => said.push(`${label}: ${m}`),
      warn: () => {},
    }));
    expect(done).toBe(true);
    // The arguments arrive as they were given (JSON), in the order the steps were queued.
    expect(lines().map((line) => JSON.parse(line))).toEqual([1, 2, 3].map((n) => step(n).args.value));
    expect(said).toEqual(['step-1: recorded 1', 'step-2: recorded 2', 'step-3: recorded 3']);
    expect(existsSync(file)).toBe(false);
    // The queue was emptied by writing it: a second build starts from nothing.
    writeLaterSteps(finalDir);
    await runLaterSteps(finalDir, () => quiet);
    expect(lines()).toHaveLength(3);
  });

  test('a step that is not a named function cannot be written down', async () => {
    process.env.DEEDS_FINISH = 'later';
    await expect(runOrDefer('anonymous', pathToFileURL(module).href, () => {}, {}, quiet)).rejects.toThrow(
      /named, exported function/,
    );
  });

  test('nothing written down: nothing to run', async () => {
    expect(await runLaterSteps(finalDir, () => quiet)).toBe(false);
  });

  test('a failing step stops the rest, and the steps stay written down', async () => {
    process.env.DEEDS_FINISH = 'later';
    for (const s of [step(1), step(2, 'fail'), step(3)]) await defer(s);
    writeLaterSteps(finalDir);
    await expect(runLaterSteps(finalDir, () => quiet)).rejects.toThrow('步骤失败');
    expect(lines()).toHaveLength(1);
    expect(existsSync(laterStepsFile(finalDir))).toBe(true);
    // The next build starts by forgetting them.
    forgetLaterSteps(finalDir);
    expect(existsSync(laterStepsFile(finalDir))).toBe(false);
  });

  test('a step whose function is not exported, or a file of another version, is refused by name', async () => {
    process.env.DEEDS_FINISH = 'later';
    await defer(step(1, 'missing'));
    writeLaterSteps(finalDir);
    await expect(runLaterSteps(finalDir, () => quiet)).rejects.toThrow(/没有导出构建步骤 missing/);
    writeFileSync(laterStepsFile(finalDir), JSON.stringify({ version: 0, steps: [] }));
    await expect(runLaterSteps(finalDir, () => quiet)).rejects.toThrow(/请重新运行 npm run build/);
    // Cut short or damaged (a full disk, a hand edit): the message names the file.
    writeFileSync(laterStepsFile(finalDir), '{"version":1,"steps":[');
    await expect(runLaterSteps(finalDir, () => quiet)).rejects.toThrow(
      new RegExp(
        `${laterStepsFile(finalDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} 无法读取.*请重新运行 npm run build`,
      ),
    );
  });
});

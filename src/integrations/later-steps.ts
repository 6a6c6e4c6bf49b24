/**
 * The build's steps after the pages are written — the 繁體 variant, the search index, the precompressed
 * twins and the swap into place — run in `astro build`'s own process by default, or, with
 * `DEEDS_FINISH=later` (what `npm run build` sets), in a process of their own once Astro has exited
 * (`scripts/finish-build.ts`).
 *
 * Why: Astro's process keeps what rendering took until it exits — 1.2–1.3 GB at 10,000 deeds, of which
 * V8's heap is only 0.2–0.4 GB, and neither a forced collection nor fewer malloc arenas gives any back —
 * so every worker thread and Pagefind's indexer started after rendering came on top of it
 * (docs/architecture.md → The build in two processes).
 *
 * A deferred step is its module, the name of an exported function and its arguments (JSON): the same
 * function runs in either process, so a step never has two versions.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What a step says while it runs: Astro's integration logger, or the finishing process's own. */
export interface StepLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface LaterStep {
  /** The integration's name, shown before what it logs. */
  label: string;
  /** The module's URL (`import.meta.url` of the integration). */
  module: string;
  /** The exported function: `(args, logger) => Promise<void> | void`. */
  name: string;
  args: unknown;
}

type StepFunction<A> = (args: A, logger: StepLogger) => Promise<void> | void;

const FILE_VERSION = 1;
const queue: LaterStep[] = [];

/** `DEEDS_FINISH=later`: the later steps are written down for `scripts/finish-build.ts` instead of run. */
export function finishLater(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.DEEDS_FINISH ?? '').trim().toLowerCase() === 'later';
}

/**
 * Run a step now, or queue it when the build finishes later. `run` must be exported by `module` (the
 * caller's `import.meta.url`) under its own name, which is how the later process finds it.
 */
export async function runOrDefer<A>(
  label: string,
  module: string,
  run: StepFunction<A>,
  args: A,
  logger: StepLogger,
): Promise<void> {
  if (!finishLater()) return run(args, logger);
  if (!run.name) throw new Error(`${label}: a later step must be a named, exported function`);
  queue.push({ label, module, name: run.name, args });
}

/** Beside the output folder: `dist` → `.dist.finish.json`. */
export function laterStepsFile(finalDir: string): string {
  return join(dirname(finalDir), `.${basename(finalDir)}.finish.json`);
}

/** The output folders whose steps are written down in `folder` and not yet run. */
export function pendingOutputs(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const outputs: string[] = [];
  for (const name of names.filter((name) => /^\..+\.finish\.json$/.test(name)).sort()) {
    try {
      const { finalDir } = JSON.parse(readFileSync(join(folder, name), 'utf8')) as { finalDir?: unknown };
      if (typeof finalDir === 'string') outputs.push(finalDir);
    } catch {
      // Being written by a build that runs now, or not ours.
    }
  }
  return outputs;
}

/** Write the queued steps for `finalDir` and empty the queue. */
export function writeLaterSteps(finalDir: string): string {
  const file = laterStepsFile(finalDir);
  writeFileSync(file, JSON.stringify({ version: FILE_VERSION, finalDir, steps: queue.splice(0) }));
  return file;
}

/** A build that starts removes what an earlier one left unfinished. */
export function forgetLaterSteps(finalDir: string): void {
  rmSync(laterStepsFile(finalDir), { force: true });
}

/**
 * Run the steps written for `finalDir`, in order; the file is removed when all have succeeded. `false`
 * when there is nothing to run (the build ran every step itself). A step that fails throws, and the
 * previous site stays in place.
 */
export async function runLaterSteps(finalDir: string, logger: (label: string) => StepLogger): Promise<boolean> {
  const file = laterStepsFile(finalDir);
  if (!existsSync(file)) return false;
  let saved: { version?: number; steps?: LaterStep[] };
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as typeof saved;
  } catch (error) {
    throw new Error(`${file} 无法读取（${(error as Error).message}），请重新运行 npm run build`);
  }
  if (saved.version !== FILE_VERSION || !Array.isArray(saved.steps)) {
    throw new Error(`${file} 不是本版本写下的构建步骤，请重新运行 npm run build`);
  }
  for (const step of saved.steps) {
    const module = (await import(step.module)) as Record<string, unknown>;
    const run = module[step.name];
    if (typeof run !== 'function') throw new Error(`${step.module} 没有导出构建步骤 ${step.name}`);
    await (run as StepFunction<unknown>)(step.args, logger(step.label));
  }
  rmSync(file, { force: true });
  return true;
}

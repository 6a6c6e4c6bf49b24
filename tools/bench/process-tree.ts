/**
 * Run a command and measure it: wall time and the peak resident memory of its whole process tree
 * (the child and every descendant, summed), sampled from `/proc` while it runs. A build that forks
 * workers or spawns a native indexer is charged for all of them, as the machine feels it.
 *
 *   await measureCommand(process.execPath, ['astro.mjs', 'build'], { cwd })
 *     →  { seconds: 41.2, peakRssMB: 1210, code: 0, output: '…' }
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface MeasureOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Sampling interval in milliseconds. Default 100. */
  intervalMs?: number;
  /** Processes (by command line) whose memory is also reported on its own, e.g. `/pagefind/`. */
  apart?: RegExp;
  /** Called with each chunk of output, for progress. */
  onOutput?: (chunk: string) => void;
}

export interface Measurement {
  seconds: number;
  /** Peak of the tree's summed RSS in MiB; `null` where `/proc` is unavailable. */
  peakRssMB: number | null;
  /** Peak of the tree's RSS without the `apart` processes, in MiB. */
  peakRssWithoutApartMB: number | null;
  /** Peak RSS of the `apart` processes alone, in MiB. */
  peakApartRssMB: number | null;
  /**
   * CPU time (user + system) of the child and the descendants it waited for, in seconds: steadier
   * than wall time on a shared machine. `null` where `/proc` is unavailable.
   */
  cpuSeconds: number | null;
  /** Exit code; `null` when killed by a signal. */
  code: number | null;
  /** stdout and stderr, interleaved. */
  output: string;
}

const PAGE_BYTES = 4096;

/** Parent of every process, read from `/proc/<pid>/stat` (field 4, after the parenthesised name). */
function parentMap(): Map<number, number[]> | null {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return null;
  }
  const children = new Map<number, number[]>();
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited between readdir and read
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  return children;
}

/** Summed RSS of `root` and all its descendants, in bytes; `null` without `/proc`. */
export function treeRssBytes(root: number): number | null {
  return treeRss(root)?.total ?? null;
}

/**
 * Summed RSS of `root` and its descendants, and the part of it in processes whose command line
 * matches `apart` (with their descendants), in bytes; `null` without `/proc`.
 */
export function treeRss(root: number, apart?: RegExp): { total: number; apart: number } | null {
  const children = parentMap();
  if (!children) return null;
  let total = 0;
  let apartTotal = 0;
  const stack: Array<[number, boolean]> = [[root, false]];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const [pid, inherited] = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    let rss: number;
    let isApart = inherited;
    try {
      // statm: size resident shared … in pages.
      rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
      if (apart && !isApart) isApart = apart.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      continue;
    }
    total += rss;
    if (isApart) apartTotal += rss;
    for (const child of children.get(pid) ?? []) stack.push([child, isApart]);
  }
  return { total, apart: apartTotal };
}

const CLOCK_TICKS = 100;

/** CPU seconds of this process's waited-for children (`cutime + cstime` of `/proc/self/stat`). */
function childrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: state(0) … utime(11) stime(12) cutime(13) cstime(14).
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

export function measureCommand(
  command: string,
  args: readonly string[],
  options: MeasureOptions,
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = childrenCpuSeconds();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peak: number | null = null;
    let peakWithout: number | null = null;
    let peakApart: number | null = null;
    const sample = () => {
      if (child.pid === undefined) return;
      const rss = treeRss(child.pid, options.apart);
      if (rss === null) return;
      peak = Math.max(peak ?? 0, rss.total);
      peakWithout = Math.max(peakWithout ?? 0, rss.total - rss.apart);
      peakApart = Math.max(peakApart ?? 0, rss.apart);
    };
    const timer = setInterval(sample, options.intervalMs ?? 100);
    const chunks: string[] = [];
    const collect = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      chunks.push(text);
      options.onOutput?.(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const cpuAfter = childrenCpuSeconds();
      resolve({
        cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
        seconds: (performance.now() - started) / 1000,
        peakRssMB: peak === null ? null : peak / 1024 / 1024,
        peakRssWithoutApartMB: peakWithout === null ? null : peakWithout / 1024 / 1024,
        peakApartRssMB: peakApart === null ? null : peakApart / 1024 / 1024,
        code,
        output: chunks.join(''),
      });
    });
  });
}

/**
 * `npm run deeds -- <command>`: the editors' tool. Thin: every command lives in
 * `scripts/commands/<name>.ts` and calls into `src/`.
 */
import { argv, exit, stderr, stdout } from 'node:process';
import { COMMANDS, type CommandModule } from './commands/index.ts';

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    '用法：npm run --silent deeds -- <命令> [参数]',
    '',
    '命令：',
    ...lines,
    '',
    '每个命令的详细用法：npm run --silent deeds -- <命令> --help',
  ].join('\n');
}

async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    stdout.write(help() + '\n');
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    stderr.write(`deeds：没有“${name}”这个命令。\n\n${help()}\n`);
    return 2;
  }
  const command: CommandModule = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    stdout.write(command.usage + '\n');
    return 0;
  }
  return command.run(rest);
}

/**
 * Exit once everything written has been handed to the reader. Output to a pipe is written
 * asynchronously past the pipe's buffer (64 KB): exiting at once would cut it off there. A write
 * with a callback is called back after every write before it.
 */
async function finish(code: number): Promise<never> {
  await Promise.all([stdout, stderr].map((stream) => new Promise<void>((done) => stream.write('', () => done()))));
  exit(code);
}

// The reader went away (`deeds normalise big.txt | head`): stop quietly, as command-line tools do.
for (const stream of [stdout, stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(process.exitCode ?? 0);
    throw error;
  });
}

main(argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    return finish(code);
  },
  (error: unknown) => {
    // Content problems are reported by the commands; reaching here is a bug in the tool.
    stderr.write(
      `deeds：内部错误（请报告给开发者）：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
    return finish(70);
  },
);

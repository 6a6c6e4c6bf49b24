/** What the commands share: parsing their arguments and reading their input file, with one-line errors. */
import { stderr } from 'node:process';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/**
 * Parse `args` for `deeds <command>`; on a usage error print it with the usage text and return
 * `undefined` (the command then exits 2).
 */
export function parseCommandArgs<const T extends ParseArgsOptionsConfig>(
  command: string,
  usage: string,
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    stderr.write(`deeds ${command}：${(error as Error).message}\n${usage}\n`);
    return undefined;
  }
}

/**
 * Reading a command's input file, with one-line errors. Apart from `shared.ts` because it loads the
 * Word reader (mammoth), which `check` and `new` need not pay for at start-up.
 */
import { stderr } from 'node:process';
import { readSourceBytes, SourceError } from '../../src/pipeline/import/read-source.ts';

/** The input file's bytes, or `undefined` after printing the one line that says why it cannot be used. */
export function readInputBytes(path: string): Uint8Array | undefined {
  try {
    return readSourceBytes(path);
  } catch (error) {
    if (error instanceof SourceError) {
      stderr.write(`${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}

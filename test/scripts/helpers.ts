/** Run a `deeds` command in-process, capturing what it writes. */
import { vi } from 'vitest';

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(
  module: { run(args: string[]): Promise<number> },
  args: string[],
): Promise<CommandOutput> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await module.run(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

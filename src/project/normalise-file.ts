/**
 * `deeds normalise` as one call: read a text file in any of the encodings documents arrive in, and run
 * the normaliser over it with the project's glossary (`content/glossary.yaml` under `root`).
 *
 *   normaliseFile('稿件.txt', { root: '.', to: 'cn' })  →  { decoded: { encoding: 'GB18030', … }, result }
 *
 * A file that cannot be read or decoded throws a `SourceError` whose message names it, in one line.
 */
import { join } from 'node:path';
import { decodeFile, DecodeError, type DecodedFile } from '../lib/decode.ts';
import { loadRegistries } from '../model/registries.ts';
import type { TargetScript } from '../pipeline/normalise/convert-script.ts';
import { normaliseText, type NormaliseResult } from '../pipeline/normalise/normalise.ts';
import type { TraditionalSource } from '../pipeline/normalise/script.ts';
import { readSourceBytes, SourceError } from '../pipeline/import/read-source.ts';

export interface NormaliseFileOptions {
  /** The project root whose `content/glossary.yaml` protects names. */
  root: string;
  to?: TargetScript;
  from?: TraditionalSource;
}

export function normaliseFile(
  path: string,
  options: NormaliseFileOptions,
): { decoded: DecodedFile; result: NormaliseResult } {
  let decoded: DecodedFile;
  try {
    decoded = decodeFile(readSourceBytes(path), path);
  } catch (error) {
    if (error instanceof DecodeError) throw new SourceError(error.message);
    throw error;
  }
  const { glossary } = loadRegistries(join(options.root, 'content'));
  const result = normaliseText(decoded.text, { glossary, to: options.to ?? 'cn', from: options.from ?? 't', path });
  return { decoded, result };
}

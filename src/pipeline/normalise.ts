/**
 * The normaliser's entry points. PLACEHOLDER until the normalisation stages land:
 * returns its input unchanged with an empty change record.
 */
import type { Change, PipelineContext, Script } from './types.ts';

export interface NormaliseResult {
  /** The normalised text. */
  value: string;
  /** Every change made, in input order. */
  changes: Change[];
  /** The script the input was written in. */
  sourceScript: Script;
}

/** Normalise plain text (an imported file). */
export function normaliseText(value: string, _context?: Partial<PipelineContext>): NormaliseResult {
  return { value, changes: [], sourceScript: 'simplified' };
}

/** Normalise the body of an MDX entry, leaving Markdown and MDX syntax alone. */
export function normaliseMarkdown(value: string, context?: Partial<PipelineContext>): NormaliseResult {
  return normaliseText(value, context);
}

/**
 * The one line shown for a write-up in lists and on its subject's page: the editor's `summary`, else
 * the first sentence of the body that the pipeline derived (`file.data.summary`, kept with the entry
 * in `rendered.metadata.pipeline`; src/pipeline/extract/summary.ts).
 */
interface DeedLike {
  data: { summary?: string | undefined };
  rendered?: { metadata?: Record<string, unknown> } | undefined;
}

export function summaryOf(entry: DeedLike): string | undefined {
  if (entry.data.summary) return entry.data.summary;
  const pipeline = entry.rendered?.metadata?.pipeline as { summary?: unknown } | undefined;
  return typeof pipeline?.summary === 'string' && pipeline.summary !== '' ? pipeline.summary : undefined;
}

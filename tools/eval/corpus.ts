/**
 * The real-document corpus: `test/corpus/` (documents with hand-read facts in `expected*.json`) and,
 * where they exist beside the clone, the seeds of `../shared/seeds/`. Labels are read by a person,
 * never produced by the extractor; a key a label does not carry is a field not scored on that document.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR = join(PROJECT_ROOT, 'test/corpus');
export const SEEDS_DIR = resolve(PROJECT_ROOT, '../shared/seeds');

export interface Label {
  file: string;
  kind: 'announcement' | 'roll' | 'deed' | 'noisy';
  script?: string;
  source?: string;
  docNumber?: string | null;
  issuer?: string | null;
  date?: string | null;
  deadline?: string | null;
  wordLimits?: { limit: number; kind: string }[];
  quotas?: { category: string; count: number }[];
  awardees?: { name: string; unit: string | null }[];
  /** What a write-up or a piece of news is about; a bare string in the seeds. */
  subject?: { name: string; type: 'person' | 'unit' } | string | null;
  /** Substrings of site furniture the normaliser must remove. */
  furniture?: string[];
  /** Substrings of the document's own text the normaliser must keep. */
  prose?: string[];
  /** The seeds' name for `furniture`. */
  boilerplate?: string[];
}

export interface CorpusDocument {
  /** `corpus/<file>` or `seeds/<file>`. */
  id: string;
  path: string;
  text: string;
  label: Label;
}

/** Every labelled document: the corpus, then the seeds when present. */
export function loadCorpus(options: { seeds?: boolean } = {}): CorpusDocument[] {
  const documents: CorpusDocument[] = [];
  const labelFiles = readdirSync(CORPUS_DIR)
    .filter((name) => /^expected.*\.json$/u.test(name))
    .sort();
  for (const labelFile of labelFiles) {
    const labels = JSON.parse(readFileSync(join(CORPUS_DIR, labelFile), 'utf8')) as Label[];
    for (const label of labels) {
      const path = join(CORPUS_DIR, 'docs', label.file);
      documents.push({ id: `corpus/${label.file}`, path, text: readFileSync(path, 'utf8'), label });
    }
  }
  if ((options.seeds ?? true) && existsSync(join(SEEDS_DIR, 'expected.json'))) {
    const labels = JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')) as Label[];
    for (const label of labels) {
      const path = join(SEEDS_DIR, label.file);
      documents.push({ id: `seeds/${label.file}`, path, text: readFileSync(path, 'utf8'), label });
    }
  }
  return documents;
}

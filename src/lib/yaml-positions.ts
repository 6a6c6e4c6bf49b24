/**
 * A YAML file of the content folder, parsed with the positions its problems are reported at
 * (`units.yaml`, `glossary.yaml`, `site.yaml`). Syntax errors become problems with their line and
 * column, worded for editors; the document is `undefined` then.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';

export interface YamlProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface PositionedYaml {
  doc: Document | undefined;
  /** The line and column (1-based) of an offset in the text. */
  at(offset: number): { line: number; column: number };
}

export function parseYamlWithPositions(text: string, file: string, problems: YamlProblem[]): PositionedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length === 0) return { doc, at };
  for (const error of doc.errors) {
    problems.push({ file, ...at(error.pos[0]), message: `YAML 格式有误：${error.message.split('\n')[0]}` });
  }
  return { doc: undefined, at };
}

/**
 * Format diagnostics for people and for CI:
 *
 *   content/deeds/2023/li-jing.mdx:12:5  error  事迹材料共 1,184 字，超过 1,000 字的限制…  word-limit
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  ruleId: string;
  message: string;
}

export function severityOf(message: VFileMessage): Severity {
  if (message.fatal === true) return 'error';
  if (message.fatal === false) return 'warning';
  return 'info';
}

export function toDiagnostics(files: readonly VFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of files) {
    for (const message of file.messages) {
      const place = message.place as
        | { line: number; column: number }
        | { start: { line: number; column: number }; end: { line: number; column: number } }
        | undefined;
      const start = place ? ('start' in place ? place.start : place) : { line: 1, column: 1 };
      const end = place && 'end' in place ? place.end : start;
      out.push({
        file: message.file || file.path,
        line: start.line ?? 1,
        column: start.column ?? 1,
        endLine: end.line ?? start.line ?? 1,
        endColumn: end.column ?? start.column ?? 1,
        severity: severityOf(message),
        ruleId: message.ruleId ?? 'unknown',
        message: message.reason,
      });
    }
  }
  return out.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
  );
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

export function formatText(diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = [];
  let current = '';
  for (const d of diagnostics) {
    if (d.file !== current) {
      if (current) lines.push('');
      current = d.file;
    }
    lines.push(`${d.file}:${d.line}:${d.column}  ${SEVERITY_LABEL[d.severity]}  ${d.message}  ${d.ruleId}`);
  }
  lines.push(summaryLine(diagnostics));
  return lines.join('\n');
}

export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  return `共 ${count('error')} 个错误、${count('warning')} 个警告、${count('info')} 条提示`;
}

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  const escape = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (value: string) => escape(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return diagnostics
    .map((d) => {
      const level = d.severity === 'info' ? 'notice' : d.severity;
      return `::${level} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${escapeProperty(d.ruleId)}::${escape(d.message)}`;
    })
    .join('\n');
}

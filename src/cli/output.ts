/**
 * Where the `spbe` command writes, and the readable summary of `spbe index`.
 *
 * `Io` lets tests (and other front ends) run the command in-process and collect what it prints.
 */
import type { Assessment, Lang, PredicateBasis, Rational, Score } from '../core/types';
import type { IndexReport, UnreadableReport } from '../core/report';
import { text } from '../core/i18n';
import { eq, roundHalfUp, toFixed } from '../core/rational';
import type { Catalogue } from '../core/i18n';

type CliKey = keyof Catalogue['cli'];

export interface Io {
  /** Writes to standard output (text already ends with "\n" where needed). */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
}

/** The process's own stdout and stderr. */
export const processIo: Io = {
  out: (s) => {
    process.stdout.write(s);
  },
  err: (s) => {
    process.stderr.write(s);
  },
};

/** An Io that keeps everything in memory (tests, embedding). */
export function memoryIo(): Io & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (s) => void out.push(s),
    err: (s) => void err.push(s),
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** An exact value to 6 decimals, trailing zeros dropped, "…" when it goes on (2,493333… ; 2,2155). */
export function exactText(x: Rational, sep: string): string {
  const six = roundHalfUp(x, 6);
  let s = toFixed(six, 6, sep).replace(/0+$/, '');
  if (s.endsWith(sep)) s = s.slice(0, -1);
  return eq(six, x) ? s : s + '…';
}

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/** The readable summary of one unreadable file. */
export function formatUnreadable(r: UnreadableReport): string {
  return `${r.file}\n  ${r.error}\n\n`;
}

/**
 * The readable summary of one assessed workbook: file, sheet, framework with its regulation, the level
 * column, the index exact and rounded with its predicate, domains and aspects, then every problem with
 * its cell and message.
 */
export function formatSummary(r: IndexReport, a: Assessment, lang: Lang, basis: PredicateBasis): string {
  const t = (key: CliKey, params?: Record<string, string | number>): string => text(lang, 'cli', key, params);
  const sep = lang === 'id' ? ',' : '.';
  const lines: string[] = [r.file];
  const label = (key: CliKey): string => pad(t(key) + ':', 22);

  lines.push(`  ${label('labelSheet')}${r.sheet ?? t('noTable')}`);
  const fw = a.framework;
  if (fw) {
    const how = a.frameworkSource === 'option' ? t('labelChosen') : t('labelDetected');
    lines.push(`  ${label('labelFramework')}${fw.name} — ${fw.id}, ${how}`);
  } else {
    lines.push(`  ${label('labelFramework')}${t('noTable')}`);
  }
  const table = a.table;
  if (table) {
    lines.push(`  ${label('labelColumn')}${table.levelColumn.letter} "${table.levelColumn.header}"`);
    const others = table.levelColumns.filter((c) => c.col !== table.levelColumn.col);
    if (others.length) lines.push(`  ${label('labelOtherColumns')}${others.map((c) => `${c.letter} "${c.header}"`).join(', ')}`);
  }
  const s = a.scores;
  if (s && r.index !== null) {
    lines.push(`  ${label('labelIndex')}${toFixed(s.exact, 2, sep)}  (${t('labelExact', { value: exactText(s.exact, sep) })})`);
    const basisWord = basis === 'rounded' ? t('basisRounded') : t('basisExact');
    lines.push(`  ${label('labelPredicate')}${s.predicate} (${t('labelPredicateBasis', { basis: basisWord })})`);
    const block = (key: 'labelDomains' | 'labelAspects', scores: ReadonlyArray<Score>): void => {
      if (!scores.length) return;
      lines.push(`  ${t(key)}:`);
      for (const x of scores) lines.push(`    ${pad(String(x.no), 3)}${pad(toFixed(x.exact, 2, sep), 7)}${x.name}`);
    };
    block('labelDomains', s.domains);
    block('labelAspects', s.aspects);
  } else {
    lines.push(`  ${label('labelIndex')}${t('indexNotComputed')}`);
  }
  // Problems (errors, warnings) ask for action; notes (info) only say what was done.
  const problems = r.issues.filter((i) => i.severity !== 'info');
  const notes = r.issues.filter((i) => i.severity === 'info');
  const errors = problems.filter((i) => i.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) {
    lines.push(`  ${t('noProblems')}`);
  } else {
    lines.push(`  ${t('labelProblems')} (${t('problemCounts', { errors, warnings })}):`);
    for (const p of problems) {
      // The message itself names the sheet and cell, the indicator and what to do; the code is in --json.
      const sev = p.severity === 'error' ? t('severityError') : t('severityWarning');
      lines.push(`    ${sev}: ${p.message}`);
    }
  }
  if (notes.length > 0) {
    lines.push(`  ${t('labelNotes')}:`);
    for (const p of notes) lines.push(`    ${t('severityInfo')}: ${p.message}`);
  }
  return lines.join('\n') + '\n\n';
}

/**
 * The problems, grouped by code with their counts: one <details> per code, errors open, warnings and notes
 * folded. Inside Excel each problem with a cell is a button that goes to that cell; its accessible name is its
 * visible text, which starts with the severity ("Kesalahan", "Peringatan").
 */
import type { Lang, Problem } from '../../core/types';
import { catalogues, text } from '../../core/i18n';
import { mergeClasses } from '@fluentui/react-components';
import { groupProblems, problemKey } from '../format';
import { useStyles } from './styles';

/** The short title of a problem code (the catalogues' problemTitles), else "other problems". */
export function problemTitle(code: string, lang: Lang): string {
  const titles = catalogues[lang].problemTitles as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(titles, code) ? titles[code] : titles.other;
}

const SEVERITY_KEY = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' } as const;

export function Problems(props: {
  problems: ReadonlyArray<Problem>;
  lang: Lang;
  selectable: boolean;
  selected: string | null;
  /** With errors: what to do next (PaneState.guidance). */
  guidance: string | null;
  onSelect: (p: Problem) => void;
}) {
  const s = useStyles();
  const { problems, lang } = props;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const notes = problems.filter((p) => p.severity === 'info').length;
  const warnings = problems.length - errors - notes;
  // Notes (info) need no action: a workbook with only notes has no problems.
  const counts =
    errors + warnings > 0
      ? text(lang, 'pane', 'problemsCount', { errors, warnings }) + (notes > 0 ? `, ${text(lang, 'pane', 'notesCount', { notes })}` : '')
      : null;
  const groups = groupProblems(problems);
  return (
    <section className={s.section} aria-labelledby="problems-title">
      <h2 className={s.sectionTitle} id="problems-title">
        {text(lang, 'pane', 'problemsTitle')}
      </h2>
      {props.guidance && (
        <p className={s.guidance} data-testid="guidance">
          {props.guidance}
        </p>
      )}
      {counts !== null ? (
        <p className={s.muted} data-testid="problem-count">
          {counts}
        </p>
      ) : (
        <p className={s.small} data-testid="no-problems">
          {text(lang, 'pane', 'noProblems')}
        </p>
      )}
      {!props.guidance && props.selectable && problems.some((p) => p.sheet && p.cell) && (
        <p className={s.muted} data-testid="problems-hint">
          {text(lang, 'pane', 'problemsHint')}
        </p>
      )}
      {groups.map((g) => {
        const severity = text(lang, 'pane', SEVERITY_KEY[g.severity]);
        const toneText = g.severity === 'error' ? s.issueError_text : g.severity === 'warning' ? s.issueWarning_text : s.issueInfo_text;
        return (
          <details key={`${g.severity}|${g.code}`} className={s.group} open={g.severity === 'error'} data-testid="problem-group" data-code={g.code} data-severity={g.severity}>
            <summary className={s.groupSummary}>
              <span className={toneText}>{severity}</span> · {problemTitle(g.code, lang)} ({g.problems.length})
            </summary>
            <ul className={s.groupList}>
              {g.problems.map((p, i) => (
                <ProblemRow key={problemKey(p, i)} p={p} lang={lang} severity={severity} toneText={toneText} selectable={props.selectable} selected={props.selected} onSelect={props.onSelect} />
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}

function ProblemRow(props: { p: Problem; lang: Lang; severity: string; toneText: string; selectable: boolean; selected: string | null; onSelect: (p: Problem) => void }) {
  const s = useStyles();
  const { p, lang } = props;
  const tone = p.severity === 'error' ? s.issueError : p.severity === 'warning' ? s.issueWarning : s.issueInfo;
  const where = p.sheet && p.cell ? `${p.sheet}!${p.cell}` : null;
  const button = props.selectable && where !== null;
  const body = (
    <>
      <span className={s.issueHead}>
        <span className={props.toneText}>{props.severity}</span>{' '}
        {p.cell && (button ? <span className={s.goTo}>{text(lang, 'pane', 'problemGoTo', { cell: p.cell })}</span> : <span>{text(lang, 'pane', 'problemCell', { cell: p.cell })}</span>)}
      </span>{' '}
      <span>{p.message[lang]}</span>
    </>
  );
  const className = mergeClasses(s.issue, tone, button ? s.issueButton : undefined, where !== null && props.selected === where ? s.issueSelected : undefined);
  return (
    <li data-testid="issue-item" data-severity={p.severity} data-code={p.code} data-cell={p.cell ?? ''}>
      {button ? (
        <button type="button" className={className} onClick={() => props.onSelect(p)}>
          {body}
        </button>
      ) : (
        <div className={className}>{body}</div>
      )}
    </li>
  );
}

/** The problem list: errors first, then warnings, then notes (info, no action needed); clicking one selects its cell in Excel. */
import { useState } from 'react';
import type { Lang, Problem } from '../../core/types';
import { text } from '../../core/i18n';
import { Button, mergeClasses } from '@fluentui/react-components';
import { problemKey } from '../format';
import { useStyles } from './styles';

/** More warnings than this are folded … */
const WARNINGS_FOLDED_ABOVE = 5;
/** … to this many until the user asks for all. */
const WARNINGS_WHEN_FOLDED = 3;

export function Problems(props: {
  problems: ReadonlyArray<Problem>;
  lang: Lang;
  selectable: boolean;
  selected: string | null;
  onSelect: (p: Problem) => void;
}) {
  const s = useStyles();
  const { problems, lang } = props;
  const [allWarnings, setAllWarnings] = useState(false);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const notes = problems.filter((p) => p.severity === 'info').length;
  const warnings = problems.length - errors - notes;
  // Errors are always all shown; a long tail of warnings and notes is folded so the errors stay in view.
  const rest = warnings + notes;
  const folded = !allWarnings && rest > WARNINGS_FOLDED_ABOVE;
  const shown = folded ? problems.slice(0, errors + WARNINGS_WHEN_FOLDED) : problems;
  // Notes (info) need no action: a workbook with only notes has no problems.
  const counts =
    errors + warnings > 0
      ? text(lang, 'pane', 'problemsCount', { errors, warnings }) + (notes > 0 ? `, ${text(lang, 'pane', 'notesCount', { notes })}` : '')
      : null;
  return (
    <section className={s.section} aria-labelledby="problems-title">
      <h2 className={s.sectionTitle} id="problems-title">
        {text(lang, 'pane', 'problemsTitle')}
      </h2>
      {problems.length === 0 ? (
        <p className={s.small} data-testid="no-problems">
          {text(lang, 'pane', 'noProblems')}
        </p>
      ) : (
        <>
          {counts !== null ? (
            <p className={s.muted} data-testid="problem-count">
              {counts}
            </p>
          ) : (
            <p className={s.small} data-testid="no-problems">
              {text(lang, 'pane', 'noProblems')}
            </p>
          )}
          {props.selectable && problems.some((p) => p.sheet && p.cell) && (
            <p className={s.muted} data-testid="problems-hint">
              {text(lang, 'pane', 'problemsHint')}
            </p>
          )}
          <ul className={s.issues}>
            {shown.map((p, i) => {
              const isError = p.severity === 'error';
              const label = isError ? 'severityError' : p.severity === 'warning' ? 'severityWarning' : 'severityInfo';
              const tone = isError ? s.issueError : p.severity === 'warning' ? s.issueWarning : s.issueInfo;
              const toneText = isError ? s.issueError_text : p.severity === 'warning' ? s.issueWarning_text : s.issueInfo_text;
              const where = p.sheet && p.cell ? `${p.sheet}!${p.cell}` : null;
              const body = (
                <>
                  <span className={s.issueHead}>
                    <span className={toneText}>{text(lang, 'pane', label)}</span>
                    {p.cell && <span>{text(lang, 'pane', 'problemCell', { cell: p.cell })}</span>}
                  </span>
                  <span>{p.message[lang]}</span>
                </>
              );
              const className = mergeClasses(
                s.issue,
                tone,
                props.selectable && where ? s.issueButton : undefined,
                where !== null && props.selected === where ? s.issueSelected : undefined,
              );
              return (
                <li key={problemKey(p, i)} data-testid="issue-item" data-severity={p.severity} data-code={p.code} data-cell={p.cell ?? ''}>
                  {props.selectable && where ? (
                    <button
                      type="button"
                      className={className}
                      onClick={() => props.onSelect(p)}
                      aria-label={`${text(lang, 'pane', 'problemSelect', { cell: p.cell as string, sheet: p.sheet as string })}: ${p.message[lang]}`}
                    >
                      {body}
                    </button>
                  ) : (
                    <div className={className}>{body}</div>
                  )}
                </li>
              );
            })}
          </ul>
          {rest > WARNINGS_FOLDED_ABOVE && (
            <Button appearance="subtle" size="small" className={s.fileButton} data-testid="toggle-warnings" aria-expanded={!folded} onClick={() => setAllWarnings(folded)}>
              {folded ? text(lang, 'pane', 'showAllWarnings', { count: rest }) : text(lang, 'pane', 'showFewerWarnings')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

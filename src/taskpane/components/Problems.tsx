/** The problem list: errors first; clicking one selects its cell in Excel. */
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
  const warnings = problems.length - errors;
  // Errors are always all shown; a long tail of warnings is folded so the errors stay in view.
  const folded = !allWarnings && warnings > WARNINGS_FOLDED_ABOVE;
  const shown = folded ? problems.slice(0, errors + WARNINGS_WHEN_FOLDED) : problems;
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
          <p className={s.muted} data-testid="problem-count">
            {text(lang, 'pane', 'problemsCount', { errors, warnings })}
          </p>
          {props.selectable && problems.some((p) => p.sheet && p.cell) && (
            <p className={s.muted} data-testid="problems-hint">
              {text(lang, 'pane', 'problemsHint')}
            </p>
          )}
          <ul className={s.issues}>
            {shown.map((p, i) => {
              const isError = p.severity === 'error';
              const where = p.sheet && p.cell ? `${p.sheet}!${p.cell}` : null;
              const body = (
                <>
                  <span className={s.issueHead}>
                    <span className={isError ? s.issueError_text : s.issueWarning_text}>
                      {text(lang, 'pane', isError ? 'severityError' : 'severityWarning')}
                    </span>
                    {p.cell && <span>{text(lang, 'pane', 'problemCell', { cell: p.cell })}</span>}
                  </span>
                  <span>{p.message[lang]}</span>
                </>
              );
              const className = mergeClasses(
                s.issue,
                isError ? s.issueError : s.issueWarning,
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
          {warnings > WARNINGS_FOLDED_ABOVE && (
            <Button appearance="subtle" size="small" className={s.fileButton} data-testid="toggle-warnings" aria-expanded={!folded} onClick={() => setAllWarnings(folded)}>
              {folded ? text(lang, 'pane', 'showAllWarnings', { count: warnings }) : text(lang, 'pane', 'showFewerWarnings')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

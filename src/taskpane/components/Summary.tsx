/** Framework, index (large), predicate coloured by band, domains and aspects as bars. */
import type { Assessment, Framework, Lang, Score } from '../../core/types';
import { text } from '../../core/i18n';
import { predicateFor } from '../../core/scoring';
import { barPercent, bandColours, formatExact } from '../format';
import { useStyles } from './styles';

/** "Untuk evaluasi 2021–2025"; an open range ("2026–") reads "Untuk evaluasi sejak 2026". */
function usedFor(fw: Framework, lang: Lang): string {
  const years = fw.regulation.usedFor.trim();
  const open = /^(\d{4})\s*[–-]$/.exec(years);
  return open ? text(lang, 'pane', 'usedFrom', { year: open[1] }) : text(lang, 'pane', 'usedFor', { years });
}

export function FrameworkInfo(props: { assessment: Assessment; lang: Lang }) {
  const s = useStyles();
  const { assessment: a, lang } = props;
  const fw = a.framework;
  if (!fw) return null;
  const col = a.table?.levelColumn;
  return (
    <div className={s.section}>
      <p className={s.small}>
        <strong data-testid="framework-value" data-framework={fw.id}>
          {fw.name}
        </strong>{' '}
        <span className={s.muted}>({text(lang, 'pane', a.frameworkSource === 'option' ? 'frameworkForced' : 'frameworkDetected')})</span>
      </p>
      <p className={s.muted}>
        {fw.regulation.title}
        {fw.regulation.subject ? ` — ${fw.regulation.subject}` : ''}. {usedFor(fw, lang)}
      </p>
      {a.table && col && (
        <p className={s.muted} data-testid="column-value">
          {text(lang, 'pane', 'sheetInfo', { sheet: a.table.sheet, letter: col.letter, header: col.header })}
        </p>
      )}
    </div>
  );
}

export function IndexCard(props: { assessment: Assessment; lang: Lang }) {
  const s = useStyles();
  const { assessment: a, lang } = props;
  const scores = a.scores;
  const fw = a.framework;
  if (!scores || !fw) {
    return (
      <div className={s.scoreCard} role="status">
        <span className={s.small}>{text(lang, 'pane', 'indexLabel')}</span>
        <span className={s.indexValue} data-testid="index-value" aria-label={text(lang, 'pane', 'noIndex')}>
          —
        </span>
        <span className={s.small}>{text(lang, 'pane', 'noIndex')}</span>
      </div>
    );
  }
  const colours = bandColours(fw, scores.predicate);
  return (
    <div className={s.scoreCard} role="status" aria-live="polite">
      <span className={s.small}>{text(lang, 'pane', 'indexLabel')}</span>
      <div className={s.indexRow}>
        <span className={s.indexValue} data-testid="index-value">
          {formatExact(scores.exact, lang)}
        </span>
        <span
          className={s.predicate}
          data-testid="predicate-value"
          style={{ backgroundColor: colours.background, color: colours.foreground }}
          aria-label={`${text(lang, 'pane', 'predicateLabel')}: ${scores.predicate}`}
        >
          {scores.predicate}
        </span>
      </div>
      <span className={s.muted}>{text(lang, 'pane', 'indexExact', { value: formatExact(scores.exact, lang, 4) })}</span>
    </div>
  );
}

function Bars(props: { title: string; scores: ReadonlyArray<Score>; fw: Framework; lang: Lang; testId: string; basisRounded: boolean }) {
  const s = useStyles();
  const { scores, fw, lang } = props;
  if (scores.length === 0) return null;
  return (
    <section className={s.section} aria-label={props.title}>
      <h2 className={s.sectionTitle}>{props.title}</h2>
      <ul className={s.bars} data-testid={props.testId}>
        {scores.map((sc) => {
          const value = formatExact(sc.exact, lang);
          const band = predicateFor(fw, sc.exact, props.basisRounded ? 'rounded' : 'exact');
          const colours = bandColours(fw, band.name);
          return (
            <li key={sc.no} className={s.barItem}>
              <div className={s.barLabel}>
                <span className={s.barName}>
                  {sc.no}. {sc.name}
                </span>
                <span className={s.barNumber}>{value}</span>
              </div>
              <div
                className={s.barTrack}
                role="meter"
                aria-valuemin={1}
                aria-valuemax={5}
                aria-valuenow={sc.indexRounded}
                aria-valuetext={`${value} (${band.name})`}
                aria-label={`${sc.no}. ${sc.name}`}
              >
                <div className={s.barFill} style={{ width: `${barPercent(sc.index)}%`, backgroundColor: colours.background }} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ScoreBars(props: { assessment: Assessment; lang: Lang; basisRounded: boolean }) {
  const { assessment: a, lang } = props;
  if (!a.scores || !a.framework) return null;
  return (
    <>
      <Bars title={text(lang, 'pane', 'domainsTitle')} scores={a.scores.domains} fw={a.framework} lang={lang} testId="domain-bars" basisRounded={props.basisRounded} />
      <Bars title={text(lang, 'pane', 'aspectsTitle')} scores={a.scores.aspects} fw={a.framework} lang={lang} testId="aspect-bars" basisRounded={props.basisRounded} />
    </>
  );
}

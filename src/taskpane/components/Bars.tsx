/**
 * Domains and aspects as bars, each group collapsible (<details>), with the target's marker on every bar and a
 * legend of the predicate bands, so the predicate is never told by colour alone (the value and its predicate are
 * written beside each bar too).
 */
import type { Assessment, Framework, Lang, Score } from '../../core/types';
import { text } from '../../core/i18n';
import { predicateFor } from '../../core/scoring';
import { barPercent, bandColours, formatExact, formatNumber } from '../format';
import { useStyles } from './styles';

/** The predicate bands with their colours and lower bounds. */
export function Legend(props: { fw: Framework; lang: Lang; goal: number | null }) {
  const s = useStyles();
  const { fw, lang } = props;
  return (
    <div className={s.section}>
      <p className={s.muted} id="legend-title">
        {text(lang, 'pane', 'legendTitle')}
      </p>
      <ul className={s.legend} aria-labelledby="legend-title" data-testid="band-legend">
        {fw.predicates.map((b) => {
          const c = bandColours(fw, b.name);
          return (
            <li key={b.name} className={s.legendItem}>
              <span className={s.swatch} style={{ backgroundColor: c.background }} aria-hidden="true" />
              {text(lang, 'pane', 'legendBand', { predicate: b.name, min: formatNumber(b.min / 100, lang) })}
            </li>
          );
        })}
        {props.goal !== null && (
          <li className={s.legendItem} data-testid="target-legend">
            {text(lang, 'pane', 'targetMarkerLegend', { value: formatNumber(props.goal, lang) })}
          </li>
        )}
      </ul>
    </div>
  );
}

function Group(props: { id: string; title: string; scores: ReadonlyArray<Score>; fw: Framework; lang: Lang; testId: string; basisRounded: boolean; goal: number | null }) {
  const s = useStyles();
  const { scores, fw, lang, goal } = props;
  if (scores.length === 0) return null;
  return (
    <details className={s.section} open data-testid={`${props.testId}-group`}>
      <summary className={s.detailsSummary}>
        <h2 className={s.inlineTitle} id={props.id}>
          {props.title}
        </h2>
      </summary>
      <ul className={s.bars} data-testid={props.testId} aria-labelledby={props.id}>
        {scores.map((sc) => {
          const value = formatExact(sc.exact, lang);
          const band = predicateFor(fw, sc.exact, props.basisRounded ? 'rounded' : 'exact');
          const colours = bandColours(fw, band.name);
          const targetText = goal !== null ? `; ${text(lang, 'pane', 'targetMarker', { value: formatNumber(goal, lang) })}` : '';
          return (
            <li key={sc.no} className={s.barItem}>
              <div className={s.barLabel}>
                <span className={s.barName}>
                  {sc.no}. {sc.name}
                </span>
                <span className={s.barNumber}>
                  {value} · {band.name}
                </span>
              </div>
              <div className={s.barTrackWrap}>
                <div
                  className={s.barTrack}
                  role="meter"
                  aria-valuemin={1}
                  aria-valuemax={5}
                  aria-valuenow={sc.indexRounded}
                  aria-valuetext={`${value} (${band.name})${targetText}`}
                  aria-label={`${sc.no}. ${sc.name}`}
                >
                  <div className={s.barFill} style={{ width: `${barPercent(sc.index)}%`, backgroundColor: colours.background }} />
                </div>
                {goal !== null && <span className={s.marker} style={{ left: `${barPercent(goal)}%` }} aria-hidden="true" data-testid="target-marker" />}
              </div>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

export function ScoreBars(props: { assessment: Assessment; lang: Lang; basisRounded: boolean; goal: number | null }) {
  const { assessment: a, lang } = props;
  if (!a.scores || !a.framework) return null;
  return (
    <>
      <Group id="aspects-title" title={text(lang, 'pane', 'aspectsTitle')} scores={a.scores.aspects} fw={a.framework} lang={lang} testId="aspect-bars" basisRounded={props.basisRounded} goal={props.goal} />
      <Group id="domains-title" title={text(lang, 'pane', 'domainsTitle')} scores={a.scores.domains} fw={a.framework} lang={lang} testId="domain-bars" basisRounded={props.basisRounded} goal={props.goal} />
      <Legend fw={a.framework} lang={lang} goal={props.goal} />
    </>
  );
}

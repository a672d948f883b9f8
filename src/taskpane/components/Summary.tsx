/**
 * The index card, first in the pane: the framework's own title ("Indeks Pemerintah Digital" for pemdi2026, from
 * the framework's name) with "simulasi" and its one-line tooltip, the index (large) and the predicate coloured by
 * band, then the exact value, the framework and where the levels were read.
 */
import { useState } from 'react';
import { Tooltip } from '@fluentui/react-components';
import type { Assessment, Framework, Lang } from '../../core/types';
import { text } from '../../core/i18n';
import { bandColours, formatExact, indexTitle } from '../format';
import { useStyles } from './styles';

/** "Untuk evaluasi 2021–2025"; an open range ("2026–") reads "Untuk evaluasi sejak 2026". */
export function usedFor(fw: Framework, lang: Lang): string {
  const years = fw.regulation.usedFor.trim();
  const open = /^(\d{4})\s*[–-]$/.exec(years);
  return open ? text(lang, 'pane', 'usedFrom', { year: open[1] }) : text(lang, 'pane', 'usedFor', { years });
}

/** The framework used and where its levels were read (muted lines of the card). */
function FrameworkInfo(props: { assessment: Assessment; lang: Lang }) {
  const s = useStyles();
  const { assessment: a, lang } = props;
  const fw = a.framework;
  if (!fw) return null;
  const col = a.table?.levelColumn;
  return (
    <>
      <p className={s.muted}>
        <strong data-testid="framework-value" data-framework={fw.id}>
          {fw.name}
        </strong>{' '}
        <span>({text(lang, 'pane', a.frameworkSource === 'option' ? 'frameworkForced' : 'frameworkDetected')})</span>
      </p>
      {a.table && col && (
        <p className={s.muted} data-testid="column-value">
          {text(lang, 'pane', 'sheetInfo', { sheet: a.table.sheet, letter: col.letter, header: col.header })}
        </p>
      )}
    </>
  );
}

export function IndexCard(props: { assessment: Assessment; lang: Lang }) {
  const s = useStyles();
  const { assessment: a, lang } = props;
  const scores = a.scores;
  const fw = a.framework;
  const title = fw ? indexTitle(fw) : text(lang, 'pane', 'indexLabel');
  // The tooltip is drawn inside the card (not at the end of <body>), so it stays within the page's landmarks.
  const [mount, setMount] = useState<HTMLElement | null>(null);
  return (
    <section className={s.scoreCard} aria-labelledby="index-title" data-testid="index-card" ref={setMount}>
      <div className={s.cardHead}>
        <h2 className={s.cardTitle} id="index-title" data-testid="index-title">
          {title}
        </h2>
        <Tooltip content={text(lang, 'pane', 'simulationTip')} relationship="description" withArrow mountNode={mount}>
          <span className={s.simulation} tabIndex={0} data-testid="simulation">
            {text(lang, 'pane', 'simulation')}
          </span>
        </Tooltip>
      </div>
      <div role="status" aria-live="polite" aria-atomic="true">
        {scores && fw ? (
          <div className={s.indexRow}>
            <span className={s.indexValue} data-testid="index-value">
              {formatExact(scores.exact, lang)}
            </span>
            <span className={s.visuallyHidden}>{text(lang, 'pane', 'predicateLabel')}:</span>
            <span className={s.predicate} data-testid="predicate-value" style={bandStyle(fw, scores.predicate)}>
              {scores.predicate}
            </span>
          </div>
        ) : (
          <div className={s.indexRow}>
            <span className={s.indexValue} data-testid="index-value">
              —
            </span>
            <span className={s.small} data-testid="no-index">
              {text(lang, 'pane', 'noIndex')}
            </span>
          </div>
        )}
      </div>
      {scores && <span className={s.muted}>{text(lang, 'pane', 'indexExact', { value: formatExact(scores.exact, lang, 4) })}</span>}
      <FrameworkInfo assessment={a} lang={lang} />
    </section>
  );
}

function bandStyle(fw: Framework, predicate: string): { backgroundColor: string; color: string } {
  const c = bandColours(fw, predicate);
  return { backgroundColor: c.background, color: c.foreground };
}

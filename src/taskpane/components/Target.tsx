/** The target and the plan preview (the "Buat Sheet Gap" button is the action bar's, ActionBar.tsx). */
import { useEffect, useState } from 'react';
import { Field, Input, Radio, RadioGroup, Select, mergeClasses } from '@fluentui/react-components';
import type { Lang } from '../../core/types';
import { text } from '../../core/i18n';
import type { PaneState, TargetChoice } from '../controller';
import { useStyles } from './styles';

/** How many plan rows the preview lists before "… and N more". */
const PREVIEW_ROWS = 12;

export function Target(props: { state: PaneState; onTarget: (t: TargetChoice) => void }) {
  const s = useStyles();
  const { state } = props;
  const lang: Lang = state.settings.lang;
  const target = state.settings.target;
  const [indexText, setIndexText] = useState(target.kind === 'index' ? target.text : '');
  const [level, setLevel] = useState(target.kind === 'level' ? target.level : 3);
  const preview = state.preview;
  // The default goal is the application's (the sheet's Target column when it has one, else the next predicate): its radio is checked.
  const kind = state.targetKind;
  const hasTargets = state.assessment?.entries.some((e) => e.target !== null) ?? false;

  // Prefill the index box with the next predicate's bound the first time it is offered.
  const suggested = preview && (preview.status === 'plan' || preview.status === 'reached' || preview.status === 'unreachable') && kind === 'next' ? preview.target : null;
  useEffect(() => {
    if (indexText === '' && suggested) {
      const m = /(\d+[,.]\d+)\s*$/.exec(suggested);
      if (m) setIndexText(m[1]);
    }
  }, [suggested, indexText]);

  return (
    <section className={s.section} aria-labelledby="target-title">
      <h2 className={s.sectionTitle} id="target-title">
        {text(lang, 'pane', 'targetTitle')}
      </h2>
      <RadioGroup
        aria-label={text(lang, 'pane', 'targetKind')}
        value={kind}
        onChange={(_, d) => {
          if (d.value === 'column') props.onTarget({ kind: 'column' });
          else if (d.value === 'next') props.onTarget({ kind: 'next' });
          else if (d.value === 'index') props.onTarget({ kind: 'index', text: indexText });
          else props.onTarget({ kind: 'level', level });
        }}
      >
        {hasTargets && <Radio value="column" label={text(lang, 'pane', 'targetColumn')} data-testid="target-column" />}
        <Radio value="next" label={text(lang, 'pane', 'targetNext')} data-testid="target-next" />
        <Radio value="index" label={text(lang, 'pane', 'targetIndex')} data-testid="target-index" />
        <Radio value="level" label={text(lang, 'pane', 'targetLevel')} data-testid="target-level" />
      </RadioGroup>
      {kind === 'index' && (
        <Field
          label={text(lang, 'pane', 'targetIndexInput')}
          className={s.field}
          validationState={preview?.status === 'invalid' ? 'error' : 'none'}
          validationMessage={preview?.status === 'invalid' ? preview.message : undefined}
        >
          <Input
            className={s.control}
            inputMode="decimal"
            data-testid="target-index-input"
            value={indexText}
            onChange={(_, d) => {
              setIndexText(d.value);
              props.onTarget({ kind: 'index', text: d.value });
            }}
          />
        </Field>
      )}
      {kind === 'level' && (
        <Field label={text(lang, 'pane', 'targetLevelInput')} className={s.field}>
          <Select
            className={s.control}
            data-testid="target-level-select"
            value={String(level)}
            onChange={(_, d) => {
              const v = Number(d.value);
              setLevel(v);
              props.onTarget({ kind: 'level', level: v });
            }}
          >
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Preview state={state} />
    </section>
  );
}

function Preview(props: { state: PaneState }) {
  const s = useStyles();
  const lang = props.state.settings.lang;
  const p = props.state.preview;
  if (!p || p.status === 'unavailable' || p.status === 'invalid') return null;
  if (p.status === 'top') return <p className={s.small} data-testid="plan-summary">{p.message}</p>;
  return (
    <div className={s.section} data-testid="plan-preview">
      <p className={s.small}>
        <strong data-testid="target-value">{p.target}</strong>
      </p>
      <p className={s.small} data-testid="plan-summary">
        {p.message}
      </p>
      {p.status === 'plan' && (
        <p className={s.small} data-testid="plan-cycles">
          {p.cyclesText}
        </p>
      )}
      {p.status === 'plan' && (
        <>
          <div className={mergeClasses(s.planRow, s.planHead)} aria-hidden="true">
            <span className={s.planHeadName}>{text(lang, 'pane', 'planIndicator')}</span>
            <span className={s.planPoints}>{text(lang, 'pane', 'planPoints')}</span>
          </div>
          <ul className={s.planList} data-testid="plan-list" aria-label={text(lang, 'pane', 'planTitle')}>
            {p.steps.slice(0, PREVIEW_ROWS).map((st) => (
              <li key={st.key} className={s.planRow} data-testid="plan-item" data-indicator={st.key}>
                <span className={s.planNo}>{st.key}</span>
                <span>
                  {st.name.replace(/^Tingkat Kematangan\s+/i, '')} ({st.fromName ? `${st.from} · ${st.fromName}` : st.from} → {st.toName ? `${st.to} · ${st.toName}` : st.to})
                </span>
                <span className={s.planPoints} title={text(lang, 'pane', 'pointsExact', { value: st.pointsExact })} data-exact={st.pointsExact}>
                  {st.points}
                </span>
              </li>
            ))}
          </ul>
          {p.steps.length > PREVIEW_ROWS && <p className={s.muted}>{text(lang, 'pane', 'planMore', { count: p.steps.length - PREVIEW_ROWS })}</p>}
        </>
      )}
    </div>
  );
}

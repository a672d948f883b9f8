/**
 * The pane's body, its own lazy chunk ("pane-details", loaded by App.tsx while the workbook is read), in this
 * order: the index card; the target and the plan preview; the sticky action bar ("Buat Sheet Gap", and a
 * secondary slot); the problems grouped by code; aspects and domains with the target marker and the bands'
 * legend; the settings. Focus follows the same order.
 */
import { useCallback, useSyncExternalStore, type ReactNode } from 'react';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../../core/types';
import { text } from '../../core/i18n';
import type { PaneController, PaneSettings, PaneState } from '../controller';
import type { BrowserOutput } from '../browser-host';
import { IndexCard, usedFor } from './Summary';
import { Target } from './Target';
import { ActionBar } from './ActionBar';
import { Problems } from './Problems';
import { ScoreBars } from './Bars';
import { Settings } from './Settings';
import { Unsupported } from './Unsupported';
import { Loading } from '../App';
import { useStyles } from './styles';

export interface PaneDetailsProps {
  readonly controller: PaneController | null;
  readonly output: BrowserOutput | null;
  readonly lang: Lang;
  readonly unsupported?: { readonly missing: readonly string[]; readonly browserPage: string };
}

const NO_STATE: PaneState | null = null;

function useController(c: PaneController | null): PaneState | null {
  const subscribe = useCallback((l: () => void) => (c ? c.subscribe(l) : () => undefined), [c]);
  const get = useCallback(() => (c ? c.getState() : NO_STATE), [c]);
  return useSyncExternalStore(subscribe, get, get);
}

export default function PaneDetails(props: PaneDetailsProps) {
  const s = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang={props.lang} className={s.details}>
      {props.unsupported && <Unsupported lang={props.lang} missing={props.unsupported.missing} browserPage={props.unsupported.browserPage} />}
      {props.controller && <Pane controller={props.controller} output={props.output} />}
    </FluentProvider>
  );
}

function Pane(props: { controller: PaneController; output: BrowserOutput | null; secondary?: ReactNode }) {
  const c = props.controller;
  const state = useController(c);
  const s = useStyles();
  if (!state) return null;
  const lang = state.settings.lang;
  if (state.phase === 'idle' || (state.phase === 'reading' && !state.assessment)) return <Loading lang={lang} />;
  if (state.phase === 'failed') {
    return (
      <div className={s.section}>
        <p className="sp-alert" data-testid="read-error" role="alert">
          {state.readError}
        </p>
        <p className={s.small} data-testid="guidance">
          {text(lang, 'pane', c.hostKind === 'excel' ? 'guidanceExcel' : 'guidanceFile')}
        </p>
        {c.hostKind === 'excel' && (
          <Button size="small" className={s.fileButton} onClick={() => void c.refresh()}>
            {text(lang, 'pane', 'retry')}
          </Button>
        )}
      </div>
    );
  }
  const a = state.assessment;
  if (!a) return null;
  const update = (patch: Partial<PaneSettings>) => c.update(patch);
  const p = state.preview;
  const goal = p && (p.status === 'plan' || p.status === 'reached' || p.status === 'unreachable') ? p.goal : null;
  return (
    <>
      <IndexCard assessment={a} lang={lang} />
      {a.scores && <Target state={state} onTarget={(t) => update({ target: t })} />}
      <ActionBar state={state} onGenerate={() => void c.generate()} output={props.output} secondary={props.secondary} />
      <Problems problems={state.problems} lang={lang} selectable={c.hostKind === 'excel'} selected={state.selected} guidance={state.guidance} onSelect={(pr) => void c.selectProblem(pr)} />
      <ScoreBars assessment={a} lang={lang} basisRounded={state.settings.basis === 'rounded'} goal={goal} />
      <Settings assessment={a} settings={state.settings} onChange={update} />
      {a.framework && (
        <p className={s.muted} data-testid="regulation">
          {a.framework.regulation.title}
          {a.framework.regulation.subject ? ` — ${a.framework.regulation.subject}` : ''}. {usedFor(a.framework, lang)}
        </p>
      )}
    </>
  );
}

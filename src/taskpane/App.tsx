/**
 * The task pane. Inside Excel it works on the open workbook (an ExcelHost); outside Excel it offers
 * "open a workbook (.xlsx)" and works on that file in the browser (a BrowserHost), ending with a download.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Button, Field, FluentProvider, MessageBar, MessageBarBody, Select, Spinner, webLightTheme } from '@fluentui/react-components';
import type { WorkbookHost } from '../core/host';
import type { Lang } from '../core/types';
import { text } from '../core/i18n';
import { PaneController, type PaneSettings, type PaneState } from './controller';
import { BrowserHost, type BrowserOutput } from './browser-host';
import { FrameworkInfo, IndexCard, ScoreBars } from './components/Summary';
import { Problems } from './components/Problems';
import { Settings } from './components/Settings';
import { GenerateAction, Target } from './components/Target';
import { FilePicker } from './components/FilePicker';
import { Unsupported } from './components/Unsupported';
import { Compare } from './components/Compare';
import { useStyles } from './components/styles';

export type PaneEnvironment =
  | { readonly kind: 'excel'; readonly host: WorkbookHost; readonly lang: Lang }
  | { readonly kind: 'browser'; readonly lang: Lang };

export interface AppProps {
  readonly env: PaneEnvironment;
  /** Lets the page expose the controller (tests, the ribbon command opening the pane). */
  readonly onController?: (c: PaneController | null) => void;
  /** Inside an Excel that lacks a required set: what is missing, and the browser page to use instead. */
  readonly unsupported?: { readonly missing: readonly string[]; readonly browserPage: string };
}

const NO_STATE: PaneState | null = null;

function useController(c: PaneController | null): PaneState | null {
  const subscribe = useCallback((l: () => void) => (c ? c.subscribe(l) : () => undefined), [c]);
  const get = useCallback(() => (c ? c.getState() : NO_STATE), [c]);
  return useSyncExternalStore(subscribe, get, get);
}

export function App(props: AppProps) {
  const { env } = props;
  const [lang, setLang] = useState<Lang>(env.lang);
  const [controller, setController] = useState<PaneController | null>(null);
  const [browserHost, setBrowserHost] = useState<BrowserHost | null>(null);
  const [output, setOutput] = useState<BrowserOutput | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;
  // The callback may be a new function on every render: keep the latest in a ref, never re-create controllers for it.
  const onControllerRef = useRef(props.onController);
  onControllerRef.current = props.onController;
  const onController = useCallback((c: PaneController | null) => onControllerRef.current?.(c), []);

  // Inside Excel: one controller for the open workbook.
  useEffect(() => {
    if (env.kind !== 'excel') return;
    const c = new PaneController(env.host, { settings: { lang: langRef.current } });
    setController(c);
    onController?.(c);
    void c.start();
    return () => {
      c.dispose();
      onController?.(null);
    };
  }, [env, onController]);

  // Outside Excel: a controller per opened file.
  useEffect(() => {
    if (!browserHost) return;
    const c = new PaneController(browserHost, { settings: { lang: langRef.current } });
    setController(c);
    setOutput(null);
    onController?.(c);
    const off = subscribeOutput(browserHost, c, setOutput);
    void c.start();
    return () => {
      off();
      c.dispose();
      onController?.(null);
    };
  }, [browserHost, onController]);

  const changeLang = (l: Lang) => {
    setLang(l);
    controller?.update({ lang: l });
    try {
      window.localStorage?.setItem('spbe.lang', l);
    } catch {
      /* storage may be unavailable */
    }
  };

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = text(lang, 'pane', 'appTitle');
  }, [lang]);

  const onFile = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    setBrowserHost(new BrowserHost(file.name, bytes));
  };

  const s = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={s.root}>
        <header className={s.header}>
          <h1 className={s.title}>{text(lang, 'pane', 'appTitle')}</h1>
          <Field label={text(lang, 'pane', 'language')} size="small">
            <Select className={s.langSelect} size="small" data-testid="lang-select" value={lang} onChange={(_, d) => changeLang(d.value as Lang)}>
              <option value="id" lang="id">
                {text('id', 'pane', 'languageId')}
              </option>
              <option value="en" lang="en">
                {text('en', 'pane', 'languageEn')}
              </option>
            </Select>
          </Field>
        </header>
        {props.unsupported && <Unsupported lang={lang} missing={props.unsupported.missing} browserPage={props.unsupported.browserPage} />}
        {env.kind === 'browser' && <FilePicker lang={lang} fileName={browserHost?.fileName ?? null} onFile={(f) => void onFile(f)} />}
        {controller && <Pane key={controllerKey(controller)} controller={controller} output={output} />}
        {controller && <Compare host={env.kind === 'excel' ? env.host : browserHost!} pane={controller} lang={lang} />}
      </main>
    </FluentProvider>
  );
}

const keys = new WeakMap<PaneController, number>();
let nextKey = 0;
/** A fresh component state (target inputs, folded warnings) for every workbook opened. */
function controllerKey(c: PaneController): number {
  let k = keys.get(c);
  if (k === undefined) {
    k = ++nextKey;
    keys.set(c, k);
  }
  return k;
}

function subscribeOutput(host: BrowserHost, c: PaneController, set: (o: BrowserOutput | null) => void): () => void {
  return c.subscribe(() => {
    const st = c.getState();
    set(st.write.phase === 'done' ? host.getOutput() : null);
  });
}

function Pane(props: { controller: PaneController; output: BrowserOutput | null }) {
  const c = props.controller;
  const state = useController(c);
  const s = useStyles();
  if (!state) return null;
  const lang = state.settings.lang;
  if (state.phase === 'idle' || (state.phase === 'reading' && !state.assessment)) {
    return <Spinner label={text(lang, 'pane', 'reading')} data-testid="reading" />;
  }
  if (state.phase === 'failed') {
    return (
      <MessageBar intent="error" data-testid="read-error" role="alert">
        <MessageBarBody>
          {state.readError}{' '}
          {c.hostKind === 'excel' && (
            <Button size="small" onClick={() => void c.refresh()}>
              {text(lang, 'pane', 'retry')}
            </Button>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const a = state.assessment;
  if (!a) return null;
  const update = (patch: Partial<PaneSettings>) => c.update(patch);
  return (
    <>
      <FrameworkInfo assessment={a} lang={lang} />
      <IndexCard assessment={a} lang={lang} />
      <Problems
        problems={state.problems}
        lang={lang}
        selectable={c.hostKind === 'excel'}
        selected={state.selected}
        onSelect={(p) => void c.selectProblem(p)}
      />
      <ScoreBars assessment={a} lang={lang} basisRounded={state.settings.basis === 'rounded'} />
      {a.scores && <Target state={state} onTarget={(t) => update({ target: t })} onGenerate={() => void c.generate()} output={props.output} />}
      {!a.scores && <GenerateAction state={state} onGenerate={() => void c.generate()} output={props.output} />}
      <Settings assessment={a} settings={state.settings} onChange={update} />
    </>
  );
}

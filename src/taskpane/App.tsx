/**
 * The task pane. Inside Excel it works on the open workbook (an ExcelHost); outside Excel it offers
 * "open a workbook (.xlsx)" and works on that file in the browser (a BrowserHost), ending with a download.
 *
 * This module is the pane's shell and part of the page's first script: the title, the language, the file
 * picker and a loading line, in plain elements styled by the page's CSS (taskpane.html, classes sp-*). The pane
 * itself (index card, target and plan, action bar, problems, bars, settings: Fluent UI) is the lazy chunk
 * "pane-details" (./components/PaneDetails.tsx), fetched while the workbook is read; the engine is the lazy chunk
 * "pane-engine" (controller.ts).
 */
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import type { WorkbookHost } from '../core/host';
import type { Lang } from '../core/types';
import { text } from '../core/i18n';
import { PaneController } from './controller';
import { BrowserHost, type BrowserOutput } from './browser-host';
import { FilePicker } from './components/FilePicker';

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

/** The pane's body (Fluent UI), its own chunk. */
const PaneDetails = lazy(() => import(/* webpackChunkName: "pane-details" */ './components/PaneDetails'));

/** Shown while the workbook is read and the pane's chunks arrive. */
export function Loading(props: { lang: Lang }) {
  return (
    <div className="sp-loading" role="status" data-testid="reading">
      <span className="sp-spinner" aria-hidden="true" />
      <span>{text(props.lang, 'pane', 'reading')}</span>
    </div>
  );
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

  return (
    <main className="sp-root">
      <header className="sp-header">
        <h1 className="sp-title">{text(lang, 'pane', 'appTitle')}</h1>
        <label className="sp-field">
          {text(lang, 'pane', 'language')}
          <select className="sp-select" data-testid="lang-select" value={lang} onChange={(e) => changeLang(e.currentTarget.value as Lang)}>
            <option value="id" lang="id">
              {text('id', 'pane', 'languageId')}
            </option>
            <option value="en" lang="en">
              {text('en', 'pane', 'languageEn')}
            </option>
          </select>
        </label>
      </header>
      {env.kind === 'browser' && <FilePicker lang={lang} fileName={browserHost?.fileName ?? null} onFile={(f) => void onFile(f)} />}
      {(controller || props.unsupported) && (
        <Suspense fallback={<Loading lang={lang} />}>
          <PaneDetails key={controller ? controllerKey(controller) : 0} controller={controller} output={output} lang={lang} unsupported={props.unsupported} />
        </Suspense>
      )}
    </main>
  );
}

const keys = new WeakMap<PaneController, number>();
let nextKey = 0;
/** A fresh component state (target inputs, folded groups) for every workbook opened. */
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

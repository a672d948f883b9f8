/**
 * The task pane's entry (the shared runtime page taskpane.html). This is the bundle's entry point: the
 * only module of the pane that runs at load. In this order:
 * 1. the ribbon's one-click command is registered with Office at once, before anything is awaited (Excel
 *    may deliver the first click as soon as the runtime has loaded; a late Office.actions.associate loses
 *    it). Its workbook is whatever host detection finds when the button is used (DeferredHost);
 * 2. host detection: inside Excel the pane works on the open workbook, following it only while the pane
 *    is visible (VisibilityGatedHost); outside Excel on a file the user opens;
 * 3. inside an Excel that lacks a required set, the pane says so and points to the browser page.
 * The ribbon's workflow is the application layer's (src/app/ribbon.ts); no entry point imports another.
 * Office is touched only through src/excel/detect.ts.
 */
import { createRoot } from 'react-dom/client';
import { App, type PaneEnvironment } from './App';
import { detectEnvironment } from './environment';
import type { PaneController } from './controller';
import type { WorkbookHost } from '../core/host';
import { DeferredHost } from './deferred-host';
import { followPaneVisibility } from './visibility';
import { langFromTag } from '../core/i18n';
import { detectExcelHost, displayLanguage, missingRequirements, officeCommands, paneVisibility } from '../excel/detect';
import { registerCommands } from '../app/ribbon';

let current: PaneController | null = null;

function registerRibbon(found: Promise<WorkbookHost | null>): void {
  registerCommands(officeCommands(), () => new DeferredHost(found), {
    lang: () => current?.getState().settings.lang ?? langFromTag(displayLanguage()),
    // After the ribbon command ran, an open pane shows what it did and the workbook as it is now.
    notify: (outcome) => {
      if (outcome.kind === 'written') current?.showWriteResult({ sheetName: outcome.sheetName, replaced: outcome.replaced }, outcome.teamEntries);
      else if (outcome.kind === 'failed') current?.showWriteFailure(outcome.error);
      void current?.refresh();
    },
  });
}

/** This page's address without Office's query parameters: opened in a browser, it works on a file. */
function browserPage(): string {
  return new URL(window.location.pathname, window.location.href).href;
}

async function main(): Promise<void> {
  let settle: (host: WorkbookHost | null) => void = () => undefined;
  const found = new Promise<WorkbookHost | null>((resolve) => (settle = resolve));
  registerRibbon(found);
  detectExcelHost().then(settle, () => settle(null));
  let env: PaneEnvironment = await detectEnvironment(() => found);
  let unsupported: { missing: string[]; browserPage: string } | undefined;
  if (env.kind === 'excel') {
    const followed = await followPaneVisibility(env.host, paneVisibility(), document);
    env = { ...env, host: followed.host };
    const missing = missingRequirements();
    if (missing.length > 0) unsupported = { missing, browserPage: browserPage() };
  }
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <App
      env={env}
      unsupported={unsupported}
      onController={(c) => {
        current = c;
      }}
    />,
  );
}

void main();

/**
 * The task pane's entry (the shared runtime page taskpane.html). Finds out whether it runs inside Excel,
 * then renders the pane on the open workbook, or, outside Excel, on a file the user opens. Inside Excel
 * it also registers the ribbon's one-click command in this shared runtime: the application layer's
 * workflow (src/app/ribbon.ts, also the ribbon entry's), bound to Office through src/excel/detect.ts,
 * the only code that touches the Office and Excel globals. No entry point imports another.
 * This is the bundle's entry point: the only module of the pane that runs at load.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectEnvironment } from './environment';
import type { PaneController } from './controller';
import { detectExcelHost, officeCommands } from '../excel/detect';
import { registerCommands } from '../app/ribbon';

let current: PaneController | null = null;

async function main(): Promise<void> {
  const env = await detectEnvironment(() => detectExcelHost());
  if (env.kind === 'excel') {
    const host = env.host;
    registerCommands(officeCommands(), () => host, {
      lang: () => current?.getState().settings.lang ?? env.lang,
      // After the ribbon command ran, an open pane shows what it did and the workbook as it is now.
      notify: (outcome) => {
        if (outcome.kind === 'written') current?.showWriteResult({ sheetName: outcome.sheetName, replaced: outcome.replaced });
        else if (outcome.kind === 'failed') current?.showWriteFailure(outcome.error);
        void current?.refresh();
      },
    });
  }
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <App
      env={env}
      onController={(c) => {
        current = c;
      }}
    />,
  );
}

void main();

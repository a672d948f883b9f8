/**
 * The task pane's entry (the shared runtime page taskpane.html). Finds out whether it runs inside Excel,
 * then renders the pane on the open workbook, or, outside Excel, on a file the user opens. Inside Excel
 * it also registers the ribbon's one-click command (Office.actions.associate) in this shared runtime.
 * This is the bundle's entry point: the only module of the pane that runs at load.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectEnvironment } from './environment';
import type { PaneController } from './controller';
import { detectExcelHost } from '../excel/detect';
import { registerCommands } from '../commands/commands';

let current: PaneController | null = null;

async function main(): Promise<void> {
  const env = await detectEnvironment(() => detectExcelHost());
  if (env.kind === 'excel') {
    const office = (globalThis as unknown as { Office?: Parameters<typeof registerCommands>[0] }).Office;
    const host = env.host;
    registerCommands(office, () => host, {
      lang: () => current?.getState().settings.lang ?? env.lang,
      // After the ribbon command ran, an open pane shows what it did and the workbook as it is now.
      notify: (outcome) => {
        if (outcome.kind === 'written') current?.showWriteResult({ sheetName: outcome.sheetName, replaced: outcome.replaced });
        else if (outcome.kind === 'failed') current?.showWriteFailure(outcome.message);
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

/**
 * The pane follows the workbook only while it is visible.
 *
 * In the shared runtime the page keeps running after the user closes the task pane (the custom functions
 * and the ribbon live in it too). A pane that still listened to every edit would re-read the whole workbook
 * after each one for nobody. `VisibilityGatedHost` wraps the workbook host: while the pane is hidden it holds
 * no change subscription at all (so Excel sends no events), and when the pane is shown again it subscribes
 * again and tells its listeners once, so the pane catches up with what changed meanwhile in one re-read.
 *
 * Where visibility comes from (`followPaneVisibility`): Office's own event (Office.addin.onVisibilityModeChanged,
 * through src/excel/detect.ts) is the authority. Before Office has said anything, the page's visibility is the
 * best hint: a runtime started for the custom functions or the ribbon, with the pane never shown, has a hidden
 * document, and a pane loaded in a background browser tab (Excel on the web) becomes visible with its tab.
 */
import type { WorkbookHost, WriteResult } from '../core/host';
import type { Grid } from '../core/types';
import type { SheetModel } from '../core/sheet-model';

export class VisibilityGatedHost implements WorkbookHost {
  readonly kind: WorkbookHost['kind'];
  readonly displayLanguage?: string;
  private visible: boolean;
  private readonly listeners = new Set<() => void>();
  /** Stops the inner host's subscription; null while there is none. */
  private off: (() => void) | null = null;
  /** Subscribing and unsubscribing are asynchronous: they run one after the other, in order. */
  private queue: Promise<void> = Promise.resolve();
  /** Counts the inner subscriptions made (tests and the bench look at it). */
  subscriptions = 0;

  constructor(private readonly inner: WorkbookHost, options: { readonly visible?: boolean } = {}) {
    this.kind = inner.kind;
    this.displayLanguage = inner.displayLanguage;
    this.visible = options.visible ?? true;
  }

  get isVisible(): boolean {
    return this.visible;
  }

  /** True while the inner host reports changes to this wrapper. */
  get following(): boolean {
    return this.off !== null;
  }

  readGrids(): Promise<Grid[]> {
    return this.inner.readGrids();
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.inner.selectCell(sheet, address);
  }

  writeSheet(model: SheetModel): Promise<WriteResult> {
    return this.inner.writeSheet(model);
  }

  /** Calls back on edits while the pane is visible, and once after it is shown again. */
  async onChange(callback: () => void): Promise<() => void> {
    this.listeners.add(callback);
    await this.reconcile(true);
    return () => {
      if (!this.listeners.delete(callback)) return;
      void this.reconcile(false);
    };
  }

  /** The pane was shown (true) or hidden (false). Showing it again tells the listeners once. */
  setVisible(visible: boolean): Promise<void> {
    if (visible === this.visible) return this.queue;
    this.visible = visible;
    const done = this.reconcile(false);
    if (!visible) return done;
    return done.then(() => {
      if (this.visible) for (const l of [...this.listeners]) l();
    });
  }

  /**
   * Brings the inner subscription in line with what is wanted now (visible and someone listening).
   * `rethrow`: the caller of onChange learns that the host cannot report changes (the pane then works
   * without live updates); later attempts (on show) fail quietly for the same reason.
   */
  private reconcile(rethrow: boolean): Promise<void> {
    const run = this.queue.then(async () => {
      const wanted = this.visible && this.listeners.size > 0;
      if (wanted && !this.off) {
        this.subscriptions++;
        this.off = await this.inner.onChange(() => {
          if (this.visible) for (const l of [...this.listeners]) l();
        });
      } else if (!wanted && this.off) {
        const off = this.off;
        this.off = null;
        off();
      }
    });
    this.queue = run.catch(() => undefined);
    return rethrow ? run : this.queue;
  }
}

/** What the pane learns about its visibility from Office (src/excel/detect.ts's PaneVisibilityPort). */
export interface VisibilityEvents {
  onChange(handler: (visible: boolean) => void): Promise<() => void>;
}

/** The page's own visibility (the DOM `document`), used until Office says something. */
export interface PageVisibility {
  readonly visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/**
 * Wraps `host` so that it follows the workbook only while the pane is visible. Without Office's
 * visibility event the host is returned as it is (the pane then always follows the workbook).
 */
export async function followPaneVisibility(
  host: WorkbookHost,
  office: VisibilityEvents | null,
  page: PageVisibility | null,
): Promise<{ host: WorkbookHost; gate: VisibilityGatedHost | null; stop: () => void }> {
  if (!office) return { host, gate: null, stop: () => undefined };
  const gate = new VisibilityGatedHost(host, { visible: page ? page.visibilityState !== 'hidden' : true });
  let officeSpoke = false;
  const onPage = () => {
    if (!officeSpoke && page?.visibilityState === 'visible') void gate.setVisible(true);
  };
  page?.addEventListener('visibilitychange', onPage);
  let stopOffice: () => void = () => undefined;
  try {
    stopOffice = await office.onChange((visible) => {
      officeSpoke = true;
      void gate.setVisible(visible);
    });
  } catch {
    // Office could not register the handler: the page's visibility is all there is.
  }
  return {
    host: gate,
    gate,
    stop: () => {
      page?.removeEventListener('visibilitychange', onPage);
      stopOffice();
    },
  };
}

/**
 * The pane follows the workbook only while it is visible (src/taskpane/visibility.ts), with Office's
 * visibility event through src/excel/detect.ts; the ribbon command's host that waits for detection
 * (src/taskpane/deferred-host.ts); and what detect.ts reads of Office for them.
 */
import { PaneController } from '../../src/taskpane/controller';
import { VisibilityGatedHost, followPaneVisibility, type PageVisibility } from '../../src/taskpane/visibility';
import { DeferredHost } from '../../src/taskpane/deferred-host';
import { generateGapSheet, registerCommands, GENERATE_GAP_ACTION } from '../../src/commands/commands';
import { missingRequirements, officeCommands, paneVisibility, REQUIRED_SETS } from '../../src/excel/detect';
import { SPBE2020 } from '../../src/core/frameworks';
import type { WorkbookHost } from '../../src/core/host';
import { FakeHost } from './fake-host';
import { assessmentGrid, rowOf } from './grids';

jest.setTimeout(30_000);

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/** Office.addin.onVisibilityModeChanged as Office offers it, with a way to play the user opening and closing the pane. */
function fakeOffice() {
  let handlers: Array<(m: { visibilityMode: string }) => void> = [];
  const Office = {
    VisibilityMode: { hidden: 'Hidden', taskpane: 'Taskpane' },
    addin: {
      onVisibilityModeChanged: async (h: (m: { visibilityMode: string }) => void) => {
        handlers.push(h);
        return async () => {
          handlers = handlers.filter((x) => x !== h);
        };
      },
    },
  };
  return { Office, set: (mode: 'Hidden' | 'Taskpane') => handlers.forEach((h) => h({ visibilityMode: mode })), count: () => handlers.length };
}

function fakePage(state: 'visible' | 'hidden'): PageVisibility & { set(s: 'visible' | 'hidden'): void; listeners: number } {
  let listeners: Array<() => void> = [];
  const page = {
    visibilityState: state as string,
    addEventListener: (_: 'visibilitychange', l: () => void) => void listeners.push(l),
    removeEventListener: (_: 'visibilitychange', l: () => void) => void (listeners = listeners.filter((x) => x !== l)),
    set(s: 'visible' | 'hidden') {
      page.visibilityState = s;
      listeners.forEach((l) => l());
    },
    get listeners() {
      return listeners.length;
    },
  };
  return page;
}

describe('VisibilityGatedHost', () => {
  test('hidden: no subscription, edits reach nobody; shown again: subscribed again and one catch-up call', async () => {
    const inner = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    const gate = new VisibilityGatedHost(inner);
    let calls = 0;
    const off = await gate.onChange(() => calls++);
    expect(inner.listenerCount).toBe(1);
    inner.edit(rowOf(SPBE2020, 1), 2, 4);
    expect(calls).toBe(1);

    await gate.setVisible(false);
    expect(inner.listenerCount).toBe(0);
    expect(gate.following).toBe(false);
    inner.edit(rowOf(SPBE2020, 2), 2, 4);
    inner.edit(rowOf(SPBE2020, 3), 2, 4);
    expect(calls).toBe(1);

    await gate.setVisible(true);
    expect(inner.listenerCount).toBe(1);
    expect(calls).toBe(2); // the catch-up, once for any number of edits made meanwhile
    inner.edit(rowOf(SPBE2020, 4), 2, 4);
    expect(calls).toBe(3);

    // Telling it what it already knows changes nothing (no extra catch-up).
    await gate.setVisible(true);
    expect(calls).toBe(3);
    expect(gate.subscriptions).toBe(2);

    off();
    await flush();
    expect(inner.listenerCount).toBe(0);
  });

  test('starting hidden: nothing is subscribed until the pane is shown; reads, selects and writes pass through', async () => {
    const inner = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    const gate = new VisibilityGatedHost(inner, { visible: false });
    expect(gate.kind).toBe('excel');
    let calls = 0;
    await gate.onChange(() => calls++);
    expect(inner.listenerCount).toBe(0);
    expect((await gate.readGrids())[0].name).toBe(inner.grids[0].name);
    await gate.selectCell('Penilaian', 'C7');
    expect(inner.selected).toEqual([['Penilaian', 'C7']]);
    await gate.setVisible(true);
    expect(inner.listenerCount).toBe(1);
    expect(calls).toBe(1);
  });

  test('hide and show in quick succession end in the last state, with one subscription at most', async () => {
    const inner = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    const gate = new VisibilityGatedHost(inner);
    await gate.onChange(() => undefined);
    void gate.setVisible(false);
    void gate.setVisible(true);
    void gate.setVisible(false);
    await gate.setVisible(true);
    expect(inner.listenerCount).toBe(1);
    void gate.setVisible(false);
    await gate.setVisible(false);
    expect(inner.listenerCount).toBe(0);
  });

  test('a host that cannot report changes: onChange fails as before (the pane works without live updates); showing later does not throw', async () => {
    const inner = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    inner.onChange = async () => {
      throw new Error('no events here');
    };
    const gate = new VisibilityGatedHost(inner);
    await expect(gate.onChange(() => undefined)).rejects.toThrow('no events here');
    await gate.setVisible(false);
    await expect(gate.setVisible(true)).resolves.toBeUndefined();
  });

  test('with the pane controller: hidden, edits cause no read; shown, one read brings the pane up to date', async () => {
    const inner = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    const gate = new VisibilityGatedHost(inner);
    const timers: Array<() => void> = [];
    const c = new PaneController(gate, { setTimeout: (fn) => timers.push(fn), clearTimeout: () => undefined });
    await c.start();
    expect(inner.reads).toBe(1);
    expect(c.getState().assessment?.scores?.predicate).toBe('Baik');

    await gate.setVisible(false);
    for (let no = 1; no <= 47; no++) inner.edit(rowOf(SPBE2020, no), 2, 5);
    expect(timers).toHaveLength(0);
    expect(inner.reads).toBe(1);

    await gate.setVisible(true);
    expect(timers).toHaveLength(1); // one debounced re-read, not 47
    timers.shift()!();
    await flush();
    expect(inner.reads).toBe(2);
    expect(c.getState().assessment?.scores?.predicate).toBe('Memuaskan');
    c.dispose();
    await flush();
    expect(inner.listenerCount).toBe(0);
  });
});

describe('followPaneVisibility (Office decides; the page is the hint until Office speaks)', () => {
  test("Office's Hidden and Taskpane switch the subscription", async () => {
    const inner = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    const office = fakeOffice();
    const followed = await followPaneVisibility(inner, paneVisibility({ Office: office.Office }), fakePage('visible'));
    expect(followed.gate).not.toBeNull();
    let calls = 0;
    await followed.host.onChange(() => calls++);
    expect(inner.listenerCount).toBe(1);
    office.set('Hidden');
    await flush();
    expect(inner.listenerCount).toBe(0);
    office.set('Taskpane');
    await flush();
    expect(inner.listenerCount).toBe(1);
    expect(calls).toBe(1);
    followed.stop();
    await flush();
    expect(office.count()).toBe(0);
  });

  test('a runtime started with the pane closed (hidden page) does not follow the workbook until the pane is shown', async () => {
    const inner = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    const office = fakeOffice();
    const page = fakePage('hidden');
    const followed = await followPaneVisibility(inner, paneVisibility({ Office: office.Office }), page);
    await followed.host.onChange(() => undefined);
    expect(inner.listenerCount).toBe(0);
    // e.g. Excel on the web loaded in a background tab: the page becomes visible with its tab
    page.set('visible');
    await flush();
    expect(inner.listenerCount).toBe(1);
  });

  test('once Office has spoken, the page visibility no longer decides', async () => {
    const inner = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    const office = fakeOffice();
    const page = fakePage('visible');
    const followed = await followPaneVisibility(inner, paneVisibility({ Office: office.Office }), page);
    await followed.host.onChange(() => undefined);
    office.set('Hidden');
    await flush();
    page.set('hidden');
    page.set('visible');
    await flush();
    expect(inner.listenerCount).toBe(0);
    followed.stop();
    expect(page.listeners).toBe(0);
  });

  test("without Office's visibility event the host is used as it is", async () => {
    const inner = new FakeHost([]);
    const followed = await followPaneVisibility(inner, paneVisibility({ Office: { addin: {} } }), fakePage('visible'));
    expect(followed.host).toBe(inner);
    expect(followed.gate).toBeNull();
    expect(paneVisibility({})).toBeNull();
  });
});

describe('the ribbon command is registered before host detection (DeferredHost)', () => {
  test('a click that comes before detection finished waits for it, then writes', async () => {
    const inner = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    let settle: (h: WorkbookHost | null) => void = () => undefined;
    const found = new Promise<WorkbookHost | null>((r) => (settle = r));
    const handlers: Record<string, (e: { completed(): void }) => void> = {};
    const Office = { actions: { associate: (id: string, fn: (e: { completed(): void }) => void) => void (handlers[id] = fn) }, addin: { showAsTaskpane: async () => undefined } };
    expect(registerCommands(officeCommands({ Office }), () => new DeferredHost(found))).toBe(true);
    expect(Object.keys(handlers)).toEqual([GENERATE_GAP_ACTION]);
    let completed = false;
    const done = new Promise<void>((resolve) =>
      handlers[GENERATE_GAP_ACTION]({
        completed: () => {
          completed = true;
          resolve();
        },
      }),
    );
    await flush();
    expect(completed).toBe(false);
    expect(inner.written).toHaveLength(0);
    settle(inner);
    await done;
    expect(inner.written).toHaveLength(1);
  });

  test('not inside Excel after all: the command fails in words and opens the pane', async () => {
    let shown = 0;
    const outcome = await generateGapSheet({ host: new DeferredHost(Promise.resolve(null)), showTaskpane: async () => void shown++ });
    expect(outcome).toMatchObject({ kind: 'failed', message: expect.stringContaining('does not run inside Excel') });
    expect(shown).toBe(1);
  });
});

describe('requirement sets (detect.ts)', () => {
  test('the sets Office lacks, as "Name version"; none when Office cannot say', () => {
    const office = (missing: string[]) => ({ context: { requirements: { isSetSupported: (name: string) => !missing.includes(name) } } });
    expect(missingRequirements({ Office: office([]) })).toEqual([]);
    expect(missingRequirements({ Office: office(['CustomFunctionsRuntime', 'SharedRuntime']) })).toEqual(['SharedRuntime 1.1', 'CustomFunctionsRuntime 1.2']);
    expect(missingRequirements({ Office: {} })).toEqual([]);
    expect(missingRequirements({})).toEqual([]);
    const asked: string[] = [];
    missingRequirements({ Office: { context: { requirements: { isSetSupported: (n: string, v: string) => (asked.push(`${n} ${v}`), true) } } } });
    expect(asked).toEqual(REQUIRED_SETS.map(([n, v]) => `${n} ${v}`));
  });
});

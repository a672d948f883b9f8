/**
 * The pane's behaviour without a browser: what the user sees after opening the pane, editing cells,
 * clicking a problem, choosing a target and pressing "Buat Sheet Gap".
 */
import { PaneController, type PaneState } from '../../src/taskpane/controller';
import { SheetWriteError } from '../../src/excel/write';
import { SPBE2018, SPBE2020, PEMDI2026 } from '../../src/core/frameworks';
import { FakeHost } from './fake-host';
import { assessmentGrid, rowOf } from './grids';

// Generous per-test time: the suite may share two cores with a webpack build and Chromium.
jest.setTimeout(30_000);

const LEVEL_COL = 2; // column C

function controllerOn(host: FakeHost, settings = {}) {
  return new PaneController(host, { settings });
}

function errors(st: PaneState) {
  return st.problems.filter((p) => p.severity === 'error');
}

afterEach(() => {
  jest.useRealTimers();
});

describe('reading the open workbook', () => {
  test('shows the framework, the index and its predicate', async () => {
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    const c = controllerOn(host);
    await c.start();
    const st = c.getState();
    expect(st.phase).toBe('ready');
    expect(st.assessment?.framework?.id).toBe('spbe2020');
    expect(st.assessment?.scores?.indexRounded).toBe(3);
    expect(st.assessment?.scores?.predicate).toBe('Baik');
    expect(st.problems).toEqual([]);
    expect(host.listenerCount).toBe(1);
    c.dispose();
    expect(host.listenerCount).toBe(0);
  });

  test('a workbook that cannot be read gives a message in the user language, not an exception', async () => {
    const host = new FakeHost([]);
    host.failRead = new Error('request payload too large');
    const c = controllerOn(host, { lang: 'en' });
    await c.start();
    expect(c.getState().phase).toBe('failed');
    expect(c.getState().readError).toBe('The workbook could not be read: request payload too large');
    c.update({ lang: 'id' });
    expect(c.getState().readError).toBe('Buku kerja tidak dapat dibaca: request payload too large');
    // the next successful read recovers
    host.failRead = null;
    host.grids = [assessmentGrid({ fw: SPBE2020, levels: () => 3 })];
    await c.refresh();
    expect(c.getState()).toMatchObject({ phase: 'ready', readError: null });
  });

  test('a workbook without a table says what was looked for and gives no index', async () => {
    const host = new FakeHost([{ name: 'Sheet1', values: [['hello'], [1, 2, 3]] }]);
    const c = controllerOn(host);
    await c.start();
    const st = c.getState();
    expect(st.phase).toBe('ready');
    expect(st.assessment?.scores).toBeNull();
    expect(errors(st).length).toBeGreaterThan(0);
  });
});

describe('problems', () => {
  test('errors come first, each with its cell; clicking one selects that cell', async () => {
    const grid = assessmentGrid({ fw: SPBE2020, levels: (n) => (n === 5 ? 'belum' : n === 9 ? 7 : 3), selfAssessment: () => 2 });
    const host = new FakeHost([grid]);
    const c = controllerOn(host);
    await c.start();
    const st = c.getState();
    expect(st.assessment?.scores).toBeNull();
    const sev = st.problems.map((p) => p.severity);
    // the only other item says which level column was used: a note, after the errors
    expect(sev.indexOf('info')).toBeGreaterThan(sev.lastIndexOf('error'));
    const cells = errors(st).map((p) => p.cell);
    expect(cells).toEqual(expect.arrayContaining([`D${rowOf(SPBE2020, 5)}`, `D${rowOf(SPBE2020, 9)}`]));
    const first = errors(st)[0];
    await c.selectProblem(first);
    expect(host.selected).toEqual([['Penilaian', first.cell]]);
    expect(c.getState().selected).toBe(`Penilaian!${first.cell}`);
  });

  test('fixing a cell clears its problem without a button, once the edits pause (debounced)', async () => {
    jest.useFakeTimers();
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: (n) => (n === 12 ? 0 : 2) })]);
    const c = controllerOn(host);
    await c.start();
    expect(errors(c.getState()).map((p) => p.cell)).toEqual([`C${rowOf(SPBE2020, 12)}`]);
    expect(c.getState().assessment?.scores).toBeNull();
    const readsBefore = host.reads;

    // The user types three times in quick succession: one re-read after the pause.
    host.edit(rowOf(SPBE2020, 12), LEVEL_COL, 9);
    await jest.advanceTimersByTimeAsync(100);
    host.edit(rowOf(SPBE2020, 12), LEVEL_COL, 4);
    await jest.advanceTimersByTimeAsync(100);
    host.edit(rowOf(SPBE2020, 12), LEVEL_COL, 3);
    await jest.advanceTimersByTimeAsync(299);
    expect(host.reads).toBe(readsBefore);
    await jest.advanceTimersByTimeAsync(1);
    expect(host.reads).toBe(readsBefore + 1);

    const st = c.getState();
    expect(st.problems).toEqual([]);
    // 46 indicators at 2 and indicator 12 (2.50 %) at 3: 2 + 0.025
    expect(st.assessment?.scores?.index).toBeCloseTo(2.025, 12);
    expect(st.assessment?.scores?.predicate).toBe('Cukup');
    c.dispose();
  });

  test('editing a level updates the index', async () => {
    jest.useFakeTimers();
    const host = new FakeHost([assessmentGrid({ fw: SPBE2018, levels: () => 2 })]);
    const c = controllerOn(host);
    await c.start();
    expect(c.getState().assessment?.scores?.indexRounded).toBe(2);
    host.edit(rowOf(SPBE2018, 25), LEVEL_COL, 5); // 5 % weight: +0.15
    await jest.advanceTimersByTimeAsync(300);
    expect(c.getState().assessment?.scores?.indexRounded).toBe(2.15);
    c.dispose();
  });
});

describe('overrides and settings', () => {
  test('the level column can be chosen among the stage columns', async () => {
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 4, selfAssessment: () => 2 })]);
    const c = controllerOn(host);
    await c.start();
    expect(c.getState().assessment?.table?.levelColumn.header).toBe('Nilai Akhir');
    expect(c.getState().assessment?.scores?.indexRounded).toBe(4);
    const cols = c.getState().assessment?.table?.levelColumns ?? [];
    const mandiri = cols.find((x) => x.header === 'Penilaian Mandiri');
    expect(mandiri).toBeDefined();
    c.update({ column: mandiri!.col });
    expect(c.getState().assessment?.table?.levelColumn.header).toBe('Penilaian Mandiri');
    expect(c.getState().assessment?.scores?.indexRounded).toBe(2);
    c.update({ column: null });
    expect(c.getState().assessment?.scores?.indexRounded).toBe(4);
  });

  test('the framework can be forced, and the pane says so', async () => {
    const host = new FakeHost([assessmentGrid({ fw: PEMDI2026, levels: () => 2.5 })]);
    const c = controllerOn(host);
    await c.start();
    expect(c.getState().assessment?.framework?.id).toBe('pemdi2026');
    expect(c.getState().assessment?.frameworkSource).toBe('detected');
    c.update({ framework: 'pemdi2026' });
    expect(c.getState().assessment?.frameworkSource).toBe('option');
    expect(c.getState().assessment?.scores?.indexRounded).toBe(2.5);
  });

  test('the predicate basis decides at a boundary', async () => {
    // pemdi2026: index 2.4975 is "Cukup" on the exact value and "Baik" (2.50) when rounded.
    // indicator 20 weighs 15 %: all 2.5 except indicator 20 at 2.4833… is not writable; use 19 (10 %) at 2.475.
    const host = new FakeHost([assessmentGrid({ fw: PEMDI2026, levels: (n) => (n === 19 ? 2.475 : 2.5) })]);
    const c = controllerOn(host);
    await c.start();
    expect(c.getState().assessment?.scores?.predicate).toBe('Cukup');
    c.update({ basis: 'rounded' });
    expect(c.getState().assessment?.scores?.predicate).toBe('Baik');
  });

  test('switching the language changes messages, not figures', async () => {
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    const c = controllerOn(host);
    await c.start();
    const before = c.getState();
    expect(before.preview?.status).toBe('plan');
    expect(before.preview && 'message' in before.preview && before.preview.message).toMatch(/indikator dinaikkan/);
    c.update({ lang: 'en' });
    const after = c.getState();
    expect(after.preview && 'message' in after.preview && after.preview.message).toMatch(/indicators to raise/);
    expect(after.assessment?.scores?.exact).toEqual(before.assessment?.scores?.exact);
  });
});

describe('target and plan preview', () => {
  test('by default the next predicate up, with which indicators and how many points', async () => {
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    const c = controllerOn(host);
    await c.start();
    const p = c.getState().preview;
    expect(p?.status).toBe('plan');
    if (p?.status !== 'plan') return;
    expect(p.target).toBe('Sangat Baik: indeks minimal 3,50');
    // 0.50 points at most 3.00 % per step (indicators 42–47) → the cheapest plan in steps uses the heaviest ones.
    expect(p.steps.length).toBeGreaterThan(0);
    expect(p.steps.every((s) => s.from === '3' && /^\+0,0\d+$/.test(s.points))).toBe(true);
    expect(p.message).toMatch(/3,00 → 3,5\d \(Sangat Baik\)/);
  });

  test('an index or a uniform level as target; a bad index says how to write one', async () => {
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: (n) => (n <= 10 ? 1 : 3) })]);
    const c = controllerOn(host);
    await c.start();
    c.update({ target: { kind: 'level', level: 2 } });
    let p = c.getState().preview;
    expect(p?.status).toBe('plan');
    if (p?.status === 'plan') expect(p.steps.map((s) => s.no).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // index now 1 × 13 % + 3 × 87 % = 2.74
    c.update({ target: { kind: 'index', text: '2,7' } });
    p = c.getState().preview;
    expect(p?.status).toBe('reached');
    c.update({ target: { kind: 'index', text: '2.8' } });
    p = c.getState().preview;
    expect(p?.status).toBe('plan');
    if (p?.status === 'plan') expect(p.target).toBe('Baik: indeks minimal 2,80');

    c.update({ target: { kind: 'index', text: 'dua' } });
    p = c.getState().preview;
    expect(p).toEqual({ status: 'invalid', message: 'Tulis indeks antara 1 dan 5, misalnya 2,60.' });
    const w = await c.generate();
    expect(w).toEqual({ phase: 'blocked', message: 'Tulis indeks antara 1 dan 5, misalnya 2,60.' });
    expect(host.written).toHaveLength(0);
  });

  test('already in the top band: nothing to plan for "next predicate"', async () => {
    const host = new FakeHost([assessmentGrid({ fw: SPBE2018, levels: () => 5 })]);
    const c = controllerOn(host, { lang: 'en' });
    await c.start();
    expect(c.getState().preview).toEqual({ status: 'top', message: 'Already at the highest predicate (Memuaskan).' });
  });
});

describe('Buat Sheet Gap', () => {
  test('writes the gap sheet and says which sheet', async () => {
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    const c = controllerOn(host);
    await c.start();
    const w = await c.generate();
    expect(w.phase).toBe('done');
    expect(host.written).toHaveLength(1);
    expect(host.written[0].name).toBe('Analisis Gap');
    expect(c.getState().write).toMatchObject({ phase: 'done', message: 'Lembar "Analisis Gap" telah dibuat dan diaktifkan.' });
    c.update({ lang: 'en' });
    expect(c.getState().write).toMatchObject({ phase: 'done', message: 'Sheet "Analisis Gap" was created and activated.' });
  });

  test('after writing, the pane keeps reading the assessment, never its own gap sheet', async () => {
    jest.useFakeTimers();
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 2 })]);
    const c = controllerOn(host);
    await c.start();
    await c.generate();
    expect(host.grids.map((g) => g.name)).toEqual(['Penilaian', 'Analisis Gap']);
    host.edit(rowOf(SPBE2020, 47), LEVEL_COL, 5); // 3 % weight: +0.09
    await jest.advanceTimersByTimeAsync(300);
    const st = c.getState();
    expect(st.assessment?.table?.sheet).toBe('Penilaian');
    expect(st.problems).toEqual([]);
    expect(st.assessment?.scores?.indexRounded).toBe(2.09);
    // generating again replaces the earlier sheet
    const w = await c.generate();
    expect(w).toMatchObject({ phase: 'done', message: 'Lembar "Analisis Gap" telah diperbarui dan diaktifkan.' });
    c.dispose();
  });

  test('in English the sheet is written in English', async () => {
    const host = new FakeHost([assessmentGrid({ fw: PEMDI2026, levels: () => 2 })]);
    const c = controllerOn(host, { lang: 'en' });
    await c.start();
    await c.generate();
    expect(host.written[0].name).toBe('Gap Analysis');
  });

  test('blocked while the workbook has errors, with how many; allowed once they are fixed', async () => {
    jest.useFakeTimers();
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: (n) => (n === 3 || n === 4 ? '#N/A' : 2) })]);
    const c = controllerOn(host);
    await c.start();
    const w = await c.generate();
    expect(w).toEqual({ phase: 'blocked', message: 'Lembar gap belum dapat dibuat: perbaiki dulu 2 kesalahan di daftar masalah.' });
    expect(host.written).toHaveLength(0);
    host.edit(rowOf(SPBE2020, 3), LEVEL_COL, 2);
    host.edit(rowOf(SPBE2020, 4), LEVEL_COL, 2);
    await jest.advanceTimersByTimeAsync(300);
    expect(c.getState().write.phase).toBe('idle');
    expect((await c.generate()).phase).toBe('done');
    c.dispose();
  });

  test('the state says why the button is disabled and what to do next: in Excel, click a problem; with a file, fix it, save it and open it again', async () => {
    const grids = [assessmentGrid({ fw: SPBE2020, levels: (n) => (n === 3 ? '#N/A' : 2) })];
    const c = controllerOn(new FakeHost(grids));
    await c.start();
    expect(c.getState().blocked).toBe('Lembar gap belum dapat dibuat: perbaiki dulu 1 kesalahan di daftar masalah.');
    expect(c.getState().guidance).toBe('Klik sebuah masalah untuk menuju selnya, lalu perbaiki di sana: indeks dihitung ulang sendiri.');
    c.update({ lang: 'en' });
    expect(c.getState().blocked).toBe('The gap sheet cannot be created yet: first fix the 1 error(s) in the problem list.');
    expect(c.getState().guidance).toBe('Click a problem to go to its cell and fix it there: the index is recomputed by itself.');
    const fileHost = new FakeHost(grids, 'browser');
    const f = controllerOn(fileHost);
    await f.start();
    expect(f.getState().guidance).toBe('Perbaiki berkasnya di Excel, simpan, lalu buka lagi di sini.');
    // a clean workbook: nothing blocks, nothing to guide; the default target stands for the next predicate
    const ok = controllerOn(new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 2 })]));
    await ok.start();
    expect(ok.getState()).toMatchObject({ blocked: null, guidance: null, targetKind: 'next' });
    // a target that cannot be used blocks too, with its own reason
    ok.update({ target: { kind: 'index', text: '9' } });
    expect(ok.getState()).toMatchObject({ blocked: 'Tulis indeks antara 1 dan 5, misalnya 2,60.', targetKind: 'index' });
    c.dispose();
    f.dispose();
    ok.dispose();
  });

  test('the engine is a lazy chunk: loaded once, while the workbook is read; a failed load is tried again', async () => {
    const { defaultEngine } = await import('../../src/taskpane/engine');
    let loads = 0;
    let fail = true;
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    const c = new PaneController(host, {
      loadEngine: async () => {
        loads++;
        if (fail) throw new Error('chunk failed');
        return defaultEngine;
      },
    });
    await c.start();
    expect(c.getState().phase).toBe('failed');
    fail = false;
    await c.refresh();
    await c.refresh();
    expect(c.getState().assessment?.scores?.predicate).toBe('Baik');
    expect(loads).toBe(2);
    c.dispose();
  });

  test('the outcome of the ribbon command is shown in an open pane', async () => {
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    const c = controllerOn(host, { lang: 'en' });
    await c.start();
    c.showWriteResult({ sheetName: 'Gap Analysis (2)', replaced: false });
    expect(c.getState().write).toMatchObject({ phase: 'done', message: 'Sheet "Gap Analysis (2)" was created and activated.' });
    c.showWriteFailure('GeneralException');
    expect(c.getState().write).toEqual({ phase: 'failed', message: 'The gap sheet was not created: GeneralException. The workbook was not changed.' });
  });

  test('a failed write says what happened and that the workbook was not changed', async () => {
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    host.failWrite = new Error('The workbook is protected');
    const c = controllerOn(host);
    await c.start();
    const w = await c.generate();
    expect(w).toEqual({ phase: 'failed', message: 'Lembar gap tidak dibuat: The workbook is protected. Buku kerja tidak diubah.' });
  });

  test("Excel refusing the write: its code in the user's words, and an incomplete sheet named when it could not be removed", async () => {
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
    // the Excel adapter's own error: it carries its problem (WRITE_REFUSED), recognised by that, not by its class name
    const excelError = (cleanedUp: boolean) => new SheetWriteError(Object.assign(new Error('denied'), { code: 'AccessDenied' }), cleanedUp, 'Analisis Gap');
    host.failWrite = excelError(true);
    const c = controllerOn(host);
    await c.start();
    expect(await c.generate()).toEqual({ phase: 'failed', message: 'Lembar gap tidak dibuat: Excel menolak penulisan (kode AccessDenied). Buku kerja tidak diubah.' });
    host.failWrite = excelError(false);
    expect(await c.generate()).toEqual({
      phase: 'failed',
      message: 'Lembar gap tidak selesai ditulis: Excel menolak penulisan (kode AccessDenied). Lembar "Analisis Gap" yang belum lengkap mungkin tertinggal; hapuslah lembar itu.',
    });
    // Switching the language rebuilds the message.
    c.update({ lang: 'en' });
    expect(c.getState().write).toEqual({
      phase: 'failed',
      message: 'The gap sheet was not finished: Excel refused the write (code AccessDenied). The incomplete sheet "Analisis Gap" may remain; please delete it.',
    });
    c.dispose();
  });

  test('a "blocked" message follows the language switch', async () => {
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: (n) => (n === 4 ? 'x' : 3) })]);
    const c = controllerOn(host);
    await c.start();
    expect(await c.generate()).toEqual({ phase: 'blocked', message: 'Lembar gap belum dapat dibuat: perbaiki dulu 1 kesalahan di daftar masalah.' });
    c.update({ lang: 'en' });
    expect(c.getState().write).toEqual({ phase: 'blocked', message: 'The gap sheet cannot be created yet: first fix the 1 error(s) in the problem list.' });
    c.dispose();
  });
});

describe('a workbook with a sheet per year', () => {
  test('the newest year is assessed by default; the sheet chooser lists every candidate and chooses another', async () => {
    const y2023 = assessmentGrid({ fw: SPBE2020, levels: () => 2, name: 'Penilaian 2023' });
    const y2024 = assessmentGrid({ fw: SPBE2020, levels: () => 3, name: 'Penilaian 2024' });
    const host = new FakeHost([y2024, y2023]);
    const c = controllerOn(host);
    await c.start();
    let st = c.getState();
    expect(st.assessment?.table?.sheet).toBe('Penilaian 2024');
    expect(st.assessment?.scores?.indexRounded).toBe(3);
    expect(st.assessment?.candidates?.map((x) => [x.sheet, x.year, x.used])).toEqual([
      ['Penilaian 2024', 2024, true],
      ['Penilaian 2023', 2023, false],
    ]);
    // the note names the other sheet and says how to choose it here, in the pane's words
    const note = st.problems.find((p) => p.code === 'OTHER_TABLES');
    expect(note?.severity).toBe('info');
    expect(note?.message.id).toContain('Penilaian 2023');
    expect(note?.message.id).not.toContain('--sheet');
    c.update({ column: 2 });
    c.update({ sheet: 'Penilaian 2023' });
    st = c.getState();
    expect(st.settings.column).toBeNull(); // another sheet: the column choice no longer applies
    expect(st.assessment?.table?.sheet).toBe('Penilaian 2023');
    expect(st.assessment?.scores?.indexRounded).toBe(2);
    expect(st.assessment?.candidates?.find((x) => x.used)?.sheet).toBe('Penilaian 2023');
    c.update({ sheet: null });
    expect(c.getState().assessment?.table?.sheet).toBe('Penilaian 2024');
    c.dispose();
  });
});

describe('the plan options and the team columns in the pane', () => {
  /** A host that can read back the gap sheet it wrote (as the Excel and browser hosts do). */
  class TeamHost extends FakeHost {
    async readGapSheet() {
      return this.grids.find((g) => g.name === this.marked) ?? null;
    }
  }

  test('the cap per cycle and the strategy reach the plan; the preview says the cycles', async () => {
    const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 2 })]);
    const c = controllerOn(host, { lang: 'en', target: { kind: 'index', text: '3.5' } });
    await c.start();
    const p1 = c.getState().preview;
    expect(p1?.status).toBe('plan');
    if (p1?.status === 'plan') {
      expect(p1.cycles).toBeGreaterThan(1);
      expect(p1.cyclesText).toContain('at most 1 level per indicator per cycle; strategy: fewest steps');
      // levels with their names: the process scale, or the service scale for 32–47
      for (const st of p1.steps) expect(st.fromName).toBe(st.no >= 32 ? 'Interaksi' : 'Terkelola');
    }
    c.update({ maxRaise: 5, strategy: 'balanced' });
    const p2 = c.getState().preview;
    expect(p2?.status === 'plan' && p2.cycles).toBe(1);
    if (p2?.status === 'plan') expect(p2.cyclesText).toContain('strategy: balanced');
    c.dispose();
  });

  test("a second write carries the team's entries over and says how many rows", async () => {
    const host = new TeamHost([assessmentGrid({ fw: SPBE2020, levels: () => 2 })]);
    const c = controllerOn(host, { lang: 'en' });
    await c.start();
    const first = await c.generate();
    expect(first.phase).toBe('done');
    if (first.phase === 'done') expect(first.message).not.toContain("team's entries");
    // the team writes an owner into the gap sheet
    const gap = host.grids.find((g) => g.name === host.marked)!;
    const head = gap.values.findIndex((r) => r.includes('Owner (OPD/PIC)'));
    const owner = gap.values[head].indexOf('Owner (OPD/PIC)');
    const row = gap.values.findIndex((r, i) => i > head && r[0] === 7);
    (gap.values[row] as unknown[])[owner] = 'Diskominfo';
    const second = await c.generate();
    expect(second.phase).toBe('done');
    if (second.phase === 'done') expect(second.message).toMatch(/\d+ rows? of the team's entries carried over/);
    const model = host.written[1];
    expect(model.cells.some((x) => x.row === row && x.col === owner && x.value === 'Diskominfo')).toBe(true);
    c.dispose();
  });
});

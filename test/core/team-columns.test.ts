/**
 * The team's columns of an earlier gap sheet (core/team-columns.ts): found by their header in either language,
 * keyed by entry, counted when they hold the team's work, and fed back into the next sheet and plan.
 */
import { buildGapSheet } from '../../src/core/gap-sheet';
import { isLockYes, teamColumnsOf } from '../../src/core/team-columns';
import { isPlanUsageError, planGap } from '../../src/core/planner';
import { SPBE2020 } from '../../src/core/frameworks';
import type { Assessment, CellValue, Grid } from '../../src/core/types';
import type { SheetModel } from '../../src/core/sheet-model';
import { withTeamEntries, planFor } from '../../src/app/assessment';
import { ACEH, assessmentOf, entriesOf } from './gap-helpers';

/** A model as a grid of its cached values (what a reader gives back of the written sheet). */
function gridOf(model: SheetModel): Grid & { values: CellValue[][] } {
  const values: CellValue[][] = [];
  for (const c of model.cells) {
    while (values.length <= c.row) values.push([]);
    values[c.row][c.col] = c.value;
  }
  return { name: model.name, values: values.map((r) => Array.from(r, (v) => v ?? null)) };
}

function assessment(): Assessment {
  // the planner and the app layer need an index; its value only shows in the sheet's header
  return assessmentOf(SPBE2020, entriesOf(ACEH), { sheet: 'Penilaian', titles: [], scores: { index: 2.594 } as unknown as Assessment['scores'] });
}

describe('the team columns', () => {
  const a = assessment();
  const plan = planGap(SPBE2020, a.entries, { mode: 'index', value: { num: BigInt(26), den: BigInt(10) } });
  if (isPlanUsageError(plan)) throw new Error(plan.message.en);

  test('isLockYes: a yes in any spelling; empty, 0, no, tidak, a dash are not', () => {
    for (const v of ['Ya', 'yes', 'x', '✓', 1, true]) expect(isLockYes(v)).toBe(true);
    for (const v of ['', ' ', 'Tidak', 'no', '0', '-', 0, false, null]) expect(isLockYes(v)).toBe(false);
  });

  for (const lang of ['id', 'en'] as const) {
    test(`${lang}: what the team typed is read back, keyed by entry, and carried into the next sheet`, () => {
      const model = buildGapSheet(a, plan, { lang, date: '2026-12-05' });
      const grid = gridOf(model);
      const head = grid.values.findIndex((r) => r.includes(lang === 'id' ? 'Kunci' : 'Lock'));
      expect(head).toBe(8);
      const col = (name: string) => grid.values[head].indexOf(name);
      const rowOf = (no: number) => grid.values.findIndex((r, i) => i > head && r[0] === no);
      const words = lang === 'id' ? ['Penanggung Jawab (OPD/PIC)', 'Tenggat', 'Status Bukti Dukung', 'Tautan Bukti', 'Kunci', 'Target'] : ['Owner (OPD/PIC)', 'Deadline', 'Evidence Status', 'Evidence Link', 'Lock', 'Target'];
      grid.values[rowOf(3)][col(words[0])] = 'Bappeda';
      grid.values[rowOf(3)][col(words[1])] = 46112; // a date serial
      grid.values[rowOf(5)][col(words[2])] = lang === 'id' ? 'Diunggah' : 'Uploaded';
      grid.values[rowOf(5)][col(words[3])] = 'https://x.example/5';
      grid.values[rowOf(9)][col(words[4])] = lang === 'id' ? 'Ya' : 'Yes';
      grid.values[rowOf(20)][col(words[5])] = 4;
      const team = teamColumnsOf(grid);
      expect(team.entries.size).toBe(47);
      expect(team.entries.get('3')).toMatchObject({ owner: 'Bappeda', deadline: 46112, lock: false });
      expect(team.entries.get('5')).toMatchObject({ evidenceLink: 'https://x.example/5' });
      expect(team.entries.get('9')!.lock).toBe(true);
      // 3, 5, 9, 20 and the one planned step (indicator 4 raised 1 → 2)
      expect(team.count).toBe(5);

      // the targets feed the plan (the default goal is the Target column now), the locks are kept
      const fed = withTeamEntries(a, team);
      expect(fed.entries.find((e) => e.key === '20')!.target).toEqual({ num: BigInt(4), den: BigInt(1) });
      const next = planFor(fed, null, { team });
      expect(next.kind).toBe('plan');
      if (next.kind !== 'plan') return;
      expect(next.plan.mode).toBe('column');
      expect(next.plan.locks).toEqual(['9']);
      expect(next.plan.indicators.find((g) => g.key === '20')!.target).toEqual({ num: BigInt(4), den: BigInt(1) });

      // and the next sheet holds them in its team columns
      const again = gridOf(buildGapSheet(fed, next.plan, { lang: lang === 'id' ? 'en' : 'id', date: '2026-12-06', team }));
      const back = teamColumnsOf(again);
      expect(back.entries.get('3')).toMatchObject({ owner: 'Bappeda', deadline: 46112 });
      expect(back.entries.get('9')!.lock).toBe(true);
      expect(back.count).toBe(team.count);
    });
  }

  test('no header: nothing carried over; targets equal to the levels do not change the goal', () => {
    expect(teamColumnsOf({ name: 'x', values: [['a', 'b'], [1, 2]] }).count).toBe(0);
    expect(teamColumnsOf(null).entries.size).toBe(0);
    const flat = buildGapSheet(a, planGap(SPBE2020, a.entries, { mode: 'level', level: 1 }) as never, { lang: 'id', date: '2026-12-05' });
    const team = teamColumnsOf(gridOf(flat));
    expect(team.count).toBe(0);
    expect(withTeamEntries(a, team)).toBe(a);
  });
});

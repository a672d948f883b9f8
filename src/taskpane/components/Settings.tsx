/** Which assessment sheet (when the workbook keeps several), framework and level column are used, with overrides, and the predicate basis. */
import { Field, Select } from '@fluentui/react-components';
import type { Assessment, FrameworkId, Lang, PredicateBasis } from '../../core/types';
import type { PlanStrategy } from '../../core/planner';
import { FRAMEWORKS } from '../../core/frameworks';
import { text } from '../../core/i18n';
import type { PaneSettings } from '../controller';
import { useStyles } from './styles';

export function Settings(props: {
  assessment: Assessment | null;
  settings: PaneSettings;
  onChange: (patch: Partial<PaneSettings>) => void;
}) {
  const s = useStyles();
  const { assessment: a, settings } = props;
  const lang: Lang = settings.lang;
  const columns = a?.table?.levelColumns ?? [];
  const current = a?.table?.levelColumn;
  const candidates = a?.candidates ?? [];
  const used = candidates.find((c) => c.used)?.sheet ?? a?.table?.sheet ?? '';
  return (
    <section className={s.section} aria-labelledby="settings-title">
      <h2 className={s.sectionTitle} id="settings-title">
        {text(lang, 'pane', 'settingsTitle')}
      </h2>
      {candidates.length > 1 && (
        <Field label={text(lang, 'pane', 'sheetLabel')} className={s.field}>
          <Select
            className={s.control}
            data-testid="sheet-select"
            value={settings.sheet ?? ''}
            onChange={(_, d) => props.onChange({ sheet: d.value === '' ? null : d.value })}
          >
            <option value="">{settings.sheet === null ? text(lang, 'pane', 'sheetAuto', { sheet: used }) : text(lang, 'pane', 'sheetAutoNewest')}</option>
            {candidates.map((c) => (
              <option key={c.sheet} value={c.sheet}>
                {c.year !== null ? text(lang, 'pane', 'sheetOptionYear', { sheet: c.sheet, year: c.year }) : text(lang, 'pane', 'sheetOption', { sheet: c.sheet })}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={text(lang, 'pane', 'frameworkLabel')} className={s.field}>
        <Select
          className={s.control}
          data-testid="framework-select"
          value={settings.framework ?? ''}
          onChange={(_, d) => props.onChange({ framework: d.value === '' ? null : (d.value as FrameworkId) })}
        >
          <option value="">{text(lang, 'pane', 'frameworkAuto')}</option>
          {FRAMEWORKS.map((fw) => (
            <option key={fw.id} value={fw.id}>
              {fw.name}
            </option>
          ))}
        </Select>
      </Field>
      {columns.length > 0 && current && (
        <Field label={text(lang, 'pane', 'columnLabel')} className={s.field}>
          <Select
            className={s.control}
            data-testid="column-select"
            value={settings.column === null ? '' : String(settings.column)}
            onChange={(_, d) => props.onChange({ column: d.value === '' ? null : Number(d.value) })}
          >
            <option value="">
              {settings.column === null
                ? text(lang, 'pane', 'columnAuto', { letter: current.letter, header: current.header })
                : text(lang, 'pane', 'frameworkAuto')}
            </option>
            {columns.map((c) => (
              <option key={c.col} value={String(c.col)}>
                {text(lang, 'pane', 'columnOption', { letter: c.letter, header: c.header })}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={text(lang, 'pane', 'basisLabel')} className={s.field}>
        <Select
          className={s.control}
          data-testid="basis-select"
          value={settings.basis}
          onChange={(_, d) => props.onChange({ basis: d.value as PredicateBasis })}
        >
          <option value="exact">{text(lang, 'pane', 'basisExact')}</option>
          <option value="rounded">{text(lang, 'pane', 'basisRounded')}</option>
        </Select>
      </Field>
      <Field label={text(lang, 'pane', 'maxRaiseLabel')} className={s.field}>
        <Select
          className={s.control}
          data-testid="max-raise-select"
          value={String(settings.maxRaise)}
          onChange={(_, d) => props.onChange({ maxRaise: Number(d.value) })}
        >
          {[1, 2, 3].map((n) => (
            <option key={n} value={String(n)}>
              {text(lang, 'pane', 'maxRaiseOption', { max: n })}
            </option>
          ))}
          <option value="5">{text(lang, 'pane', 'maxRaiseNone')}</option>
        </Select>
      </Field>
      <Field label={text(lang, 'pane', 'strategyLabel')} className={s.field}>
        <Select
          className={s.control}
          data-testid="strategy-select"
          value={settings.strategy}
          onChange={(_, d) => props.onChange({ strategy: d.value as PlanStrategy })}
        >
          <option value="fewest-steps">{text(lang, 'pane', 'strategyFewest')}</option>
          <option value="balanced">{text(lang, 'pane', 'strategyBalanced')}</option>
        </Select>
      </Field>
    </section>
  );
}

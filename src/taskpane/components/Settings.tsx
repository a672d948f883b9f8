/** Which assessment sheet (when the workbook keeps several), framework and level column are used, with overrides, and the predicate basis. */
import { Field, Select } from '@fluentui/react-components';
import type { Assessment, FrameworkId, Lang, PredicateBasis } from '../../core/types';
import type { PlanStrategy } from '../../core/planner';
import { FRAMEWORKS } from '../../core/frameworks';
import { text, type Catalogue } from '../../core/i18n';
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
  const t = (key: keyof Catalogue['pane'], params?: Record<string, string | number>) => text(lang, 'pane', key, params);
  return (
    <section className={s.section} aria-labelledby="settings-title">
      <h2 className={s.sectionTitle} id="settings-title">
        {t('settingsTitle')}
      </h2>
      {candidates.length > 1 && (
        <SettingSelect
          label={t('sheetLabel')}
          testId="sheet-select"
          value={settings.sheet ?? ''}
          options={[
            { value: '', label: settings.sheet === null ? t('sheetAuto', { sheet: used }) : t('sheetAutoNewest') },
            ...candidates.map((c) => ({
              value: c.sheet,
              label: c.year !== null ? t('sheetOptionYear', { sheet: c.sheet, year: c.year }) : t('sheetOption', { sheet: c.sheet }),
            })),
          ]}
          onChange={(v) => props.onChange({ sheet: v === '' ? null : v })}
        />
      )}
      <SettingSelect
        label={t('frameworkLabel')}
        testId="framework-select"
        value={settings.framework ?? ''}
        options={[{ value: '', label: t('frameworkAuto') }, ...FRAMEWORKS.map((fw) => ({ value: fw.id, label: fw.name }))]}
        onChange={(v) => props.onChange({ framework: v === '' ? null : (v as FrameworkId) })}
      />
      {columns.length > 0 && current && (
        <SettingSelect
          label={t('columnLabel')}
          testId="column-select"
          value={settings.column === null ? '' : String(settings.column)}
          options={[
            { value: '', label: settings.column === null ? t('columnAuto', { letter: current.letter, header: current.header }) : t('frameworkAuto') },
            ...columns.map((c) => ({ value: String(c.col), label: t('columnOption', { letter: c.letter, header: c.header }) })),
          ]}
          onChange={(v) => props.onChange({ column: v === '' ? null : Number(v) })}
        />
      )}
      <SettingSelect
        label={t('basisLabel')}
        testId="basis-select"
        value={settings.basis}
        options={[
          { value: 'exact', label: t('basisExact') },
          { value: 'rounded', label: t('basisRounded') },
        ]}
        onChange={(v) => props.onChange({ basis: v as PredicateBasis })}
      />
      <SettingSelect
        label={t('maxRaiseLabel')}
        testId="max-raise-select"
        value={String(settings.maxRaise)}
        options={[...[1, 2, 3].map((n) => ({ value: String(n), label: t('maxRaiseOption', { max: n }) })), { value: '5', label: t('maxRaiseNone') }]}
        onChange={(v) => props.onChange({ maxRaise: Number(v) })}
      />
      <SettingSelect
        label={t('strategyLabel')}
        testId="strategy-select"
        value={settings.strategy}
        options={[
          { value: 'fewest-steps', label: t('strategyFewest') },
          { value: 'balanced', label: t('strategyBalanced') },
        ]}
        onChange={(v) => props.onChange({ strategy: v as PlanStrategy })}
      />
    </section>
  );
}

/** One setting: a labelled drop-down of its choices. */
function SettingSelect(props: {
  label: string;
  testId: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}) {
  const s = useStyles();
  return (
    <Field label={props.label} className={s.field}>
      <Select className={s.control} data-testid={props.testId} value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

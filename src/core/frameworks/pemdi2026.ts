/**
 * Indeks Pemerintah Digital under Peraturan Menteri PANRB Nomor 8 Tahun 2026 (evaluations from 2026;
 * revokes 59/2020): 7 aspects, 20 indicators, no domains. Indicator values are decimals in [1, 5]
 * (assessors' results such as 1.26 are built from per-evidence-item results). Weights are in
 * hundredths of a percent and sum to 10000.
 */
import type { AspectDef, Framework, Lang } from '../types';
import { buildIndicators } from './define';

type Bilingual = Readonly<Record<Lang, string>>;

/** The index of another agency an indicator takes its value from (IndicatorDef.valuedBy). */
const SOURCE = (id: string, en: string): Bilingual => ({ id, en });
const SDI = SOURCE('indeks Satu Data Indonesia (SDI)', 'the One Data Indonesia (SDI) index');
const GEOSPATIAL = SOURCE('indeks penyelenggaraan informasi geospasial', 'the geospatial information index');
const STATISTICS = SOURCE('indeks pembangunan statistik', 'the statistics development index');
const INTEROPERABILITY = SOURCE('indeks interoperabilitas data', 'the data interoperability index');

/** The note shown with an indicator valued by another agency's index. */
const fromOtherIndex = (source: Bilingual): Bilingual => ({
  id: `Nilai indikator ini diambil dari ${source.id}; dihitung 1 sampai nilai itu tersedia.`,
  en: `This indicator takes its value from ${source.en}; it counts as 1 until that value arrives.`,
});
const IKASANDI: Bilingual = {
  id: 'Terkait Indeks Kematangan Keamanan Siber dan Sandi (IKASANDI) dari BSSN.',
  en: "Related to BSSN's cyber security and encryption maturity index (IKASANDI).",
};

/**
 * [no, name without the "Tingkat Kematangan " prefix, aspect, weight, note?, valuedBy?]. An indicator with
 * a `valuedBy` source takes its value from that (other agency's) index; its note is derived from it.
 */
const ROWS: ReadonlyArray<readonly [number, string, number, number, Bilingual?, Bilingual?]> = [
  [1, 'Tata Kelola Pemerintah Digital', 1, 500],
  [2, 'Manajemen Layanan Digital Pemerintah', 1, 500],
  [3, 'Sumber Daya Manusia Pemerintah Digital', 2, 500],
  [4, 'Kolaborasi Pemerintah Digital', 2, 500],
  [5, 'Tata Kelola Data', 3, 500, undefined, SDI],
  [6, 'Penyelenggaraan Informasi Geospasial', 3, 300, undefined, GEOSPATIAL],
  [7, 'Pembangunan Statistik', 3, 300, undefined, STATISTICS],
  [8, 'Pelindungan Data Pribadi', 3, 400],
  [9, 'Pelaksanaan Audit Keamanan Pemerintah Digital dan Teknologi Pemerintah Digital', 4, 400],
  [10, 'Keamanan Pemerintah Digital', 4, 400, IKASANDI],
  [11, 'Penerapan Kriptografi untuk Keamanan Data', 4, 300, IKASANDI],
  [12, 'Kapabilitas Penanganan Insiden Siber', 4, 400, IKASANDI],
  [13, 'Aplikasi Pemerintah Digital', 5, 500],
  [14, 'Infrastruktur Pemerintah Digital', 5, 500],
  [15, 'Keterpaduan Proses Bisnis Pemerintah Digital Lintas Unit dan Instansi', 6, 400],
  [16, 'Integrasi Aplikasi', 6, 400],
  [17, 'Portal Layanan Digital Pemerintah', 6, 400],
  [18, 'Interoperabilitas Data', 6, 300, undefined, INTEROPERABILITY],
  [19, 'Fasilitas Dukungan Pengguna Layanan Digital Pemerintah', 7, 1000],
  [20, 'Pengelolaan Kepuasan Pengguna Layanan Digital Pemerintah', 7, 1500],
];

const ASPECTS: ReadonlyArray<AspectDef> = [
  { no: 1, name: 'Tata Kelola dan Manajemen', weight: 1000 },
  { no: 2, name: 'Penyelenggara', weight: 1000 },
  { no: 3, name: 'Data', weight: 1500 },
  { no: 4, name: 'Keamanan Pemerintah Digital', weight: 1500 },
  { no: 5, name: 'Teknologi Pemerintah Digital', weight: 1000 },
  { no: 6, name: 'Keterpaduan Layanan Digital Pemerintah', weight: 1500 },
  { no: 7, name: 'Kepuasan Pengguna Layanan Digital Pemerintah', weight: 2500 },
];

const extrasOf = new Map(ROWS.map(([no, , , , note, valuedBy]) => [no, { note: note ?? (valuedBy ? fromOtherIndex(valuedBy) : undefined), valuedBy }]));
const indicators = buildIndicators(
  ROWS.map(([no, name, aspect, weight]) => [no, name, aspect, weight] as const),
  ASPECTS,
  (no) => ({ levelNames: 'pemdi', ...extrasOf.get(no) }),
);

export const PEMDI2026: Framework = {
  id: 'pemdi2026',
  name: 'Indeks Pemerintah Digital (PermenPANRB 8/2026)',
  regulation: {
    title: 'Peraturan Menteri PANRB Nomor 8 Tahun 2026',
    number: '8/2026',
    year: 2026,
    subject: 'Evaluasi Kinerja Pemerintah Digital',
    usedFor: '2026–',
  },
  values: 'decimal',
  domains: [],
  aspects: ASPECTS,
  indicators,
  // Two label sets are in use. The first follows the predicate labels (Merintis/Initiate …
  // Unggul/Leading); some modules use Initiate, Emerging, Established, Leading, Transformative.
  // "Leading" is level 5 in the first set and level 4 in the second: it is ambiguous, ask for the number.
  levelNames: {
    pemdi: ['Merintis', 'Membangun', 'Berkembang', 'Melembaga', 'Unggul'],
    'pemdi-en': ['Initiate', 'Emerging', 'Developing', 'Embedded', 'Leading'],
    'pemdi-module': ['Initiate', 'Emerging', 'Established', 'Leading', 'Transformative'],
  },
  ambiguousLevelWords: ['Leading'],
  // How assessors label a level (a decimal by the word of its whole part: 2.5 is "Terkelola"). Attested in the
  // 2026 material: 1 Rintisan, 2 Terkelola, 5 Optimum; levels 3 and 4 are not (the April 2025 concept, not in
  // force, used "Terstandarisasi" and "Terintegrasi / Terpadu dan Terukur"), so they are shown by number only.
  levelLabels: ['Rintisan', 'Terkelola', null, null, 'Optimum'],
  // Memuaskan 4.00–5.00; Sangat Baik 3.50–<4.00; Baik 2.50–<3.50; Cukup 1.50–<2.50; Kurang 1.00–<1.50.
  predicates: [
    { name: 'Kurang', aliases: ['Merintis', 'Initiate'], min: 100 },
    { name: 'Cukup', aliases: ['Membangun', 'Emerging'], min: 150 },
    { name: 'Baik', aliases: ['Berkembang', 'Developing'], min: 250 },
    { name: 'Sangat Baik', aliases: ['Melembaga', 'Embedded'], min: 350 },
    { name: 'Memuaskan', aliases: ['Unggul', 'Leading'], min: 400 },
  ],
};

/**
 * Indeks SPBE under Peraturan Menteri PANRB Nomor 5 Tahun 2018 (evaluations 2018–2020):
 * 3 domains, 7 aspects, 35 indicators. Weights are in hundredths of a percent and sum to 10000;
 * they reproduce Kota Denpasar's official 2018 aspect, domain and index figures exactly.
 *
 * Indicator 35 (Layanan Publik Instansi Pemerintah) may be scored for up to three public services
 * (rows 35, 35-2, 35-3). Aspect 7 is then the plain mean of all its entries: its 20 % is spread
 * evenly over 32, 33, 34 and every indicator-35 entry (rule 'spread-aspect-evenly').
 */
import type { AspectDef, Framework } from '../types';
import { buildIndicators, type IndicatorRow } from './define';

/** [no, name without the "Tingkat Kematangan " prefix, aspect, weight] */
const ROWS: ReadonlyArray<IndicatorRow> = [
  [1, 'Kebijakan Internal Tim Pengarah SPBE Instansi Pemerintah', 1, 100],
  [2, 'Kebijakan Internal Inovasi Proses Bisnis Terintegrasi', 1, 100],
  [3, 'Kebijakan Internal Rencana Induk SPBE Instansi Pemerintah', 1, 100],
  [4, 'Kebijakan Internal Anggaran dan Belanja TIK', 1, 100],
  [5, 'Kebijakan Internal Pengoperasian Pusat Data', 1, 100],
  [6, 'Kebijakan Internal Integrasi Sistem Aplikasi', 1, 100],
  [7, 'Kebijakan Internal Penggunaan Aplikasi Umum Berbagi Pakai', 1, 100],
  [8, 'Kebijakan Internal Layanan Naskah Dinas', 2, 100],
  [9, 'Kebijakan Internal Layanan Manajemen Kepegawaian', 2, 100],
  [10, 'Kebijakan Internal Layanan Manajemen Perencanaan dan Penganggaran', 2, 100],
  [11, 'Kebijakan Internal Layanan Manajemen Keuangan', 2, 100],
  [12, 'Kebijakan Internal Layanan Manajemen Kinerja', 2, 100],
  [13, 'Kebijakan Internal Layanan Pengadaan', 2, 100],
  [14, 'Kebijakan Internal Layanan Pengaduan Publik', 2, 100],
  [15, 'Kebijakan Internal Layanan Dokumentasi dan Informasi Hukum', 2, 100],
  [16, 'Kebijakan Internal Layanan Whistle Blowing System (WBS)', 2, 100],
  [17, 'Kebijakan Internal Layanan Publik Instansi Pemerintah', 2, 100],
  [18, 'Tim Pengarah SPBE Instansi Pemerintah', 3, 400],
  [19, 'Inovasi Proses Bisnis Terintegrasi', 3, 400],
  [20, 'Rencana Induk SPBE Instansi Pemerintah', 4, 400],
  [21, 'Anggaran dan Belanja TIK', 4, 400],
  [22, 'Pengoperasian Pusat Data', 5, 400],
  [23, 'Integrasi Sistem Aplikasi', 5, 400],
  [24, 'Penggunaan Aplikasi Umum Berbagi Pakai', 5, 400],
  [25, 'Layanan Naskah Dinas', 6, 500],
  [26, 'Layanan Manajemen Kepegawaian', 6, 500],
  [27, 'Layanan Manajemen Perencanaan', 6, 500],
  [28, 'Layanan Manajemen Penganggaran', 6, 500],
  [29, 'Layanan Manajemen Keuangan', 6, 500],
  [30, 'Layanan Manajemen Kinerja', 6, 500],
  [31, 'Layanan Pengadaan', 6, 500],
  [32, 'Layanan Pengaduan Publik', 7, 500],
  [33, 'Layanan Dokumentasi dan Informasi Hukum', 7, 500],
  [34, 'Layanan Whistle-Blowing System (WBS)', 7, 500],
  [35, 'Layanan Publik Instansi Pemerintah', 7, 500],
];

const ASPECTS: ReadonlyArray<AspectDef> = [
  { no: 1, name: 'Kebijakan Internal Tata Kelola SPBE', weight: 700, domain: 1 },
  { no: 2, name: 'Kebijakan Internal Layanan SPBE', weight: 1000, domain: 1 },
  { no: 3, name: 'Kelembagaan', weight: 800, domain: 2 },
  { no: 4, name: 'Strategi dan Perencanaan', weight: 800, domain: 2 },
  { no: 5, name: 'Teknologi Informasi dan Komunikasi', weight: 1200, domain: 2 },
  { no: 6, name: 'Layanan Administrasi Pemerintahan Berbasis Elektronik', weight: 3500, domain: 3 },
  { no: 7, name: 'Layanan Publik Berbasis Elektronik', weight: 2000, domain: 3 },
];

// The 2018 guideline's level names are not transcribed in our sources; by analogy with 59/2020,
// the policy and governance indicators 1–24 use the process-capability names and the service
// indicators 25–35 the service-capability names.
const indicators = buildIndicators(ROWS, ASPECTS, (no) => ({ levelNames: no <= 24 ? 'process' : 'service' }));

export const SPBE2018: Framework = {
  id: 'spbe2018',
  name: 'Indeks SPBE (PermenPANRB 5/2018)',
  regulation: {
    title: 'Peraturan Menteri PANRB Nomor 5 Tahun 2018',
    number: '5/2018',
    year: 2018,
    subject: 'Pedoman Evaluasi Sistem Pemerintahan Berbasis Elektronik',
    usedFor: '2018–2020',
  },
  values: 'whole',
  domains: [
    { no: 1, name: 'Kebijakan SPBE', weight: 1700 },
    { no: 2, name: 'Tata Kelola SPBE', weight: 2800 },
    { no: 3, name: 'Layanan SPBE', weight: 5500 },
  ],
  aspects: ASPECTS,
  indicators,
  // Same names as 59/2020, by analogy (see above).
  levelNames: {
    process: ['Rintisan', 'Terkelola', 'Terdefinisi', 'Terpadu dan Terukur', 'Optimum'],
    service: ['Informasi', 'Interaksi', 'Transaksi', 'Kolaborasi', 'Optimum'],
  },
  // As 59/2020: Memuaskan 4.2–5.0; Sangat Baik 3.5–<4.2; Baik 2.6–<3.5; Cukup 1.8–<2.6; Kurang <1.8.
  predicates: [
    { name: 'Kurang', min: 100 },
    { name: 'Cukup', min: 180 },
    { name: 'Baik', min: 260 },
    { name: 'Sangat Baik', min: 350 },
    { name: 'Memuaskan', min: 420 },
  ],
  repeatable: { indicator: 35, maxEntries: 3, rule: 'spread-aspect-evenly' },
  levelZeroInTranscriptions: true,
};

/**
 * Indeks SPBE under Peraturan Menteri PANRB Nomor 59 Tahun 2020 (evaluations 2021–2025):
 * 4 domains, 8 aspects, 47 indicators. Weights are in hundredths of a percent (130 = 1.30 %) and
 * sum to 10000. Indicators 42–47 weigh 3.00 % each: the 3.50 % printed in KemenPANRB's 2023/2024
 * reports is a typo (the total would be 103 %, and the published results fit 3.00 %).
 */
import type { AspectDef, Framework } from '../types';
import { buildIndicators, type IndicatorRow } from './define';

const IPPD = 'Instansi Pusat/Pemerintah Daerah';

/** [no, name without the "Tingkat Kematangan " prefix, aspect, weight] */
const ROWS: ReadonlyArray<IndicatorRow> = [
  [1, `Kebijakan Internal Arsitektur SPBE ${IPPD}`, 1, 130],
  [2, `Kebijakan Internal Peta Rencana SPBE ${IPPD}`, 1, 130],
  [3, 'Kebijakan Internal Manajemen Data', 1, 130],
  [4, 'Kebijakan Internal Pembangunan Aplikasi SPBE', 1, 130],
  [5, 'Kebijakan Internal Layanan Pusat Data', 1, 130],
  [6, `Kebijakan Internal Layanan Jaringan Intra ${IPPD}`, 1, 130],
  [7, `Kebijakan Internal Penggunaan Sistem Penghubung Layanan ${IPPD}`, 1, 130],
  [8, 'Kebijakan Internal Manajemen Keamanan Informasi', 1, 130],
  [9, 'Kebijakan Internal Audit TIK', 1, 130],
  [10, `Kebijakan Internal Tim Koordinasi SPBE ${IPPD}`, 1, 130],
  [11, `Arsitektur SPBE ${IPPD}`, 2, 250],
  [12, `Peta Rencana SPBE ${IPPD}`, 2, 250],
  [13, 'Keterpaduan Rencana dan Anggaran SPBE', 2, 250],
  [14, 'Inovasi Proses Bisnis SPBE', 2, 250],
  [15, 'Pembangunan Aplikasi SPBE', 3, 250],
  [16, 'Layanan Pusat Data', 3, 250],
  [17, `Layanan Jaringan Intra ${IPPD}`, 3, 250],
  [18, `Penggunaan Sistem Penghubung Layanan ${IPPD}`, 3, 250],
  [19, `Pelaksanaan Tim Koordinasi SPBE ${IPPD}`, 4, 250],
  [20, 'Kolaborasi Penerapan SPBE', 4, 250],
  [21, 'Penerapan Manajemen Risiko SPBE', 5, 150],
  [22, 'Penerapan Manajemen Keamanan Informasi', 5, 150],
  [23, 'Penerapan Manajemen Data', 5, 150],
  [24, 'Penerapan Manajemen Aset TIK', 5, 150],
  [25, 'Penerapan Kompetensi Sumber Daya Manusia', 5, 150],
  [26, 'Penerapan Manajemen Pengetahuan', 5, 150],
  [27, 'Penerapan Manajemen Perubahan', 5, 150],
  [28, 'Penerapan Manajemen Layanan SPBE', 5, 150],
  [29, 'Pelaksanaan Audit Infrastruktur SPBE', 6, 150],
  [30, 'Pelaksanaan Audit Aplikasi SPBE', 6, 150],
  [31, 'Pelaksanaan Audit Keamanan SPBE', 6, 150],
  [32, 'Layanan Perencanaan', 7, 275],
  [33, 'Layanan Penganggaran', 7, 275],
  [34, 'Layanan Keuangan', 7, 275],
  [35, 'Layanan Pengadaan Barang dan Jasa', 7, 275],
  [36, 'Layanan Kepegawaian', 7, 275],
  [37, 'Layanan Kearsipan Dinamis', 7, 275],
  [38, 'Layanan Pengelolaan Barang Milik Negara/Daerah', 7, 275],
  [39, 'Layanan Pengawasan Internal Pemerintah', 7, 275],
  [40, 'Layanan Akuntabilitas Kinerja Organisasi', 7, 275],
  [41, 'Layanan Kinerja Pegawai', 7, 275],
  [42, 'Layanan Pengaduan Pelayanan Publik', 8, 300],
  [43, 'Layanan Data Terbuka', 8, 300],
  [44, 'Jaringan Dokumentasi dan Informasi Hukum (JDIH)', 8, 300],
  [45, 'Layanan Publik Sektor 1', 8, 300],
  [46, 'Layanan Publik Sektor 2', 8, 300],
  [47, 'Layanan Publik Sektor 3', 8, 300],
];

const ASPECTS: ReadonlyArray<AspectDef> = [
  { no: 1, name: 'Kebijakan Internal Tata Kelola SPBE', weight: 1300, domain: 1 },
  { no: 2, name: 'Perencanaan Strategis SPBE', weight: 1000, domain: 2 },
  { no: 3, name: 'Teknologi Informasi dan Komunikasi', weight: 1000, domain: 2 },
  { no: 4, name: 'Penyelenggara SPBE', weight: 500, domain: 2 },
  { no: 5, name: 'Penerapan Manajemen SPBE', weight: 1200, domain: 3 },
  { no: 6, name: 'Pelaksanaan Audit TIK', weight: 450, domain: 3 },
  { no: 7, name: 'Layanan Administrasi Pemerintahan Berbasis Elektronik', weight: 2750, domain: 4 },
  { no: 8, name: 'Layanan Publik Berbasis Elektronik', weight: 1800, domain: 4 },
];

// Indicators 1–31 measure process capability, 32–47 service capability.
const indicators = buildIndicators(ROWS, ASPECTS, (no) => ({ levelNames: no <= 31 ? 'process' : 'service' }));

export const SPBE2020: Framework = {
  id: 'spbe2020',
  name: 'Indeks SPBE (PermenPANRB 59/2020)',
  regulation: {
    title: 'Peraturan Menteri PANRB Nomor 59 Tahun 2020',
    number: '59/2020',
    year: 2020,
    subject: 'Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik',
    usedFor: '2021–2025',
  },
  values: 'whole',
  domains: [
    { no: 1, name: 'Kebijakan Internal SPBE', weight: 1300 },
    { no: 2, name: 'Tata Kelola SPBE', weight: 2500 },
    { no: 3, name: 'Manajemen SPBE', weight: 1650 },
    { no: 4, name: 'Layanan SPBE', weight: 4550 },
  ],
  aspects: ASPECTS,
  indicators,
  levelNames: {
    process: ['Rintisan', 'Terkelola', 'Terdefinisi', 'Terpadu dan Terukur', 'Optimum'],
    service: ['Informasi', 'Interaksi', 'Transaksi', 'Kolaborasi', 'Optimum'],
  },
  // Memuaskan 4.2–5.0; Sangat Baik 3.5–<4.2; Baik 2.6–<3.5; Cukup 1.8–<2.6; Kurang <1.8.
  predicates: [
    { name: 'Kurang', min: 100 },
    { name: 'Cukup', min: 180 },
    { name: 'Baik', min: 260 },
    { name: 'Sangat Baik', min: 350 },
    { name: 'Memuaskan', min: 420 },
  ],
};

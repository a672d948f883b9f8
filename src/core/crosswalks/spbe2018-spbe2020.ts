/**
 * Crosswalk PermenPANRB 5/2018 (35 indicators) → PermenPANRB 59/2020 (47 indicators), the change of
 * the 2021 evaluation.
 *
 * No complete official crosswalk is published. Ten pairs are official: KemenPANRB's briefing deck on
 * Kepmen PANRB 962/2021 ("47 Indikator Evaluasi SPBE — indikator yang beririsan"; a copy is on scribd,
 * document 530584683) pairs 2018 → 2020 indicators 3→1, 3→2, 6→4, 5→5 and the services 27→32, 28→33,
 * 29→34, 31→35, 26→36, 25→37. Every other row matches by subject, from the indicators' names.
 *
 * Decisions where the material leaves room (each is stated in the row's note):
 * - Policies match policies and practice matches practice. 59/2020 has no policy indicator for business-
 *   process innovation (2018: 2) or the ICT budget (2018: 4): those two 2018 policies are `removed`, though
 *   their subjects continue as the 2020 practice indicators 14 and 13 (matched with the 2018 practice
 *   indicators 19 and 21). Likewise the ten service policies 8–17: 59/2020 has no per-service policies.
 * - 2020 indicator 10 (policy on the coordination team) ← 2018 1 (policy on the steering team) is by
 *   subject: the deck's row is cut off in the copy we have.
 * - 2020 39 (internal oversight) ← 2018 34 (whistle-blowing) is partial and by subject: the deck has a row
 *   "Layanan Pengawasan Internal" whose partner is cut off.
 * - 2018 indicator 35 may be scored for up to three public services (35, 35-2, 35-3). 59/2020's sectors
 *   1–3 (45–47) are not those services in that order, so each sector is compared with indicator 35 as one
 *   old level: the mean of its entries (src/core/compare.ts, `indicatorLevels`).
 */
import type { Crosswalk } from './types';
import { SPBE2018 } from '../frameworks/spbe2018';
import { SPBE2020 } from '../frameworks/spbe2020';
import { bilingual, buildRemoved, buildRows, type CrosswalkTuple, type RemovedTuple } from './define';

const MANAJEMEN_ID = 'Domain Manajemen SPBE (21–31) baru dalam 59/2020; pertama dinilai pada 2021.';
const MANAJEMEN_EN = 'The Manajemen SPBE domain (21–31) is new in 59/2020; first scored in 2021.';
const AUDIT_ID = 'Aspek Pelaksanaan Audit TIK (29–31) baru dalam 59/2020.';
const AUDIT_EN = 'The ICT audit aspect (29–31) is new in 59/2020.';

const ROWS: ReadonlyArray<CrosswalkTuple> = [
  [1, [3], 'partial', [3],
    'Rencana Induk SPBE (2018) memuat arsitektur; 59/2020 memisahkan Arsitektur dan Peta Rencana.',
    'The Rencana Induk SPBE (2018) contained the architecture; 59/2020 splits Arsitektur and Peta Rencana.'],
  [2, [3], 'partial', [3],
    'Rencana Induk SPBE (2018) memuat peta rencana.',
    'The Rencana Induk SPBE (2018) contained the roadmap (peta rencana).'],
  [3, [], 'new', [], 'Tidak ada indikator kebijakan manajemen data dalam 5/2018.', 'No data-management policy indicator in 5/2018.'],
  [4, [6, 7], 'partial', [6],
    'Kebijakan pembangunan aplikasi; 2018 menilai kebijakan integrasi sistem aplikasi (6, pasangan resmi) dan aplikasi umum berbagi pakai (7).',
    'Application-building policy; 2018 had policies on application integration (6, the official pair) and shared applications (7).'],
  [5, [5], 'same-subject', [5], 'Kebijakan pusat data.', 'Data-centre policy.'],
  [6, [], 'new', [], 'Tidak ada indikator jaringan intra pemerintah dalam 5/2018.', 'No intra-government network indicator in 5/2018.'],
  [7, [6], 'partial', [],
    'Kebijakan sistem penghubung layanan menyangkut integrasi sistem, yang pada 2018 dicakup kebijakan integrasi.',
    'The service-connector policy is about system integration, covered in 2018 by the integration policy.'],
  [8, [], 'new', [], 'Tidak ada indikator kebijakan keamanan informasi dalam 5/2018.', 'No information-security policy indicator in 5/2018.'],
  [9, [], 'new', [], 'Tidak ada indikator kebijakan audit TIK dalam 5/2018.', 'No ICT-audit policy indicator in 5/2018.'],
  [10, [1], 'same-subject', [],
    'Tim Koordinasi SPBE menggantikan Tim Pengarah SPBE (padanan menurut pokok bahasan: baris paparan resmi terpotong).',
    'The Tim Koordinasi SPBE replaces the Tim Pengarah SPBE (matched by subject: the official deck row is cut off).'],
  [11, [20], 'partial', [], 'Arsitektur adalah satu bagian Rencana Induk SPBE.', 'Architecture was one part of the Rencana Induk SPBE.'],
  [12, [20], 'partial', [], 'Peta rencana adalah satu bagian Rencana Induk SPBE.', 'The roadmap (peta rencana) was one part of the Rencana Induk SPBE.'],
  [13, [21], 'same-subject', [],
    'Keterpaduan rencana dan anggaran SPBE dibandingkan dengan anggaran dan belanja TIK (kebijakannya, 2018 no. 4, tidak berpadanan).',
    'Plan and budget integration compared with ICT budget and spending (its 2018 policy, no. 4, has no successor).'],
  [14, [19], 'same-subject', [],
    'Inovasi proses bisnis (kebijakannya, 2018 no. 2, tidak berpadanan).',
    'Business-process innovation (its 2018 policy, no. 2, has no successor).'],
  [15, [23, 24], 'partial', [],
    'Pembangunan aplikasi; 2018 menilai integrasi sistem aplikasi dan penggunaan aplikasi umum berbagi pakai.',
    'Application development; 2018 measured application integration and the use of shared applications.'],
  [16, [22], 'same-subject', [], 'Layanan pusat data dibandingkan dengan pengoperasian pusat data.', 'Data-centre service compared with data-centre operation.'],
  [17, [], 'new', [], 'Tidak ada indikator jaringan intra pemerintah dalam 5/2018.', 'No intra-government network indicator in 5/2018.'],
  [18, [23], 'partial', [],
    'Penggunaan sistem penghubung layanan dibandingkan dengan integrasi sistem aplikasi.',
    'Use of the service connector compared with system and application integration.'],
  [19, [18], 'same-subject', [], 'Tim koordinasi (dahulu tim pengarah).', 'The coordination team (formerly the steering team, Tim Pengarah).'],
  [20, [], 'new', [], 'Kolaborasi antarinstansi bukan indikator 2018.', 'Collaboration across agencies was not a 2018 indicator.'],
  [21, [], 'new', [], MANAJEMEN_ID, MANAJEMEN_EN],
  [22, [], 'new', [], MANAJEMEN_ID, MANAJEMEN_EN],
  [23, [], 'new', [], MANAJEMEN_ID, MANAJEMEN_EN],
  [24, [], 'new', [], MANAJEMEN_ID, MANAJEMEN_EN],
  [25, [], 'new', [], MANAJEMEN_ID, MANAJEMEN_EN],
  [26, [], 'new', [], MANAJEMEN_ID, MANAJEMEN_EN],
  [27, [], 'new', [], MANAJEMEN_ID, MANAJEMEN_EN],
  [28, [], 'new', [], MANAJEMEN_ID, MANAJEMEN_EN],
  [29, [], 'new', [], AUDIT_ID, AUDIT_EN],
  [30, [], 'new', [], AUDIT_ID, AUDIT_EN],
  [31, [], 'new', [], AUDIT_ID, AUDIT_EN],
  [32, [27], 'same-subject', [27], 'Layanan perencanaan.', 'Planning service.'],
  [33, [28], 'same-subject', [28], 'Layanan penganggaran.', 'Budgeting service.'],
  [34, [29], 'same-subject', [29], 'Layanan keuangan.', 'Finance service.'],
  [35, [31], 'same-subject', [31], 'Layanan pengadaan barang dan jasa.', 'Procurement service.'],
  [36, [26], 'same-subject', [26], 'Layanan kepegawaian.', 'Staffing (kepegawaian) service.'],
  [37, [25], 'same-subject', [25], 'Kearsipan dinamis dibandingkan dengan naskah dinas.', 'Dynamic archives compared with official correspondence (naskah dinas).'],
  [38, [], 'new', [], 'Layanan pengelolaan BMN/BMD bukan indikator 2018.', 'The state/regional asset (BMN/BMD) service was not a 2018 indicator.'],
  [39, [34], 'partial', [],
    'Pengawasan internal; layanan 2018 yang terdekat adalah whistle-blowing system (baris paparan resmi terpotong).',
    'Internal oversight; the nearest 2018 service is the whistle-blowing system (the official deck row is cut off).'],
  [40, [30], 'partial', [],
    'Akuntabilitas kinerja organisasi dibandingkan dengan manajemen kinerja.',
    'Organisational performance accountability compared with performance management.'],
  [41, [30], 'partial', [],
    'Kinerja pegawai dibandingkan dengan manajemen kinerja (juga menyentuh kepegawaian, 2018 no. 26).',
    'Employee performance compared with performance management (also touches staffing, 2018 no. 26).'],
  [42, [32], 'same-subject', [], 'Layanan pengaduan publik.', 'Public complaints service.'],
  [43, [], 'new', [], 'Layanan data terbuka bukan indikator 2018.', 'The open data service was not a 2018 indicator.'],
  [44, [33], 'same-subject', [], 'Jaringan dokumentasi dan informasi hukum (JDIH).', 'Legal documentation and information network (JDIH).'],
  [45, [35], 'same-subject', [],
    'Layanan publik sektor 1 dibandingkan dengan indikator 35 (rata-rata semua layanan yang dinilai, 35, 35-2, 35-3).',
    'Public service sector 1 compared with indicator 35 (the mean of every service scored, 35, 35-2, 35-3).'],
  [46, [35], 'same-subject', [],
    'Layanan publik sektor 2 dibandingkan dengan indikator 35 (rata-rata semua layanannya).',
    'Public service sector 2 compared with indicator 35 (the mean of all its services).'],
  [47, [35], 'same-subject', [],
    'Layanan publik sektor 3 dibandingkan dengan indikator 35 (rata-rata semua layanannya).',
    'Public service sector 3 compared with indicator 35 (the mean of all its services).'],
];

const SERVICE_POLICY_ID = '59/2020 tidak lagi menilai kebijakan internal per layanan.';
const SERVICE_POLICY_EN = '59/2020 no longer scores an internal policy per service.';

const REMOVED: ReadonlyArray<RemovedTuple> = [
  [2, '59/2020 tidak memiliki indikator kebijakan inovasi proses bisnis; pokok bahasannya berlanjut pada indikator 14.',
    '59/2020 has no policy indicator for business-process innovation; its subject continues in indicator 14.'],
  [4, '59/2020 tidak memiliki indikator kebijakan anggaran TIK; pokok bahasannya berlanjut pada indikator 13.',
    '59/2020 has no policy indicator for the ICT budget; its subject continues in indicator 13.'],
  [8, SERVICE_POLICY_ID, SERVICE_POLICY_EN],
  [9, SERVICE_POLICY_ID, SERVICE_POLICY_EN],
  [10, SERVICE_POLICY_ID, SERVICE_POLICY_EN],
  [11, SERVICE_POLICY_ID, SERVICE_POLICY_EN],
  [12, SERVICE_POLICY_ID, SERVICE_POLICY_EN],
  [13, SERVICE_POLICY_ID, SERVICE_POLICY_EN],
  [14, SERVICE_POLICY_ID, SERVICE_POLICY_EN],
  [15, SERVICE_POLICY_ID, SERVICE_POLICY_EN],
  [16, SERVICE_POLICY_ID, SERVICE_POLICY_EN],
  [17, SERVICE_POLICY_ID, SERVICE_POLICY_EN],
];

export const SPBE2018_SPBE2020: Crosswalk = {
  from: SPBE2018,
  to: SPBE2020,
  via: [],
  rows: buildRows(ROWS),
  removed: buildRemoved(REMOVED),
  officialSource: bilingual(
    'paparan KemenPANRB tentang Kepmen PANRB 962/2021 ("47 Indikator Evaluasi SPBE — indikator yang beririsan")',
    'KemenPANRB\'s briefing deck on Kepmen PANRB 962/2021 ("47 Indikator Evaluasi SPBE — indikator yang beririsan")',
  ),
  basisNote: bilingual(
    'Tidak ada padanan resmi yang lengkap. Sepuluh pasangan resmi dari paparan Kepmen PANRB 962/2021; selebihnya dipadankan menurut pokok bahasan, dari nama indikatornya.',
    'No complete official crosswalk exists. Ten pairs are official (the Kepmen PANRB 962/2021 deck); the rest are matched by subject, from the indicators\' names.',
  ),
};

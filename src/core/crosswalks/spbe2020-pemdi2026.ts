/**
 * Crosswalk PermenPANRB 59/2020 (47 indicators) → PermenPANRB 8/2026 (Indeks Pemerintah Digital, 20
 * indicators), the change of the 2026 evaluation.
 *
 * No official mapping exists: every row matches by subject, from the indicators' names and the published
 * descriptions of the 8/2026 indicators. 8/2026 has no policy indicators, so the 2020 policy of a subject
 * is matched together with its practice (e.g. 14 Infrastruktur ← 16, 17 and their policies 5, 6). One old
 * indicator may cover several new ones (22 information security → 10, 11, 12), and every 2020 indicator
 * has a successor: nothing is `removed`.
 *
 * Decisions where the material leaves room:
 * - 2 Manajemen Layanan Digital keeps 24 (ICT asset management) among its sources, though the 8/2026
 *   summaries do not name asset management: the aspect it came from is merged as a whole.
 * - 17 Portal Layanan Digital ← every per-service indicator except 43 (open data, matched with data
 *   governance and interoperability instead): the per-service maturity is no longer scored one by one.
 * - 5, 18 (and the new 6, 7) are valued from other agencies' indices (IndicatorDef.valuedBy): the rows
 *   still compare them by subject; the comparison marks their change as not the agency's own work.
 */
import type { Crosswalk } from './types';
import { SPBE2020 } from '../frameworks/spbe2020';
import { PEMDI2026 } from '../frameworks/pemdi2026';
import { bilingual, buildRows, type CrosswalkTuple } from './define';

const ROWS: ReadonlyArray<CrosswalkTuple> = [
  [1, [11, 12, 13, 1, 2], 'partial', [],
    'Tata Kelola Pemdi = Rencana Aksi Nasional Pemdi dalam rencana instansi + Arsitektur Pemdi; mencakup arsitektur, peta rencana dan keterpaduan rencana-anggaran SPBE beserta kebijakannya.',
    'Tata Kelola Pemdi = the national Pemdi action plan in agency plans + the Pemdi architecture; covers the SPBE architecture, roadmap and plan/budget integration and their policies.'],
  [2, [21, 26, 27, 28, 24], 'partial', [],
    'Manajemen risiko, perubahan, pengetahuan, keberlangsungan dan hubungan pengguna; menggabungkan sebagian besar aspek Penerapan Manajemen SPBE (manajemen aset, 24, tidak disebut dalam ringkasan 8/2026).',
    'Risk, change, knowledge, continuity and user-relationship management; merges most of the Penerapan Manajemen SPBE aspect (asset management, 24, is not named in the 8/2026 summaries).'],
  [3, [25], 'same-subject', [],
    'Kompetensi digital ASN (kepemimpinan, kecakapan, literasi; pemanfaatan AI dan data).',
    'Digital competence of civil servants (leadership, proficiency, literacy; use of AI and data).'],
  [4, [20, 19, 10], 'partial', [],
    'Forum Koordinasi Pemdi dan kolaborasi; penerus Kolaborasi Penerapan SPBE dan tim koordinasi.',
    'The Pemdi coordination forum and collaboration; successor of Kolaborasi Penerapan SPBE and the coordination team.'],
  [5, [23, 3, 43], 'partial', [],
    'Tata kelola data menurut Satu Data Indonesia; nilainya diambil dari indeks SDI.',
    'Data governance per Satu Data Indonesia; its value is taken from the SDI index.'],
  [6, [], 'new', [], 'Informasi geospasial; nilainya diambil dari evaluasi instansi lain.', 'Geospatial information; its value is taken from another agency\'s evaluation.'],
  [7, [], 'new', [], 'Statistik sektoral; nilainya diambil dari indeks pembangunan statistik.', 'Sectoral statistics; its value is taken from the statistics development index.'],
  [8, [], 'new', [], 'Pelindungan data pribadi (UU PDP); tidak ada indikator SPBE 2020.', 'Personal-data protection (the PDP law); no SPBE 2020 indicator.'],
  [9, [29, 30, 31, 9], 'same-subject', [],
    'Audit keamanan dan teknologi; menggabungkan ketiga indikator audit dan kebijakan audit.',
    'Audits of security and technology; merges the three audit indicators and the audit policy.'],
  [10, [22, 8], 'same-subject', [],
    'Keamanan Pemdi menurut IKASANDI (BSSN); penerus Penerapan Manajemen Keamanan Informasi.',
    'Security of digital government per IKASANDI (BSSN); successor of Penerapan Manajemen Keamanan Informasi.'],
  [11, [22], 'partial', [],
    'Kriptografi untuk keamanan data; sebelumnya hanya sebagian dari manajemen keamanan informasi.',
    'Cryptography for data security; before, only a part of information-security management.'],
  [12, [22], 'partial', [],
    'Penanganan insiden siber (CSIRT); sebelumnya hanya sebagian dari manajemen keamanan informasi.',
    'Cyber-incident handling (CSIRT); before, only a part of information-security management.'],
  [13, [15, 4], 'same-subject', [],
    'Aplikasi (SDLC, arsitektur); penerus Pembangunan Aplikasi SPBE.',
    'Applications (SDLC, architecture); successor of Pembangunan Aplikasi SPBE.'],
  [14, [16, 17, 5, 6], 'same-subject', [],
    'Infrastruktur (PDN, jaringan intra, cloud); menggabungkan indikator pusat data dan jaringan.',
    'Infrastructure (national data centre, intra network, cloud); merges the data-centre and network indicators.'],
  [15, [14], 'partial', [],
    'Keterpaduan proses bisnis lintas unit dan instansi; penerus Inovasi Proses Bisnis.',
    'Business-process integration across units and agencies; successor of Inovasi Proses Bisnis.'],
  [16, [18, 7], 'partial', [],
    'Integrasi aplikasi; yang terdekat adalah penggunaan sistem penghubung layanan.',
    'Application integration; the nearest is the use of the service connector (SPL/SPLP).'],
  [17, [32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 44, 45, 46, 47], 'partial', [],
    'Portal layanan digital; kematangan tiap layanan tidak lagi dinilai satu per satu, yang dinilai adalah keterpaduannya dalam portal.',
    'Portal of digital services; the maturity of each service is no longer scored one by one, their consolidation into a portal is.'],
  [18, [18, 23, 43], 'partial', [],
    'Interoperabilitas data; nilainya diambil dari instansi lain (sumbernya belum pasti).',
    'Data interoperability; its value is taken from another agency (the source is not settled).'],
  [19, [42, 28], 'partial', [],
    'Fasilitas dukungan pengguna (SOP, SLA, helpdesk, pelacakan); yang terdekat adalah layanan pengaduan dan manajemen layanan.',
    'User-support facilities (SOP, SLA, helpdesk, tracking); the nearest are the complaints service and service management.'],
  [20, [], 'new', [],
    'Pengelolaan kepuasan pengguna (survei, umpan balik, kelompok rentan); SPBE 2020 tidak mengukur kepuasan.',
    'Managing user satisfaction (surveys, feedback, vulnerable groups); SPBE 2020 did not measure satisfaction.'],
];

export const SPBE2020_PEMDI2026: Crosswalk = {
  from: SPBE2020,
  to: PEMDI2026,
  via: [],
  rows: buildRows(ROWS),
  removed: [],
  officialSource: null,
  basisNote: bilingual(
    'Tidak ada padanan resmi. Setiap indikator dipadankan menurut pokok bahasan, dari nama dan uraian indikatornya.',
    'No official crosswalk exists. Every indicator is matched by subject, from the indicators\' names and descriptions.',
  ),
};

/**
 * Indonesian message catalogue (the default language). Every user-facing word of the product
 * comes from here or from en.ts; both have exactly the same keys (a test checks it).
 * Templates use {name} placeholders filled by format() in ./index.ts.
 * Sections: problems (validation; codes, severities and which message says what: src/core/problems.ts),
 * hints (how to choose a sheet, column or framework, worded for the command and for the pane), cli, gap
 * (gap sheet), functions (custom functions' messages), pane (task pane).
 */
import { compareId } from './compare-id';

export const id = {
  problems: {
    // filled by the worksheet reader / validation (src/core/validate.ts); {where} is Sheet!Cell
    NO_TABLE:
      'Tabel penilaian tidak ditemukan pada lembar {sheets}. Yang dicari: baris judul kolom dengan nomor indikator (No, Nomor, Kode) ' +
      'dan kolom tingkat (Tingkat, Nilai, Level, Penilaian Mandiri, Nilai Akhir …) atau nama indikator (Indikator). ' +
      '{noTable}',
    SHEET_NOT_FOUND: 'Lembar "{sheet}" tidak ada di buku kerja ini. Lembar yang ada: {sheets}. Periksa nama lembarnya.',
    COLUMN_NOT_FOUND:
      'Tidak ada kolom berjudul "{column}" di tabel pada lembar {sheet}. Kolom tingkat yang ditemukan: {columns}. ' +
      '{nameColumn}',
    FRAMEWORK_UNKNOWN:
      'Kerangka "{framework}" tidak dikenal. Gunakan salah satu dari {known}, atau nomor peraturannya (misalnya {regulation}).',
    NO_LEVEL_COLUMN:
      'Tabel di {where} tidak punya kolom tingkat (judul kolom yang ada: {headers}). ' +
      'Beri judul Tingkat, Nilai atau Level pada kolom tingkat, atau pilih kolomnya.',
    LEVEL_BLANK: 'Tingkat indikator {indicator} di {where} kosong. Isi tingkat {range}.',
    LEVEL_BLANK_MERGED:
      'Tingkat indikator {indicator} di {where} kosong: sel itu bagian dari sel gabungan {merged}, yang nilainya hanya milik sel pertamanya. ' +
      'Pisahkan sel gabungan {merged} lalu isi tingkat {range} untuk tiap indikator.',
    LEVEL_NOT_A_LEVEL: 'Isi "{value}" di {where} (indikator {indicator}) bukan tingkat kematangan. Tulis tingkat {range}.',
    LEVEL_ERROR_VALUE: 'Sel {where} (indikator {indicator}) berisi galat {value}. Perbaiki rumusnya atau isi tingkat {range}.',
    LEVEL_OUT_OF_RANGE: 'Tingkat {value} di {where} (indikator {indicator}) di luar rentang 1–5. Isi tingkat {range}.',
    LEVEL_ZERO: 'Tingkat 0 di {where} (indikator {indicator}) tidak ada: tingkat terendah adalah 1. Isi tingkat {range}.',
    LEVEL_ZERO_2018:
      'Tingkat 0 di {where} (indikator {indicator}) tidak berlaku. Sebagian salinan kriteria 2018 menyebut tingkat 0 ("belum ada"), ' +
      'tetapi hasil evaluasi resmi memakai tingkat 1–5 (kriteria tingkat 1 terpenuhi walau baru ada konsep). Isi tingkat {range}.',
    LEVEL_FRACTIONAL:
      'Tingkat {value} di {where} (indikator {indicator}) bukan bilangan bulat, padahal {framework} hanya memakai tingkat bulat 1–5. ' +
      'Tulis tingkat bulat sesuai hasil penilaian.',
    LEVEL_AMBIGUOUS: 'Isi "{value}" di {where} (indikator {indicator}) bisa berarti tingkat {levels}. Tulis angka tingkatnya.',
    INDICATOR_MISSING:
      'Indikator {indicator} ({name}) tidak ada di tabel pada lembar {sheet}. Tambahkan barisnya beserta tingkatnya.',
    INDICATOR_DUPLICATE_CONFLICT:
      'Indikator {indicator} tercantum dua kali dengan tingkat berbeda: {value} di {where} dan {otherValue} di {other}. ' +
      'Hapus baris yang salah.',
    INDICATOR_DUPLICATE_CONFLICT_REPEATABLE:
      'Indikator {indicator} tercantum dua kali dengan tingkat berbeda: {value} di {where} dan {otherValue} di {other}. ' +
      'Jika ini beberapa layanan publik, beri nomor {indicator}-2, {indicator}-3 (paling banyak {max}); jika bukan, hapus baris yang salah.',
    INDICATOR_DUPLICATE:
      'Indikator {indicator} tercantum dua kali dengan tingkat sama ({where} dan {other}); dihitung sekali. Hapus baris gandanya.',
    INDICATOR_UNKNOWN:
      'Nomor indikator "{value}" di {where} tidak ada dalam {framework} (indikator 1–{count}). Perbaiki nomornya atau hapus barisnya.',
    INDICATOR_UNKNOWN_ENTRY:
      'Entri "{value}" di {where} tidak berlaku: dalam {framework} hanya indikator {repeatable} yang boleh diulang, ' +
      'sebagai {repeatable}-2 sampai {repeatable}-{max}. Perbaiki nomornya atau hapus barisnya.',
    INDICATOR_UNKNOWN_NO_REPEAT:
      'Entri "{value}" di {where} tidak berlaku: dalam {framework} tidak ada indikator yang boleh diulang. ' +
      'Perbaiki nomornya atau hapus barisnya.',
    ROWS_IGNORED:
      'Baris kosong bernomor di luar {count} indikator {framework} diabaikan: nomor {numbers} (yang pertama di {where}). ' +
      'Hapus atau biarkan saja: baris itu tidak memengaruhi indeks.',
    WEIGHT_MISMATCH:
      'Bobot indikator {indicator} di {where} tertulis {sheetWeight}%, padahal menurut {regulation} bobotnya {expected}%. ' +
      'Indeks dihitung dengan bobot peraturan; perbaiki kolom bobot lembar ini.',
    NAME_MISMATCH:
      'Nama di {where} ("{name}") tidak cocok dengan indikator {indicator} ({expected}) dan lebih mirip indikator {likely}. ' +
      'Periksa apakah baris atau nomornya bergeser.',
    NAME_MISMATCH_NONE:
      'Nama di {where} ("{name}") tidak cocok dengan indikator {indicator} ({expected}). Periksa nomor atau nama indikatornya.',
    EVIDENCE_MISSING:
      'Indikator {indicator} bertingkat {value}, tetapi bukti dukungnya di {where} kosong. Lampirkan bukti dukung: tingkat 2 ke atas harus dibuktikan.',
    TARGET_UNREADABLE:
      'Target indikator {indicator} di {where} ("{value}") bukan tingkat, sehingga analisis gap mengabaikannya. Tulis tingkat 1–5 atau kosongkan selnya.',
    LEVEL_COLUMN_CHOSEN:
      'Tingkat dibaca dari kolom "{header}" (kolom {letter}, judul di {where}); kolom tingkat lain: {columns}. {useOtherColumn}',
    FRAMEWORK_MISMATCH:
      'Tabel pada lembar {sheet} tampak seperti {detected} (menurut nomor, nama, dan tingkat indikatornya), tetapi yang dipilih {framework}. ' +
      '{chooseFramework}',
    OTHER_TABLES:
      'Lembar {others} juga berisi tabel penilaian; yang dipakai tabel pada lembar {sheet}. {useOtherSheet}',
    OTHER_TABLES_NEWEST:
      'Lembar {others} juga berisi tabel penilaian; yang dipakai tabel pada lembar {sheet}, penilaian terbaru (tahun {year}). {useOtherSheet}',
    SHEET_TRUNCATED:
      'Lembar {sheet} sangat panjang: hanya {rows} baris berisi yang pertama yang dibaca (sampai baris {lastRow}); isi di bawahnya tidak diperiksa. ' +
      'Jika tabel penilaian ada di bawahnya, pindahkan ke lembar tersendiri.',
    NO_TABLE_NO_ROWS:
      'Baris {where} tampak seperti judul kolom tabel penilaian ({headers}), tetapi tidak ada baris di bawahnya yang memuat nomor indikator. ' +
      'Beri nomor baris di kolom itu 1, 2, 3 … (juga terbaca: "1.", "I-1", "Ind. 1", "Indikator 1", "35-2"). {noTable}',
    LEVEL_BLANK_FORMULA:
      'Tingkat indikator {indicator} di {where} berupa rumus yang belum punya nilai terhitung. Buka dan simpan buku kerjanya di Excel (agar rumusnya dihitung), lalu baca ulang.',
    TABLES_ON_SHEET:
      'Lembar {sheet} berisi beberapa tabel penilaian ({ranges}) dan tidak ada yang menunjukkan mana yang berlaku. ' +
      'Letakkan tiap penilaian di lembar tersendiri, atau tulis tahunnya di baris judul di atas tiap tabel.',
    TABLE_NEWEST_ON_SHEET:
      'Lembar {sheet} berisi beberapa tabel penilaian: yang dipakai yang terbaru ({year}, di {range}); juga ada: {others}. ' +
      'Letakkan tiap penilaian di lembar tersendiri agar tidak tertukar.',
    LEVEL_COLUMN_NEWEST:
      'Tingkat dibaca dari kolom "{header}" (kolom {letter}, judul di {where}), tahun terbaru ({year}); kolom tingkat lain: {others}. {useOtherColumn}',
    PARTS_COMBINED:
      'Penilaian dibaca dari {parts} tabel pada lembar {sheets}: bersama-sama memuat setiap indikator {framework} ({count}) tepat satu kali.',
    ROWS_NOT_INDICATORS:
      'Lembar {sheet} berisi daftar bernomor lebih dari {max} baris (mulai {range}): lebih panjang dari penilaian mana pun, jadi tidak dibaca sebagai tabel penilaian.',
    rangeWhole: 'bulat 1–5',
    rangeDecimal: '1–5 (boleh desimal, misalnya 2,5)',
    noValues: 'kosong',
    blank: 'kosong',
    listAnd: 'dan',
    listOr: 'atau',
    WORKBOOK_STRUCTURE_LOCKED:
      'Struktur buku kerja dilindungi (Tinjau > Proteksi Buku Kerja), sehingga tidak ada lembar yang dapat ditambahkan. ' +
      'Buka proteksi strukturnya (Tinjau > Proteksi Buku Kerja, dengan kata sandinya), simpan, lalu coba lagi. Buku kerja tidak diubah.',
  },
  hints: {
    // how to choose another sheet, column or framework: each context names its own controls
    noTable_command: 'Tambahkan judul kolom seperti itu di atas tabel, atau pilih lembar yang memuatnya (opsi --sheet perintah spbe).',
    noTable_pane: 'Tambahkan judul kolom seperti itu di atas tabel, lalu baca ulang buku kerjanya.',
    nameColumn_command: 'Tulis sebagian judul salah satu kolom itu (opsi --column perintah spbe).',
    nameColumn_pane: 'Pilih salah satu kolom itu di Pengaturan, "Kolom tingkat".',
    useOtherColumn_command: 'Untuk memakai kolom lain, pilih menurut judulnya (opsi --column perintah spbe).',
    useOtherColumn_pane: 'Untuk memakai kolom lain, pilih di Pengaturan, "Kolom tingkat".',
    chooseFramework_command: 'Jika galat di bawah berasal dari situ, pilih {detectedId} atau jangan tentukan kerangkanya (opsi --framework perintah spbe).',
    chooseFramework_pane: 'Jika galat di bawah berasal dari situ, pilih {detectedId} atau "Otomatis" di Pengaturan, "Kerangka evaluasi".',
    useOtherSheet_command: 'Untuk memakai yang lain, pilih lembarnya (opsi --sheet perintah spbe).',
    useOtherSheet_pane: 'Untuk memakai yang lain, pilih lembarnya di Pengaturan, "Lembar penilaian".',
  },
  cli: {
    usage:
      'Pemakaian: spbe <perintah> [opsi] BERKAS...\n\n' +
      'Perintah:\n' +
      '  index   Membaca lembar penilaian di buku kerja .xlsx, memeriksa tingkat, dan menghitung indeks\n' +
      '  gap     Menulis lembar analisis gap ke salinan buku kerja\n' +
      '  compare Membandingkan dua penilaian (tahun ke tahun, atau lintas regulasi)\n\n' +
      'Opsi:\n' +
      '  --help, -h      Menampilkan bantuan ini\n' +
      '  --version, -v   Menampilkan versi\n\n' +
      "Ketik 'spbe <perintah> --help' untuk opsi setiap perintah.",
    usageIndex:
      'Pemakaian: spbe index [--json] [--sheet NAMA] [--framework ID] [--column JUDUL] [--predicate-basis exact|rounded] [--lang id|en] BERKAS...\n\n' +
      'Membaca lembar penilaian di setiap buku kerja .xlsx, memeriksa tingkat kematangan, dan menghitung indeks,\n' +
      'indeks domain dan aspek, serta predikatnya.\n\n' +
      'Opsi:\n' +
      '  --json                   Satu objek JSON per berkas per baris\n' +
      '  --sheet NAMA             Hanya lembar kerja bernama NAMA\n' +
      '  --framework ID           Kerangka yang dipakai, bukan yang terdeteksi: {frameworks}\n' +
      '  --column JUDUL           Kolom tingkat yang dipakai (bagian teks judulnya, mis. "Nilai Akhir")\n' +
      '  --predicate-basis B      Predikat dari nilai exact (bawaan) atau rounded (dibulatkan 2 desimal)\n' +
      '  --lang id|en             Bahasa keluaran (bawaan: id)\n' +
      '  --help, -h               Menampilkan bantuan ini\n\n' +
      'Kode keluar: 0 semua indeks terhitung; 2 ada berkas dengan galat (indeksnya tidak dihitung);\n' +
      '1 ada berkas yang tidak dapat dibuka, atau pemakaian salah. Bila beberapa terjadi, yang terbesar berlaku.',
    unknownCommand: 'Perintah tidak dikenal: {command}.',
    unknownOption: 'Opsi tidak dikenal: {option}.',
    missingValue: 'Opsi {option} memerlukan nilai.',
    badChoice: 'Nilai "{value}" tidak berlaku untuk {option}; pilih salah satu: {choices}.',
    unexpectedValue: 'Opsi {option} tidak menerima nilai.',
    unknownFramework: 'Kerangka tidak dikenal: "{value}". Pilih salah satu: {choices}.',
    noFiles: 'Tidak ada berkas. Sebutkan satu atau beberapa berkas .xlsx.',
    seeHelp: "Ketik 'spbe {command} --help' untuk bantuan.",
    internalError: 'Kesalahan internal: {message}. Mohon laporkan dengan berkas yang dipakai.',
    readNotFound: 'Berkas tidak ditemukan.',
    readNotAFile: 'Ini bukan berkas (mungkin sebuah folder).',
    readNoAccess: 'Berkas tidak dapat dibaca: izin ditolak.',
    readEmpty: 'Berkas kosong (0 bita). Simpan ulang buku kerja dari Excel sebagai .xlsx.',
    readEncrypted: 'Buku kerja dilindungi kata sandi (terenkripsi). Buka di Excel, hapus kata sandinya (File > Info > Proteksi Buku Kerja), lalu simpan ulang.',
    readXls: 'Ini berkas Excel lama (.xls, Excel 97-2003). Buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx).',
    readOds: 'Ini lembar kerja OpenDocument (.ods). Simpan sebagai Buku Kerja Excel (.xlsx).',
    readXlsb: 'Ini buku kerja biner Excel (.xlsb). Buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx).',
    readText: 'Ini berkas teks (mis. CSV), bukan buku kerja .xlsx. Buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx).',
    readNotXlsx: 'Ini bukan buku kerja Excel .xlsx (isinya bukan lembar kerja). Periksa apakah berkasnya benar; jika bisa dibuka di Excel, simpan sebagai Buku Kerja Excel (.xlsx).',
    readDamaged: 'Buku kerja rusak atau tidak lengkap (mungkin terpotong saat diunduh atau disalin). Unduh atau salin ulang berkasnya.',
    readNoSheets: 'Buku kerja tidak berisi lembar kerja (mungkin hanya lembar grafik). Tambahkan lembar penilaian lalu simpan ulang.',
    labelSheet: 'Lembar',
    labelFramework: 'Kerangka',
    labelDetected: 'terdeteksi',
    labelChosen: 'dipilih',
    labelColumn: 'Kolom tingkat',
    labelOtherColumns: 'Kolom tingkat lain',
    labelIndex: 'Indeks',
    labelExact: 'nilai penuh {value}',
    labelPredicate: 'Predikat',
    labelPredicateBasis: 'dari nilai {basis}',
    basisExact: 'penuh',
    basisRounded: 'dibulatkan',
    labelDomains: 'Domain',
    labelAspects: 'Aspek',
    labelProblems: 'Masalah',
    noTable: '(tidak ditemukan)',
    indexNotComputed: 'tidak dihitung karena ada galat',
    severityError: 'GALAT',
    severityWarning: 'PERINGATAN',
    severityInfo: 'CATATAN',
    labelNotes: 'Catatan',
    noProblems: 'Tidak ada masalah.',
    problemCounts: '{errors} galat, {warnings} peringatan',
    totals: '{files} berkas: {ok} terhitung, {withErrors} dengan galat, {unreadable} tidak dapat dibuka.',
  },
  gap: {
    sheetName: 'Analisis Gap',
    title: 'Analisis Gap — {framework}',
    labelAgency: 'Instansi',
    agencyUnknown: '(nama instansi tidak ditemukan di baris judul)',
    labelFramework: 'Kerangka',
    labelSource: 'Sumber',
    sourceText: 'Lembar "{sheet}", kolom {column} ({header})',
    sourceFile: 'Berkas: {file}',
    labelDate: 'Tanggal',
    basisExact: 'Predikat dari indeks penuh (tanpa pembulatan)',
    basisRounded: 'Predikat dari indeks yang dibulatkan ke 2 desimal',
    labelCurrent: 'Indeks saat ini',
    labelGoal: 'Sasaran indeks',
    labelPlanned: 'Indeks bila semua target tercapai',
    labelNeeded: 'Poin indeks yang masih dibutuhkan',
    statusReached: 'Target di tabel mencapai sasaran.',
    statusNotReached: 'Target di tabel belum mencapai sasaran.',
    labelSteps: 'Jumlah langkah tingkat',
    stepsNote: 'Satu langkah menaikkan satu indikator satu tingkat (nilai desimal naik dulu ke tingkat bulat berikutnya).',
    labelUnreachable: 'Sasaran tidak tercapai',
    goalIndex: 'Sasaran berupa nilai indeks (ubah sel ini bila perlu).',
    goalPredicate: 'Batas bawah predikat {predicate}.',
    goalLevel: 'Semua indikator minimal tingkat {level}.',
    goalColumn: 'Target per indikator dari kolom Target di lembar sumber.',
    goalNext: 'Batas bawah predikat berikutnya ({predicate}).',
    sectionIndicators: 'Gap per indikator (ubah kolom Target; semua hitungan ikut berubah)',
    colNo: 'No',
    colName: 'Indikator',
    colAspect: 'Aspek',
    colDomain: 'Domain',
    colWeight: 'Bobot (%)',
    colSelf: 'Penilaian Mandiri',
    colCurrent: 'Tingkat Saat Ini',
    colTarget: 'Target',
    colGap: 'Gap',
    colSteps: 'Langkah',
    colPoints: 'Poin Indeks',
    colRank: 'Prioritas',
    colNotes: 'Catatan Validasi',
    colSheetNote: 'Keterangan di Lembar',
    colCurrentIndex: 'Indeks Saat Ini',
    colPredicate: 'Predikat',
    colTargetIndex: 'Indeks Target',
    colTargetPredicate: 'Predikat Target',
    colChange: 'Kenaikan',
    repeatName: '{name} (layanan {entry})',
    notLinked: 'Nilai di {cell} ("{raw}") bukan angka biasa; di sini ditulis tingkat hasil bacaannya dan tidak ditautkan. Ubah sel sumber menjadi angka agar tertaut.',
    notLinkedFormula: 'Nilai di {cell} berasal dari rumus; di sini ditulis hasilnya dan tidak ditautkan.',
    sectionAspects: 'Ringkasan per aspek',
    sectionDomains: 'Ringkasan per domain',
    sectionTop: 'Prioritas teratas',
    chartAspects: 'Indeks aspek: saat ini dan target',
    chartTop: 'Gap terbesar (poin indeks)',
    footerSimulation: 'Simulasi — bukan nilai resmi',
    footerPage: 'Halaman {page} dari {pages}',
    targetPromptTitle: 'Target tingkat',
    targetPromptWhole: 'Isi tingkat bulat 1 sampai 5.',
    targetPromptDecimal: 'Isi nilai 1 sampai 5 (boleh desimal, mis. 2,5).',
    targetErrorTitle: 'Nilai tidak berlaku',
    targetErrorWhole: 'Target harus bilangan bulat 1 sampai 5.',
    targetErrorDecimal: 'Target harus angka antara 1 dan 5.',
    goalPromptTitle: 'Sasaran indeks',
    goalPrompt: 'Isi sasaran indeks antara 1 dan 5.',
    unreachableAboveMax: 'Sasaran {target} di atas nilai indeks tertinggi 5,00.',
    unreachableAllFive: 'Sasaran {target} tidak tercapai: walaupun semua indikator dinaikkan ke tingkat 5, indeks hanya {max}.',
    unreachableOtherAgencies:
      'Sasaran {target} tidak dapat dicapai dengan upaya instansi sendiri: walaupun semua indikator lain dinaikkan ke tingkat 5, indeks hanya {max}. ' +
      'Sisanya bergantung pada {indicators}, yang nilainya diambil dari indeks instansi lain ({sources}).',
    unreachableLocked:
      'Sasaran {target} tidak dapat dicapai selama {indicators} dikunci: menaikkan semua indikator lain yang dapat dinaikkan instansi ke tingkat 5 hanya memberi indeks {max}. ' +
      'Buka kunci agar sasaran ini dapat direncanakan.',
    alsoLocked: ' Kunci pada {indicators} juga tetap dipertahankan.',
    listAnd: 'dan',
    indicatorsOne: 'indikator {list}',
    indicatorsMany: 'indikator {list}',
    rankOutOfHands: 'di luar kendali instansi',
    noteOutOfHands: 'Di luar kendali instansi: tidak direncanakan, karena nilainya diambil dari {source}. Bila nilai itu mencapai 5, indeks naik {points} poin.',
    unknownPredicate: 'Predikat tidak dikenal: "{predicate}". Pilih salah satu: {predicates}.',
    targetLevelRange: 'Tingkat target harus bilangan bulat 1 sampai 5, bukan "{level}".',
    targetNotPositive: 'Sasaran indeks harus angka positif, bukan {target}.',
    maxRaiseRange: 'Kenaikan tingkat paling banyak per indikator per siklus evaluasi harus bilangan bulat paling sedikit 1, bukan "{value}".',
    unknownStrategy: 'Strategi perencanaan "{strategy}" tidak dikenal. Pilih salah satu: {strategies}.',
    unknownLock: 'Tidak dapat mengunci "{key}": penilaian tidak memiliki indikator bernomor itu.',
    cliUsage:
      'Pemakaian: spbe gap BERKAS [--target X | --target-predicate P | --target-level N] [--out KELUARAN] [--in-place]\n' +
      '                [--json] [--sheet NAMA] [--framework ID] [--column JUDUL] [--predicate-basis exact|rounded] [--lang id|en]\n\n' +
      'Menyusun rencana mencapai sasaran dengan kenaikan satu tingkat per indikator per siklus evaluasi: siklus\n' +
      'paling sedikit, lalu langkah tingkat paling sedikit. Menulis salinan buku kerja dengan lembar\n' +
      '"Analisis Gap" (semua lembar asli tetap utuh).\n\n' +
      'Sasaran (pilih satu; bawaan: kolom Target di lembar bila ada, kalau tidak predikat berikutnya):\n' +
      '  --target X               Nilai indeks, mis. 2.6\n' +
      '  --target-predicate P     Batas bawah predikat, mis. Baik\n' +
      '  --target-level N         Semua indikator minimal tingkat N (1–5)\n\n' +
      'Opsi lain:\n' +
      '  --out KELUARAN           Berkas keluaran (bawaan: <nama>-gap.xlsx di samping berkas masukan)\n' +
      '  --in-place               Mengganti berkas masukan (secara atomik) alih-alih menulis salinan\n' +
      '  --json                   Objek JSON indeks ditambah target, reachable, plan, out, gapSheet\n' +
      '  --sheet, --framework, --column, --predicate-basis, --lang   seperti pada spbe index\n' +
      '  --help, -h               Menampilkan bantuan ini\n\n' +
      'Kode keluar: 0 berhasil; 2 buku kerja berisi galat (tidak ada yang ditulis); 1 berkas tidak dapat dibuka,\n' +
      'pemakaian salah, atau penulisan gagal.',
    cliOneFile: 'spbe gap memerlukan tepat satu berkas.',
    cliTargetConflict: 'Pilih hanya satu dari --target, --target-predicate dan --target-level.',
    cliBadTarget: 'Nilai --target tidak berlaku: "{value}". Tulis angka indeks, mis. 2.6.',
    cliBadLevel: 'Nilai --target-level tidak berlaku: "{value}". Tulis bilangan bulat 1 sampai 5.',
    cliOutConflict: '--out dan --in-place tidak dapat dipakai bersama.',
    cliOutIsInput: 'Berkas keluaran sama dengan berkas masukan; pakai --in-place bila memang ingin menggantinya.',
    cliNoIndex: 'Lembar analisis gap tidak ditulis karena indeks tidak dapat dihitung. Perbaiki galat yang tercantum di atas lalu jalankan perintahnya lagi.',
    cliWriteFailed: 'Gagal menulis {file}: {message}. Tidak ada berkas yang ditulis.',
    cliOutDirMissing: 'folder {dir} tidak ada (buat foldernya, atau pilih --out lain)',
    cliWrote: 'Lembar "{sheet}" ditulis ke {file}.',
    cliReplaced: 'Lembar analisis gap sebelumnya, "{sheet}", diganti.',
    cliOutExtension: 'Berkas keluaran harus berakhiran {ext}, karena masukannya {kind}: {file}',
    cliOutNotAFile: 'Keluaran {file} bukan berkas (folder, perangkat, pipa atau soket); beri --out nama berkas berakhiran {ext}.',
    cliOutReadOnly: '{file} hanya-baca; tidak ada yang ditulis. Jadikan dapat ditulis atau pilih --out lain.',
    kindXlsx: 'buku kerja Excel (.xlsx)',
    kindXlsm: 'buku kerja bermakro (.xlsm), yang tetap demikian',
    cliCurrent: 'Indeks saat ini: {index} ({predicate})',
    cliGoal: 'Sasaran: {goal} ({predicate})',
    cliPlanned: 'Indeks bila target tercapai: {index} ({predicate})',
    cliSteps: 'Rencana, urut menurut prioritas ({steps} langkah tingkat seluruhnya):',
    cliStep: '  {rank}. indikator {no}: {from} → {to} (+{uplift} poin indeks)',
    cliCycle: 'Siklus {cycle} ({steps} langkah tingkat; indeks sesudahnya: {index}, {predicate}):',
    cliNothing: 'Sasaran sudah tercapai; tidak ada langkah yang diperlukan.',
    cliUnreachable: '{reason} Tidak ada langkah yang direncanakan; pilih sasaran yang lebih rendah.',
    // issue 12: the plan's options, the team's columns, the compact header
    colCycle: 'Siklus',
    colLevelNames: 'Nama Tingkat (saat ini → target)',
    colOwner: 'Penanggung Jawab (OPD/PIC)',
    colDeadline: 'Tenggat',
    colEvidenceStatus: 'Status Bukti Dukung',
    colEvidenceLink: 'Tautan Bukti',
    colLock: 'Kunci',
    lockYes: 'Ya',
    lockNo: 'Tidak',
    evidenceStatuses: 'Belum ada,Disiapkan,Diunggah,Diterima',
    lockPromptTitle: 'Kunci',
    lockPrompt: 'Isi "Ya" bila indikator ini tidak dapat dinaikkan siklus ini: perencana membiarkannya pada jalankan berikutnya.',
    labelShortfall: 'Kekurangan setelah target',
    stepsCycles: 'langkah tingkat dalam {cycles} siklus evaluasi (paling banyak {max} tingkat per indikator per siklus)',
    noteEvidence: 'Perlu bukti dukung yang diterima untuk tingkat {level}.',
    sourceDate: 'Tanggal {date}',
    strategyFewest: 'langkah paling sedikit',
    strategyBalanced: 'seimbang (aspek terlemah dahulu)',
    cliOptionsUsage:
      'Rencana:\n' +
      '  --max-raise N            Kenaikan tingkat paling banyak per indikator per siklus evaluasi (bawaan 1; 5 = tanpa batas)\n' +
      '  --strategy S             fewest (langkah paling sedikit, bawaan) | balanced (aspek terlemah dahulu)\n' +
      '  --lock 12,31             Indikator yang tidak dapat dinaikkan siklus ini (juga kolom Kunci di lembar gap)',
    cliBadMaxRaise: 'Nilai --max-raise tidak berlaku: "{value}". Tulis bilangan bulat paling sedikit 1, mis. 1.',
    cliBadStrategy: 'Nilai --strategy tidak berlaku: "{value}". Pilih fewest atau balanced.',
    cliBadLock: 'Nilai --lock tidak berlaku: "{value}". Tulis nomor indikator dipisah koma, mis. 12,31 atau 35-2.',
    cliCycles: 'Siklus evaluasi: {cycles} (paling banyak {max} tingkat per indikator per siklus; strategi: {strategy})',
    cliLocks: 'Dikunci (tidak direncanakan): {locks}',
    cliEvidence: ' — perlu bukti dukung yang diterima untuk tingkat {level}',
    cliTeam: '{count} baris isian tim dari lembar gap sebelumnya dibawa ke lembar baru.',
  },
  functions: {
    // custom functions SPBE.* (src/functions): messages carried by the #VALUE!/#N/A/#NUM! errors,
    ok: 'OK',
    headerIndicator: 'Indikator',
    headerFrom: 'Dari',
    headerTo: 'Ke',
    headerPoints: 'Poin',
    posValue: 'Nilai ke-{pos} (indikator {indicator})',
    posRow: 'Baris ke-{pos} (indikator {indicator})',
    posArgument: 'Argumen {name}',
    LEVEL_BLANK: '{position}: kosong. Isi tingkat {range}.',
    LEVEL_ERROR_VALUE: '{position}: berisi galat {value}. Perbaiki rumusnya atau isi tingkat {range}.',
    LEVEL_NOT_A_LEVEL: '{position}: "{value}" bukan tingkat {range}.',
    LEVEL_OUT_OF_RANGE: '{position}: {value} di luar rentang tingkat 1–5.',
    LEVEL_ZERO: '{position}: tingkat 0 tidak ada; tingkat terendah adalah 1.',
    LEVEL_ZERO_2018: '{position}: tingkat 0 tidak ada; tingkat terendah adalah 1.',
    LEVEL_FRACTIONAL: '{position}: {value} bukan tingkat bulat; {frameworkId} hanya memakai tingkat bulat 1–5.',
    LEVEL_AMBIGUOUS: '{position}: "{value}" bisa berarti tingkat {levels}. Tulis angka tingkatnya.',
    FRAMEWORK_UNKNOWN: 'Kerangka "{framework}" tidak dikenal. Gunakan {known}, atau nomor peraturannya (misalnya "{regulation}").',
    FRAMEWORK_AMBIGUOUS: 'Rentang berisi {count} nilai, yang cocok untuk {candidates}; kerangkanya tidak dapat ditentukan. Sebutkan kerangkanya, misalnya "{example}".',
    BAD_SHAPE:
      'Rentang {rows}×{cols} tidak dapat dibaca. Berikan tingkat indikator dalam satu baris atau satu kolom (urut sesuai kerangka), ' +
      'atau dalam dua kolom (nomor indikator, tingkat).',
    BAD_COUNT: 'Rentang berisi {count} nilai; dalam satu baris atau kolom harus {counts} nilai. Untuk indikator {repeats} gunakan dua kolom (nomor indikator, tingkat).',
    BAD_COUNT_PLAIN: 'Rentang berisi {count} nilai; dalam satu baris atau kolom harus {counts} nilai.',
    BAD_COUNT_FOR_FRAMEWORK: 'Rentang berisi {count} nilai, padahal {frameworkId} memiliki {expected} indikator.',
    BAD_COUNT_FOR_FRAMEWORK_REPEATS:
      'Rentang berisi {count} nilai, padahal {frameworkId} memiliki {expected} indikator. Untuk indikator {repeats} gunakan dua kolom (nomor indikator, tingkat).',
    BAD_COUNT_PAIRS:
      'Rentang dua kolom berisi {count} indikator (nomor tertinggi {max}); kerangkanya tidak dapat ditentukan. ' +
      'Sebutkan kerangkanya, misalnya "{example}".',
    INDICATOR_NOT_A_NUMBER: 'Baris ke-{pos}: "{value}" bukan nomor indikator.',
    INDICATOR_UNKNOWN: 'Baris ke-{pos}: indikator {indicator} tidak ada dalam {frameworkId} (indikator 1–{count}).',
    INDICATOR_UNKNOWN_ENTRY:
      'Baris ke-{pos}: entri {indicator} tidak berlaku; dalam {frameworkId} hanya indikator {repeatable} yang boleh diulang ' +
      '(sampai {repeatable}-{max}).',
    INDICATOR_UNKNOWN_NO_REPEAT: 'Baris ke-{pos}: entri {indicator} tidak berlaku; dalam {frameworkId} tidak ada indikator yang boleh diulang.',
    INDICATOR_UNKNOWN_ARGUMENT: 'Indikator {value} tidak ada dalam {frameworkId} (indikator 1–{count}).',
    INDICATOR_DUPLICATE_CONFLICT: 'Indikator {indicator} tercantum dua kali dengan tingkat berbeda: {otherValue} (baris ke-{other}) dan {value} (baris ke-{pos}).',
    INDICATOR_DUPLICATE_CONFLICT_REPEATABLE:
      'Indikator {indicator} tercantum dua kali dengan tingkat berbeda: {otherValue} (baris ke-{other}) dan {value} (baris ke-{pos}). ' +
      'Jika ini beberapa layanan publik, beri nomor {indicator}-2, {indicator}-3 (paling banyak {max}).',
    INDICATOR_MISSING: 'Indikator {indicator} tidak ada dalam rentang; {frameworkId} memiliki {count} indikator.',
    NOT_A_NUMBER: '{position}: "{value}" bukan angka.',
    ARGUMENT_MISSING: '{position} wajib diisi.',
    ASPECT_UNKNOWN: 'Aspek {value} tidak ada dalam {frameworkId} (aspek 1–{max}).',
    DOMAIN_UNKNOWN: 'Domain {value} tidak ada dalam {frameworkId} (domain 1–{max}).',
    NO_DOMAINS: '{frameworkId} tidak memiliki domain; gunakan SPBE.ASPECT.',
    INDEX_OUT_OF_RANGE: 'Indeks {value} di luar rentang 1–5.',
    BASIS_UNKNOWN: 'Dasar predikat "{value}" tidak dikenal. Gunakan "exact" (nilai penuh) atau "rounded" (dibulatkan 2 desimal).',
    WEIGHT_OF_ENTRY: 'Bobot entri {value} bergantung pada jumlah layanan yang dinilai. Gunakan SPBE.UPLIFT, atau nomor indikatornya saja ({number}).',
    NOT_IN_VALUES: 'Indikator {indicator} tidak ada dalam rentang nilai.',
    TARGET_UNKNOWN: 'Target "{value}" tidak dapat dibaca. Tulis indeks (misalnya 2,6), predikat (misalnya "Baik") atau tingkat seragam ("Tingkat 3").',
    TARGET_UNREACHABLE: 'Target "{value}" tidak dapat dicapai.',
    INTERNAL: 'Kesalahan internal: {message}. Mohon laporkan dengan contoh nilainya.',
  },
  pane: {
    appTitle: 'Indeks SPBE',
    language: 'Bahasa',
    languageId: 'Bahasa Indonesia',
    languageEn: 'English',
    reading: 'Membaca buku kerja…',
    readFailed: 'Buku kerja tidak dapat dibaca: {reason}',
    retry: 'Baca ulang',
    browserTitle: 'Buka buku kerja (.xlsx)',
    browserIntro: 'Pilih buku kerja penilaian SPBE Anda untuk melihat indeks dan masalahnya, lalu buat lembar analisis gap.',
    privacy: 'Semuanya berjalan di peramban ini; berkas Anda tidak diunggah ke mana pun.',
    openFile: 'Buka buku kerja (.xlsx)',
    fileOpened: 'Berkas: {file}',
    settingsTitle: 'Pengaturan',
    frameworkLabel: 'Kerangka evaluasi',
    frameworkAuto: 'Otomatis (dari isi tabel)',
    frameworkDetected: 'terdeteksi dari isi tabel',
    frameworkForced: 'dipilih oleh Anda',
    usedFor: 'Untuk evaluasi {years}',
    usedFrom: 'Untuk evaluasi sejak {year}',
    columnLabel: 'Kolom tingkat',
    columnAuto: 'Otomatis: kolom {letter} ({header})',
    columnOption: 'Kolom {letter}: {header}',
    sheetInfo: 'Lembar "{sheet}", kolom {letter} ({header})',
    basisLabel: 'Dasar predikat',
    basisExact: 'Indeks penuh (tanpa pembulatan)',
    basisRounded: 'Indeks dibulatkan 2 desimal',
    maxRaiseLabel: 'Kenaikan paling banyak per indikator per siklus',
    maxRaiseOption: '{max} tingkat',
    maxRaiseNone: 'Tanpa batas',
    strategyLabel: 'Strategi rencana',
    strategyFewest: 'Langkah paling sedikit',
    strategyBalanced: 'Seimbang (aspek terlemah dahulu)',
    indexLabel: 'Indeks',
    predicateLabel: 'Predikat',
    indexExact: 'Nilai penuh: {value}',
    noIndex: 'Indeks belum dapat dihitung: perbaiki kesalahan di bawah.',
    domainsTitle: 'Domain',
    aspectsTitle: 'Aspek',
    problemsTitle: 'Masalah',
    problemsCount: '{errors} kesalahan, {warnings} peringatan',
    noProblems: 'Tidak ada masalah: semua tingkat terbaca.',
    showAllWarnings: 'Tampilkan semua peringatan ({count})',
    showFewerWarnings: 'Tampilkan lebih sedikit',
    severityError: 'Kesalahan',
    severityWarning: 'Peringatan',
    severityInfo: 'Catatan',
    notesCount: '{notes} catatan',
    sheetLabel: 'Lembar penilaian',
    sheetAuto: 'Otomatis: {sheet}',
    sheetAutoNewest: 'Otomatis (penilaian terbaru)',
    sheetOption: '{sheet}',
    sheetOptionYear: '{sheet} (tahun {year})',
    targetColumn: 'Kolom Target di lembar',
    targetColumnIs: 'Target per indikator dari kolom Target: indeks {min} ({predicate})',
    problemCell: 'Sel {cell}',
    problemSelect: 'Pilih sel {cell} di lembar {sheet}',
    problemsHint: 'Klik sebuah masalah untuk menuju selnya di Excel.',
    targetTitle: 'Target',
    targetNext: 'Predikat berikutnya',
    targetIndex: 'Indeks tertentu',
    targetLevel: 'Tingkat seragam',
    targetKind: 'Jenis target',
    targetIndexInput: 'Indeks target (1–5)',
    targetLevelInput: 'Tingkat target',
    targetNextIs: '{predicate}: indeks minimal {min}',
    targetTop: 'Sudah di predikat tertinggi ({predicate}).',
    targetInvalidIndex: 'Tulis indeks antara 1 dan 5, misalnya 2,60.',
    planTitle: 'Rencana',
    planSummary: '{count} indikator dinaikkan ({steps} langkah tingkat): indeks {from} → {to} ({predicate}).',
    planReached: 'Target sudah tercapai: tidak ada indikator yang perlu dinaikkan.',
    planUnreachable: 'Target tidak dapat dicapai: {reason}',
    planIndicator: 'Indikator',
    planPoints: 'Poin indeks',
    planMore: '… dan {count} indikator lainnya (lihat lembar gap).',
    generate: 'Buat Sheet Gap',
    generating: 'Menulis lembar gap…',
    writeDone: 'Lembar "{sheet}" telah dibuat dan diaktifkan.',
    writeReplaced: 'Lembar "{sheet}" telah diperbarui dan diaktifkan.',
    writeDoneFile: 'Lembar "{sheet}" telah ditambahkan ke salinan buku kerja ({date}). Unduh di bawah.',
    writeFailed: 'Lembar gap tidak dibuat: {reason}. Buku kerja tidak diubah.',
    writeFailedExcel: 'Excel menolak penulisan (kode {code})',
    writeFailedLeftover: 'Lembar gap tidak selesai ditulis: {reason}. Lembar "{sheet}" yang belum lengkap mungkin tertinggal; hapuslah lembar itu.',
    blockedErrors: 'Lembar gap belum dapat dibuat: perbaiki dulu {count} kesalahan di daftar masalah.',
    blockedNotRead: 'Buku kerja belum terbaca.',
    download: 'Unduh {file}',
    downloadNote: 'Berkas asli Anda tidak diubah; hasilnya adalah salinan dengan lembar gap.',
    // Excel without the requirement sets the add-in needs (src/taskpane/components/Unsupported.tsx).
    unsupportedTitle: 'Excel ini tidak dapat menjalankan add-in sepenuhnya',
    unsupportedExcel:
      'Yang tidak tersedia: {missing}. Add-in berjalan di Microsoft 365 (Windows dan Mac), Excel 2021 atau lebih baru, dan Excel di web; Excel 2016 dan 2019 tidak dapat menjalankan fungsi kustomnya. Halaman peramban mengerjakan semuanya pada berkas .xlsx Anda, tanpa mengunggahnya.',
    browserPageLink: 'Buka halaman peramban',
    // the pane's order and words (issue 13)
    simulation: 'simulasi',
    simulationTip: 'Dihitung dari buku kerja ini, bukan nilai resmi hasil evaluasi.',
    changeFile: 'Ganti',
    changeFileLabel: 'Ganti buku kerja (.xlsx)',
    guidanceExcel: 'Klik sebuah masalah untuk menuju selnya, lalu perbaiki di sana: indeks dihitung ulang sendiri.',
    guidanceFile: 'Perbaiki berkasnya di Excel, simpan, lalu buka lagi di sini.',
    problemGroupCount: '{count}×',
    problemGoTo: 'ke sel {cell}',
    legendTitle: 'Predikat',
    legendBand: '{predicate} ≥ {min}',
    targetMarker: 'target {value}',
    targetMarkerLegend: '▏ garis = target {value}',
    pointsExact: 'Nilai penuh: {value}',
    notAssessed: 'tanpa indeks',
    planPointsTotal: 'Jumlah poin: {value}',
  },
  // comparisons and transition previews: their own file, to keep the catalogue easy to merge
  compare: compareId,
  // short titles of the problem groups in the pane (src/taskpane/components/Problems.tsx); a code without one is 'other'
  problemTitles: {
    NO_TABLE: 'Tabel penilaian tidak ditemukan',
    SHEET_NOT_FOUND: 'Lembar tidak ada',
    COLUMN_NOT_FOUND: 'Kolom tidak ada',
    FRAMEWORK_UNKNOWN: 'Kerangka tidak dikenal',
    FRAMEWORK_MISMATCH: 'Kerangka tidak cocok',
    NO_LEVEL_COLUMN: 'Tidak ada kolom tingkat',
    LEVEL_COLUMN_CHOSEN: 'Kolom tingkat yang dipakai',
    OTHER_TABLES: 'Tabel penilaian lain',
    SHEET_TRUNCATED: 'Lembar sangat panjang',
    LEVEL_BLANK: 'Tingkat kosong',
    LEVEL_NOT_A_LEVEL: 'Bukan tingkat',
    LEVEL_ERROR_VALUE: 'Nilai galat Excel',
    LEVEL_OUT_OF_RANGE: 'Tingkat di luar rentang',
    LEVEL_FRACTIONAL: 'Tingkat pecahan',
    LEVEL_AMBIGUOUS: 'Tingkat bermakna ganda',
    INDICATOR_MISSING: 'Indikator tidak ada',
    INDICATOR_DUPLICATE_CONFLICT: 'Indikator ganda, tingkat berbeda',
    INDICATOR_DUPLICATE: 'Indikator ganda',
    INDICATOR_UNKNOWN: 'Indikator tidak dikenal',
    ROWS_IGNORED: 'Baris diabaikan',
    WEIGHT_MISMATCH: 'Bobot berbeda dari peraturan',
    NAME_MISMATCH: 'Nama indikator berbeda',
    EVIDENCE_MISSING: 'Bukti dukung kosong',
    TARGET_UNREADABLE: 'Target tidak terbaca',
    other: 'Masalah lain',
  },
};

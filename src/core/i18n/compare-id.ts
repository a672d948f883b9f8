/**
 * Indonesian messages of comparisons and transition previews (section `compare` of the catalogue):
 * src/core/compare.ts (notes), compare-text.ts (readable text), compare-preview.ts, crosswalks/index.ts.
 * Same keys and placeholders as compare-en.ts (a test checks it).
 */
export const compareId = {
  // crosswalk rows made in code (crosswalks/index.ts)
  sameNote: 'Indikator yang sama (kerangka yang sama).',
  viaNote: 'Lewat {regulation} (indikator {nos}): {note}',
  viaNoteNew: 'Pokok bahasannya dalam {regulation} (indikator {nos}) sudah baru di sana. {note}',
  viaRemovedNote: 'Penerusnya dalam {regulation} (indikator {nos}) tidak dinilai lagi. {note}',
  viaBasisNote: 'Gabungan dua padanan, lewat {regulation}. {first} {second}',

  // notes of a comparison (compare.ts)
  noteBySubject:
    'Perbandingan lintas regulasi ({from} → {to}): padanan indikator adalah kesesuaian menurut pokok bahasan. ' +
    'Tingkat lama yang dipadankan hanya pembanding, bukan nilai menurut regulasi baru. {basis}',
  noteComposed: 'Padanan ini melewati regulasi di antaranya: {via}.',
  noteNew: '{count} indikator baru dalam {to} ({nos}; bobot {weight} %): tidak ada indikator lama yang mencakup pokok bahasannya.',
  notePartial: '{count} indikator hanya sebagian cocok ({nos}): indikator lamanya hanya mencakup sebagian pokok bahasannya.',
  noteRemoved: '{count} indikator {from} tidak dinilai lagi ({nos}).',
  noteServicesAveraged:
    'Indikator {indicator} dinilai untuk {count} layanan ({keys}); rata-ratanya, {mean}, menjadi tingkat sebelum bagi nomor {nos}.',
  noteServicesCount:
    'Indikator {indicator} dinilai untuk {before} layanan sebelumnya dan {after} layanan sekarang. Bobot aspek {aspect} dibagi rata ' +
    'atas semua isiannya, sehingga bobot indikator {nos} ikut berubah; sumbangannya memuat perubahan bobot itu.',
  noteValuedElsewhere:
    'Dinilai dari indeks instansi lain: nomor {nos}; perubahannya ({points}) bukan hasil kerja instansi sendiri.',
  orderYearsContradict:
    'Menurut tahunnya, penilaian {newer} ({newerYear}) lebih dulu daripada penilaian {older} ({olderYear}), padahal regulasi {older} ' +
    'mendahului {newer}. Penilaian {older} dipakai sebagai "sebelum"; periksa tahun pada nama lembar, judul atau nama berkas.',
  orderSameYear: 'Kedua penilaian bertahun {year}: yang disebut pertama dipakai sebagai "sebelum".',
  orderArguments: 'Tahun penilaian tidak ditemukan: yang disebut pertama dipakai sebagai "sebelum".',

  // readable comparison (compare-text.ts)
  titleSame: 'Perbandingan dua penilaian, {framework}',
  titleAcross: 'Perbandingan lintas regulasi: {before} → {after}',
  indexLine: 'Indeks: {before} ({beforePredicate}) → {after} ({afterPredicate}), perubahan {delta}',
  roundingNote: 'Perubahan dihitung dari nilai penuh ({delta}), sehingga dapat berbeda 0,01 dari selisih angka yang dibulatkan.',
  effectRegulation: 'Perubahan regulasi saja: {points} (indeks menurut {to} dengan tingkat lama: {index}).',
  effectLevels: 'Perubahan tingkat indikator oleh instansi: {points}.',
  effectLevelsOnly: 'Seluruh perubahan berasal dari perubahan tingkat indikator: {points} (kerangka yang sama).',
  effectLevelsElsewhere: 'Perubahan tingkat indikator: {points}, di antaranya {elsewhere} dari indikator yang dinilai instansi lain (nomor {nos}).',
  moversTitle: 'Indikator yang paling menggerakkan indeks (poin indeks):',
  moversNone: 'Tidak ada indikator padanan yang tingkatnya berubah.',
  fromNos: '(dibandingkan dengan {nos})',
  moverValuedElsewhere: '— dinilai instansi lain',
  newTitle: 'Baru dalam {to}: {count} indikator, bobot {weight} %; pengaruhnya pada perubahan regulasi {points}:',
  newAspect: 'Aspek {aspect} {name}: nomor {nos}, tingkat rata-rata sekarang {level}: {points}',
  newAspectWhole: 'Aspek {aspect} {name} (seluruhnya baru): nomor {nos}, tingkat rata-rata sekarang {level}: {points}',
  reweightLine:
    'Sisa perubahan regulasi, {points}, berasal dari bobot baru indikator padanan (dan dari indikator yang tidak dinilai lagi).',
  newNone: 'Tidak ada indikator baru dalam {to}.',
  partialLine: 'Hanya sebagian cocok ({count} indikator; tingkat lamanya pembanding kasar): {nos}.',
  removedLine: 'Tidak dinilai lagi dalam {to}: {count} indikator {from} ({nos}).',
  aspectsTitle: 'Aspek (sebelum → sesudah):',
  aspectsMatched: 'Aspek (sebelum: dari tingkat {from} indikator padanan; "–" bila tidak ada padanan):',
  domainsTitle: 'Domain (sebelum → sesudah):',
  domainsMatched: 'Domain (sebelum: dari tingkat {from} indikator padanan; "–" bila tidak ada padanan):',
  notesTitle: 'Catatan:',
  noBefore: '–',

  // transition preview (compare-preview.ts, compare-text.ts)
  previewLabel: 'Perkiraan, bukan nilai resmi',
  previewTitle: 'Pratinjau {to} dari penilaian {from} — {label}.',
  previewRange: 'Indeks perkiraan antara {low} ({lowPredicate}) dan {high} ({highPredicate}).',
  previewRule:
    'Indikator padanan membawa tingkat (rata-rata) lamanya; indikator baru belum diketahui, batas bawah menghitungnya 1 dan batas atas 5; ' +
    'indikator yang dinilai instansi lain dihitung 1 sampai nilainya diketahui.',
  previewCarried: 'Membawa tingkat lama: {count} indikator ({nos}).',
  previewMustAssess: 'Harus dinilai untuk pertama kali: {count} indikator, bobot {weight} %:',
  previewValuedElsewhere: 'Dinilai dari indeks instansi lain (bukan oleh instansi sendiri):',
  previewGiven: 'nilai yang diberikan {value}',
  previewCountsOne: 'dihitung 1 sampai nilainya tersedia',
  previewPartial: 'Hanya sebagian cocok ({count} indikator; tingkat yang dibawa pembanding kasar): {nos}.',
  previewRemoved: 'Tidak dihitung lagi: {count} indikator ({nos}).',
  // the comparison sheet (compare-sheet.ts)
  sheetName: 'Perbandingan',
  sheetTitle: 'Perbandingan Dua Penilaian',
  sheetSubtitleSame: '{framework}: sebelum dan sesudah',
  sheetSubtitleAcross: 'Lintas regulasi: {before} → {after}',
  sheetBefore: 'Sebelum',
  sheetAfter: 'Sesudah',
  sheetIndexBefore: 'Indeks sebelum',
  sheetIndexAfter: 'Indeks sesudah',
  sheetDelta: 'Perubahan indeks',
  sheetRegulationIndex: 'Indeks {to} pada tingkat lama',
  sheetEffectFramework: 'Efek perubahan regulasi',
  sheetEffectLevels: 'Efek perubahan tingkat',
  sheetMade: 'Dibuat',
  sheetSectionIndicators: 'Indikator (kerangka {framework})',
  sheetSectionAspects: 'Aspek',
  sheetSectionDomains: 'Domain',
  sheetSectionMovers: 'Indikator penggerak terbesar',
  sheetSectionRemoved: 'Tidak dinilai lagi ({from})',
  sheetSectionNotes: 'Catatan',
  sheetMatchedNote: 'Nilai "sebelum" aspek dan domain dihitung dari tingkat lama indikator padanan (kosong bila tidak ada padanan).',
  colNo: 'No',
  colIndicator: 'Indikator',
  colAspect: 'Aspek',
  colDomain: 'Domain',
  colRelation: 'Hubungan',
  colFrom: 'Indikator lama',
  colWeight: 'Bobot (%)',
  colBefore: 'Sebelum',
  colAfter: 'Sesudah',
  colChange: 'Perubahan',
  colContribution: 'Kontribusi (poin)',
  colCompared: 'Tingkat pembanding',
  colName: 'Nama',
  chartAspects: 'Aspek: sebelum dan sesudah',
  relSame: 'sama',
  relSameSubject: 'pokok bahasan sama',
  relPartial: 'sebagian',
  relNew: 'baru',
  relRemoved: 'tidak dinilai lagi',

  // spbe compare (src/cli/compare-command.ts)
  cliUsage:
    'Pemakaian: spbe compare [--json] [--out FILE] [--sheet NAMA] [--before-sheet NAMA] [--framework ID] [--column JUDUL]\n' +
    '                        [--predicate-basis exact|rounded] [--lang id|en] SEBELUM.xlsx SESUDAH.xlsx\n' +
    '       spbe compare [opsi] FILE.xlsx      (satu buku kerja dengan dua sheet penilaian, mis. "Penilaian 2023" dan "Penilaian 2024")\n\n' +
    'Membandingkan dua penilaian: berapa indeks berubah, berapa bagian dari perubahan regulasi dan berapa dari\n' +
    'perubahan tingkat, indikator penggerak terbesar, dan apa yang baru. "Sebelum" adalah penilaian yang lebih lama\n' +
    '(menurut regulasinya, lalu tahun di nama sheet, judul di atas tabel atau nama file); tanpa tahun, urutan argumen.\n\n' +
    'Opsi:\n' +
    '  --json                   Satu objek JSON (before, after, delta, effects, indicators, aspects, domains, estimate, issues)\n' +
    '  --out FILE               Tulis sheet perbandingan ke salinan buku kerja sisi "sesudah"\n' +
    '  --sheet NAMA             Sheet penilaian (dua file: di file kedua, atau di keduanya tanpa --before-sheet)\n' +
    '  --before-sheet NAMA      Sheet penilaian "sebelum" (satu file), atau sheet di file pertama\n' +
    '  --framework ID           Pakai kerangka ini untuk kedua sisi: {frameworks}\n' +
    '  --column JUDUL           Kolom tingkat yang dipakai di kedua sisi\n' +
    '  --predicate-basis B      Predikat dari nilai tepat (bawaan) atau yang dibulatkan\n' +
    '  --lang id|en             Bahasa keluaran (bawaan: id)\n\n' +
    'Kode keluar: 0 dibandingkan; 2 salah satu penilaian ada kesalahan; 1 file tidak dapat dibuka atau pemakaian salah.',
  cliFiles: 'spbe compare perlu satu atau dua file.',
  cliOneAssessment: '{file} hanya berisi satu penilaian. Sebutkan file kedua, atau pakai buku kerja dengan dua sheet penilaian (mis. "Penilaian 2023" dan "Penilaian 2024").',
  cliSameSheet: 'Kedua sisi adalah sheet yang sama ({sheet}). Pilih dua sheet penilaian yang berbeda.',
  cliNoCrosswalk: 'Tidak ada padanan indikator dari {from} ke {to}.',
  cliSideErrors: 'Penilaian {side} ({where}) ada kesalahan; perbandingan tidak dibuat:',
  cliSideBefore: '"sebelum"',
  cliSideAfter: '"sesudah"',
  cliBeforeIs: 'Sebelum: {where}',
  cliAfterIs: 'Sesudah: {where}',
  cliOutIsInput: '--out tidak boleh menimpa file masukan.',
  cliWrote: 'Sheet "{sheet}" ditulis ke {file}.',
  cliReplaced: 'Sheet perbandingan sebelumnya diganti.',
  cliWriteFailed: 'Tidak dapat menulis {file}: {message}',

  // the pane (src/taskpane/components/Compare.tsx)
  paneTitle: 'Bandingkan',
  paneIntro: 'Bandingkan penilaian ini dengan penilaian lain: tahun sebelumnya atau regulasi sebelumnya.',
  paneSheet: 'Sheet penilaian lain di buku kerja ini',
  paneNoSheet: '(pilih sheet)',
  paneOpenFile: 'Buka file pembanding (.xlsx)',
  paneOtherFile: 'Pembanding: {file}',
  paneCompare: 'Bandingkan',
  paneComparing: 'Membandingkan…',
  paneWrite: 'Buat Sheet Perbandingan',
  paneWriting: 'Menulis sheet perbandingan…',
  paneWriteDone: 'Sheet "{sheet}" dibuat.',
  paneWriteDoneFile: 'Sheet "{sheet}" ditambahkan ke salinan yang dapat diunduh.',
  paneWriteFailed: 'Sheet perbandingan tidak ditulis: {reason}',
  paneSideErrors: 'Penilaian {side} ({where}) ada kesalahan ({count}); perbaiki dulu.',
  paneReadFailed: 'File pembanding tidak dapat dibaca: {reason}',
  paneIndex: 'Indeks',
  paneDelta: 'Perubahan',
  paneEffectFramework: 'Efek regulasi',
  paneEffectLevels: 'Efek tingkat',
  paneMovers: 'Penggerak terbesar',
  paneAspects: 'Aspek',
  paneDomains: 'Domain',
  paneEstimate: 'Perkiraan {to}: {low} – {high} ({label})',
  paneDownload: 'Unduh {file}',
};

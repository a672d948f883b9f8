/**
 * "Buka buku kerja (.xlsx)" outside Excel: the browser's own file input IS the control.
 *
 * Why not a button that calls `input.click()` on a hidden input (the earlier design)? A file dialog
 * opened from script is gated by the browser: Chromium opens it only while the page holds transient
 * user activation, and whether a click synthesised by Enter/Space on one element, forwarded through
 * React to a `click()` on another (hidden, unfocusable, aria-hidden) element, still counts depends on
 * the browser's version and its focus and activation rules. A keyboard user then pressed Enter and got
 * nothing. Here the real `<input type="file">` is the focusable, labelled element: Enter, Space and a
 * pointer click reach it directly and the browser opens its dialog itself, with no script in between.
 *
 * It is drawn as a button: the input lies transparent over the visible face and covers it exactly, so a
 * click anywhere on the face lands on the input, the focused element's box is the button's box, and the
 * focus ring (drawn on the face while the input has keyboard focus) is visible. The input is named with
 * the button's text (aria-label, and the label around both); the face is hidden from assistive technology
 * so the name is said once.
 *
 * Before a workbook is opened: a title, what the page does, the primary button and the privacy note. Once one
 * is open the picker folds to one line, "spbe2020-contoh.xlsx · Ganti", so the index comes first.
 *
 * Part of the pane's first script: plain elements and the page's own CSS (taskpane.html, classes sp-*), no Fluent.
 */
import type { Lang } from '../../core/types';
import { text } from '../../core/i18n';

const XLSX_TYPES = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12';

export interface FilePickerProps {
  readonly lang: Lang;
  /** The workbook opened last, or null before the first. */
  readonly fileName: string | null;
  readonly onFile: (f: File) => void;
}

function FileInput(props: { label: string; face: string; primary: boolean; onFile: (f: File) => void }) {
  return (
    <label className="sp-picker" data-testid="open-file">
      <input
        id="file-input"
        className="sp-file-input"
        type="file"
        accept={XLSX_TYPES}
        data-testid="file-input"
        aria-label={props.label}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          // Cleared so that choosing the same file again (after editing it) opens it again.
          e.currentTarget.value = '';
          if (f) props.onFile(f);
        }}
      />
      {/* Said once, as the input's name: the face is only what sighted users see of it. */}
      <span className={`sp-face ${props.primary ? 'sp-face-primary' : 'sp-face-secondary'}`} aria-hidden="true">
        {props.face}
      </span>
    </label>
  );
}

export function FilePicker(props: FilePickerProps) {
  const { lang } = props;
  if (props.fileName !== null) {
    return (
      <div className="sp-fileline" data-testid="file-line">
        <span className="sp-filename" data-testid="file-name" title={props.fileName}>
          {props.fileName}
        </span>
        <span aria-hidden="true">·</span>
        <FileInput label={text(lang, 'pane', 'changeFileLabel')} face={text(lang, 'pane', 'changeFile')} primary={false} onFile={props.onFile} />
      </div>
    );
  }
  const label = text(lang, 'pane', 'openFile');
  return (
    <section className="sp-section" aria-labelledby="open-title">
      <h2 className="sp-h2" id="open-title">
        {text(lang, 'pane', 'browserTitle')}
      </h2>
      <p className="sp-small">{text(lang, 'pane', 'browserIntro')}</p>
      <FileInput label={label} face={label} primary onFile={props.onFile} />
      <p className="sp-muted" data-testid="privacy-note">
        {text(lang, 'pane', 'privacy')}
      </p>
    </section>
  );
}

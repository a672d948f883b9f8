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
 * It is drawn as a Fluent button: the input lies transparent over the visible face and covers it
 * exactly, so a click anywhere on the face lands on the input, the focused element's box is the
 * button's box, and the focus ring (drawn on the face while the input has keyboard focus) is visible.
 * The input is named with the button's text (aria-label, and the label around both for browsers
 * that take the name from it); the face is hidden from assistive technology so the name is said once.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/types';
import { text } from '../../core/i18n';
import { useStyles } from './styles';

const XLSX_TYPES = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12';

const focusRing = {
  outlineWidth: tokens.strokeWidthThick,
  outlineStyle: 'solid',
  outlineColor: tokens.colorStrokeFocus2,
  outlineOffset: '2px',
} as const;

const usePickerStyles = makeStyles({
  picker: {
    position: 'relative',
    display: 'inline-flex',
    alignSelf: 'flex-start',
    maxWidth: '100%',
  },
  // Transparent and on top of the face, exactly its size: the click target and the keyboard stop.
  input: {
    position: 'absolute',
    top: '0',
    left: '0',
    width: '100%',
    height: '100%',
    margin: '0',
    padding: '0',
    opacity: '0',
    cursor: 'pointer',
    // The ring is drawn on the face: keyboard focus only (:focus-visible) ...
    ':focus-visible + span': focusRing,
    // ... and on any focus where the browser does not know :focus-visible (older WebKit).
    '@supports not selector(:focus-visible)': { ':focus + span': focusRing },
  },
  // The face: Fluent's medium button (padding, radius, type ramp, colours).
  face: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    boxSizing: 'border-box',
    minHeight: '32px',
    minWidth: '96px',
    maxWidth: '100%',
    paddingTop: tokens.spacingVerticalSNudge,
    paddingBottom: tokens.spacingVerticalSNudge,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    ...shorthands.borderWidth(tokens.strokeWidthThin),
    ...shorthands.borderStyle('solid'),
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'center',
    userSelect: 'none',
    '@media (forced-colors: active)': { ...shorthands.borderColor('ButtonText'), color: 'ButtonText', backgroundColor: 'ButtonFace' },
  },
  primary: {
    backgroundColor: tokens.colorBrandBackground,
    ...shorthands.borderColor('transparent'),
    color: tokens.colorNeutralForegroundOnBrand,
  },
  primaryHover: {
    ':hover > span': { backgroundColor: tokens.colorBrandBackgroundHover },
    ':active > span': { backgroundColor: tokens.colorBrandBackgroundPressed },
  },
  secondary: {
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.borderColor(tokens.colorNeutralStroke1),
    color: tokens.colorNeutralForeground1,
  },
  secondaryHover: {
    ':hover > span': { backgroundColor: tokens.colorNeutralBackground1Hover, ...shorthands.borderColor(tokens.colorNeutralStroke1Hover) },
    ':active > span': { backgroundColor: tokens.colorNeutralBackground1Pressed, ...shorthands.borderColor(tokens.colorNeutralStroke1Pressed) },
  },
});

export interface FilePickerProps {
  readonly lang: Lang;
  /** The workbook opened last, or null before the first. */
  readonly fileName: string | null;
  readonly onFile: (f: File) => void;
}

export function FilePicker(props: FilePickerProps) {
  const s = useStyles();
  const p = usePickerStyles();
  const { lang } = props;
  const primary = props.fileName === null;
  const label = text(lang, 'pane', 'openFile');
  return (
    <section className={s.section} aria-labelledby="open-title">
      <h2 className={s.sectionTitle} id="open-title">
        {text(lang, 'pane', 'browserTitle')}
      </h2>
      <p className={s.small}>{text(lang, 'pane', 'browserIntro')}</p>
      <label className={mergeClasses(p.picker, primary ? p.primaryHover : p.secondaryHover)} data-testid="open-file">
        <input
          id="file-input"
          className={p.input}
          type="file"
          accept={XLSX_TYPES}
          data-testid="file-input"
          aria-label={label}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            // Cleared so that choosing the same file again (after editing it) opens it again.
            e.currentTarget.value = '';
            if (f) props.onFile(f);
          }}
        />
        {/* Said once, as the input's name: the face is only what sighted users see of it. */}
        <span className={mergeClasses(p.face, primary ? p.primary : p.secondary)} aria-hidden="true">
          {label}
        </span>
      </label>
      {props.fileName && (
        <p className={s.small} data-testid="file-name">
          {text(lang, 'pane', 'fileOpened', { file: props.fileName })}
        </p>
      )}
      <p className={s.muted} data-testid="privacy-note">
        {text(lang, 'pane', 'privacy')}
      </p>
    </section>
  );
}

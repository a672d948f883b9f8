/**
 * "Bandingkan" (Compare): this workbook's assessment beside another one. In Excel, another assessment sheet of
 * this workbook (a sheet per year) or a workbook file; in the browser page, a second file. Shows the change of
 * the index (and how much the change of regulation and the level changes each account for), the indicators
 * that moved it most, aspects and domains before and after, the estimate of the next regulation; one button
 * writes the comparison sheet into the workbook (Excel) or into the copy to download (browser).
 *
 * All behaviour is in CompareController (headless, tested on the strict fake Excel); this only renders it.
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
} from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
} from "@fluentui/react-components";
import type { Lang } from "../../core/types";
import { text, type Catalogue } from "../../core/i18n";
import {
  CompareController,
  type CompareState,
  type GroupView,
} from "../compare-controller";
import type { PaneController } from "../controller";
import { useStyles } from "./styles";

const XLSX_TYPES =
  ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12";

function useCompare(c: CompareController): CompareState {
  const subscribe = useCallback((l: () => void) => c.subscribe(l), [c]);
  const get = useCallback(() => c.getState(), [c]);
  return useSyncExternalStore(subscribe, get, get);
}

const NO_EVALUATION = -1;
/** Figures in the tables stay on one line. */
const NUM = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/**
 * The Compare controller of the pane's workbook (PaneDetails holds it: the section below and the action bar's
 * secondary button share it): this workbook's grids are the pane's (no read of its own), it starts once the
 * pane has read the workbook and compares again after each re-read; null before the pane exists.
 */
export function useCompareController(
  pane: PaneController | null,
  lang: Lang,
): CompareController | null {
  const controller = useMemo(
    () =>
      pane
        ? new CompareController(pane.workbookHost(), {
            lang,
            grids: pane.workbookGrids,
          })
        : null,
    [pane],
  ); // the language follows below
  const subscribe = useCallback(
    (l: () => void) => (pane ? pane.subscribe(l) : () => undefined),
    [pane],
  );
  const evaluations = useSyncExternalStore(
    subscribe,
    () =>
      pane && pane.getState().phase === "ready"
        ? pane.getState().evaluations
        : NO_EVALUATION,
    () => NO_EVALUATION,
  );
  const started = useRef<CompareController | null>(null);
  useEffect(() => () => controller?.dispose(), [controller]);
  useEffect(() => {
    if (!controller || evaluations === NO_EVALUATION) return;
    if (started.current !== controller) {
      started.current = controller;
      void controller.start();
    } else {
      void controller.workbookChanged();
    }
  }, [controller, evaluations]);
  useEffect(() => {
    if (controller && controller.getState().lang !== lang)
      controller.setLang(lang);
  }, [controller, lang]);
  return controller;
}

/** "Buat Sheet Perbandingan", for the action bar's secondary slot: shown once two assessments are compared. */
export function CompareWriteButton(props: { controller: CompareController }) {
  const st = useCompare(props.controller);
  if (st.phase !== "ready") return null;
  return (
    <Button
      appearance="secondary"
      data-testid="compare-write"
      onClick={() => void props.controller.writeSheet()}
    >
      {text(st.lang, "compare", "paneWrite")}
    </Button>
  );
}

/** The section (its button is in the action bar: CompareWriteButton). */
export function Compare(props: { controller: CompareController }) {
  return <CompareView controller={props.controller} />;
}

function CompareView(props: { controller: CompareController }) {
  const c = props.controller;
  const st = useCompare(c);
  const s = useStyles();
  const lang = st.lang;
  const t = (
    key: keyof Catalogue["compare"],
    params?: Record<string, string | number>,
  ) => text(lang, "compare", key, params);
  const output = useMemo(
    () => (st.write.phase === "done" ? c.output() : null),
    [c, st.write],
  );
  const url = useMemo(() => {
    if (
      !output ||
      typeof URL === "undefined" ||
      typeof URL.createObjectURL !== "function"
    )
      return null;
    const type = /\.xlsm$/i.test(output.fileName)
      ? "application/vnd.ms-excel.sheet.macroEnabled.12"
      : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return URL.createObjectURL(new Blob([output.bytes as BlobPart], { type }));
  }, [output]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  const v = st.view;
  if (!st.listed) return null;
  return (
    <section
      className={s.section}
      aria-labelledby="compare-title"
      data-testid="compare"
    >
      <h2 className={s.sectionTitle} id="compare-title">
        {t("paneTitle")}
      </h2>
      <p className={s.small}>{t("paneIntro")}</p>
      {c.hostKind === "excel" && st.sheets.length > 0 && (
        <Field label={t("paneSheet")} size="small">
          <Select
            size="small"
            data-testid="compare-sheet"
            value={st.with?.kind === "sheet" ? st.with.sheet : ""}
            onChange={(_, d) => d.value && void c.chooseSheet(d.value)}
          >
            <option value="">{t("paneNoSheet")}</option>
            {st.sheets.map((x) => (
              <option key={x.sheet} value={x.sheet}>
                {x.sheet}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <label className={s.small}>
        {t("paneOpenFile")}{" "}
        <input
          style={{
            display: "block",
            width: "100%",
            maxWidth: "100%",
            boxSizing: "border-box",
          }}
          type="file"
          accept={XLSX_TYPES}
          data-testid="compare-file"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (f)
              void f
                .arrayBuffer()
                .then((b) => c.openFile(f.name, new Uint8Array(b)));
          }}
        />
      </label>
      {st.with?.kind === "file" && (
        <p className={s.small}>{t("paneOtherFile", { file: st.with.name })}</p>
      )}
      {st.phase === "comparing" && (
        <Spinner
          size="small"
          label={t("paneComparing")}
          data-testid="compare-busy"
        />
      )}
      {st.phase === "blocked" && st.message && (
        <MessageBar intent="warning" data-testid="compare-blocked">
          <MessageBarBody>{st.message}</MessageBarBody>
        </MessageBar>
      )}
      {st.phase === "ready" && v && (
        <div data-testid="compare-result" className={s.section}>
          <p className={s.small}>
            <strong>{v.title}</strong>
          </p>
          <div style={{ overflowX: "auto", maxWidth: "100%" }}>
            <table className={s.small} data-testid="compare-index">
              <caption className={s.muted}>{t("paneIndex")}</caption>
              <tbody>
                <tr>
                  <th scope="row">{t("sheetBefore")}</th>
                  <td>{v.before.where}</td>
                  <td>
                    {v.before.index} ({v.before.predicate})
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t("sheetAfter")}</th>
                  <td>{v.after.where}</td>
                  <td>
                    {v.after.index} ({v.after.predicate})
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t("paneDelta")}</th>
                  <td />
                  <td data-testid="compare-delta">{v.delta}</td>
                </tr>
                {v.framework !== null && (
                  <tr>
                    <th scope="row">{t("paneEffectFramework")}</th>
                    <td />
                    <td>{v.framework}</td>
                  </tr>
                )}
                <tr>
                  <th scope="row">{t("paneEffectLevels")}</th>
                  <td />
                  <td>{v.levels}</td>
                </tr>
              </tbody>
            </table>
          </div>
          {v.movers.length > 0 && (
            <>
              <h3 className={s.small}>{t("paneMovers")}</h3>
              <ul className={s.small} data-testid="compare-movers">
                {v.movers.map((m) => (
                  <li key={m.no}>
                    {m.no}. {m.name}: {m.levels} ({m.points})
                  </li>
                ))}
              </ul>
            </>
          )}
          <Groups
            title={t("paneAspects")}
            groups={v.aspects}
            lang={lang}
            testId="compare-aspects"
          />
          {v.domains.length > 0 && (
            <Groups
              title={t("paneDomains")}
              groups={v.domains}
              lang={lang}
              testId="compare-domains"
            />
          )}
          {v.estimate && (
            <p className={s.small} data-testid="compare-estimate">
              {v.estimate}
            </p>
          )}
          {v.notes.map((n, i) => (
            <p key={i} className={s.muted}>
              {n}
            </p>
          ))}
        </div>
      )}
      <div role="status" aria-live="polite">
        {st.write.phase === "writing" && (
          <Spinner size="small" label={t("paneWriting")} />
        )}
        {st.write.phase === "done" && (
          <MessageBar intent="success" data-testid="compare-written">
            <MessageBarBody>{st.write.message}</MessageBarBody>
          </MessageBar>
        )}
        {st.write.phase === "failed" && (
          <MessageBar intent="error" data-testid="compare-write-failed">
            <MessageBarBody>{st.write.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {output && url && st.write.phase === "done" && (
        <a href={url} download={output.fileName} data-testid="compare-download">
          {t("paneDownload", { file: output.fileName })}
        </a>
      )}
    </section>
  );
}

function Groups(props: {
  title: string;
  groups: ReadonlyArray<GroupView>;
  lang: Lang;
  testId: string;
}) {
  const s = useStyles();
  const t = (key: keyof Catalogue["compare"]) =>
    text(props.lang, "compare", key);
  return (
    <div style={{ overflowX: "auto", maxWidth: "100%" }}>
      <table className={s.small} data-testid={props.testId}>
        <caption className={s.muted}>{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colNo")}</th>
            <th scope="col">{t("colName")}</th>
            <th scope="col">{t("colBefore")}</th>
            <th scope="col">{t("colAfter")}</th>
            <th scope="col">{t("colChange")}</th>
          </tr>
        </thead>
        <tbody>
          {props.groups.map((g) => (
            <tr key={g.no}>
              <td>{g.no}</td>
              <td>{g.name}</td>
              <td style={NUM}>{g.before}</td>
              <td style={NUM}>{g.after}</td>
              <td style={NUM}>{g.change}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

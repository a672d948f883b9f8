/**
 * The action bar, sticky at the bottom of the pane: "Buat Sheet Gap" (primary) and a `secondary` slot (the
 * comparison's button goes there). When the gap sheet cannot be made (errors, no index, a target that cannot be
 * used) the button is disabled but stays focusable, and the reason is written beside it (PaneState.blocked).
 * The outcome of a write is announced in a polite live region; outside Excel the result is offered for download.
 */
import { useEffect, useMemo, type ReactNode } from 'react';
import { Button, Spinner } from '@fluentui/react-components';
import type { Lang } from '../../core/types';
import { text } from '../../core/i18n';
import type { PaneState } from '../controller';
import type { BrowserOutput } from '../browser-host';
import { formatDate } from '../format';
import { Notice } from './Notice';
import { useStyles } from './styles';

export interface ActionBarProps {
  readonly state: PaneState;
  readonly onGenerate: () => void;
  readonly output: BrowserOutput | null;
  /** More actions beside the primary one (e.g. "Buat Sheet Perbandingan"). */
  readonly secondary?: ReactNode;
}

export function ActionBar(props: ActionBarProps) {
  const s = useStyles();
  const { state } = props;
  const lang: Lang = state.settings.lang;
  const writing = state.write.phase === 'writing';
  const blocked = state.blocked;
  const url = useMemo(() => {
    if (!props.output || typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') return null;
    // a macro-enabled workbook stays one (the writer keeps its macros and its content type)
    const type = /\.xlsm$/i.test(props.output.fileName) ? 'application/vnd.ms-excel.sheet.macroEnabled.12' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const blob = new Blob([props.output.bytes as BlobPart], { type });
    return URL.createObjectURL(blob);
  }, [props.output]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  const done = state.write.phase === 'done' ? state.write : null;
  const failed = state.write.phase === 'blocked' || state.write.phase === 'failed' ? state.write.message : null;
  return (
    <div className={s.actionBar} data-testid="action-bar">
      <div className={s.actionButtons}>
        <Button
          appearance="primary"
          data-testid="generate-gap"
          onClick={props.onGenerate}
          disabledFocusable={writing || state.phase !== 'ready' || blocked !== null}
          aria-describedby={blocked !== null ? 'action-reason write-status' : 'write-status'}
        >
          {writing ? <Spinner size="extra-tiny" label={text(lang, 'pane', 'generating')} /> : text(lang, 'pane', 'generate')}
        </Button>
        {props.secondary}
      </div>
      {blocked !== null && (
        <p className={s.reason} id="action-reason" data-testid="action-blocked">
          {blocked}
        </p>
      )}
      <div id="write-status" role="status" aria-live="polite" aria-atomic="true">
        {done && (
          <Notice intent="success" testId="write-result" data-sheet={done.result.sheetName}>
            {props.output ? text(lang, 'pane', 'writeDoneFile', { sheet: done.result.sheetName, date: formatDate(new Date(), lang, typeof navigator === 'undefined' ? undefined : navigator.language) }) : done.message}
          </Notice>
        )}
        {failed !== null && failed !== blocked && (
          <Notice intent="error" testId="write-result">
            {failed}
          </Notice>
        )}
      </div>
      {props.output && url && done && (
        <>
          <a className={s.download} href={url} download={props.output.fileName} data-testid="download-result">
            {text(lang, 'pane', 'download', { file: props.output.fileName })}
          </a>
          <p className={s.muted}>{text(lang, 'pane', 'downloadNote')}</p>
        </>
      )}
    </div>
  );
}

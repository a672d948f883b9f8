/**
 * Shown inside Excel when this Excel lacks a requirement set the add-in needs (Excel 2016 and 2019 cannot
 * run custom functions in a shared runtime, for instance). It names what is missing, says which Excel runs
 * the add-in, and points to the browser page, which does the whole job on an .xlsx file.
 */
import { Link } from '@fluentui/react-components';
import { Notice } from './Notice';
import type { Lang } from '../../core/types';
import { text } from '../../core/i18n';

export interface UnsupportedProps {
  readonly lang: Lang;
  /** The missing sets, e.g. ["CustomFunctionsRuntime 1.2"]. */
  readonly missing: readonly string[];
  /** The same page opened in a browser (it works on a file there). */
  readonly browserPage: string;
}

export function Unsupported(props: UnsupportedProps) {
  const { lang } = props;
  return (
    <Notice intent="warning" testId="unsupported-excel" role="status">
      <strong>{text(lang, 'pane', 'unsupportedTitle')}</strong>{' '}
      {text(lang, 'pane', 'unsupportedExcel', { missing: props.missing.join(', ') })}{' '}
      <Link href={props.browserPage} target="_blank" rel="noopener noreferrer" data-testid="browser-page-link" inline>
        {text(lang, 'pane', 'browserPageLink')}
      </Link>
    </Notice>
  );
}

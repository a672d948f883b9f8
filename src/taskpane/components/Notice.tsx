/**
 * A message in a tinted box: the pane's own, in place of Fluent's MessageBar (whose aria-labelledby may point at a
 * title id that is not there). It has no role of its own: put it in a live region (role="status") or give it
 * role="alert" where it must interrupt.
 */
import type { ReactNode } from 'react';
import { mergeClasses } from '@fluentui/react-components';
import { useStyles } from './styles';

export function Notice(props: {
  intent: 'success' | 'error' | 'warning' | 'info';
  testId?: string;
  role?: 'alert' | 'status';
  'data-sheet'?: string;
  children: ReactNode;
}) {
  const s = useStyles();
  const tone = props.intent === 'success' ? s.noticeSuccess : props.intent === 'error' ? s.noticeError : props.intent === 'warning' ? s.noticeWarning : undefined;
  return (
    <div className={mergeClasses(s.notice, tone)} data-testid={props.testId} role={props.role} data-sheet={props['data-sheet']}>
      {props.children}
    </div>
  );
}

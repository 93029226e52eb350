/**
 * The three copy formats, behind one module so the Copy menu can load them when it is used
 * (`import()`): with code splitting in the build they stay out of the popup's first download.
 */
import type { Report } from '../../core/report';
import { formatDig } from './dig-text';
import { formatJson } from './json-text';
import { formatPlainText } from './plain-text';

export type CopyFormat = 'text' | 'dig' | 'json';

export const COPY_FORMATS: Record<CopyFormat, (report: Report) => string> = {
  text: formatPlainText,
  dig: formatDig,
  json: formatJson,
};

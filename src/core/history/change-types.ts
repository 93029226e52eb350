/**
 * What changed since last time, as the report carries it (`report.sinceLast`): types only, so
 * the report can name them without importing the diff or its wording.
 */

export interface ChangeItem {
  /** What kind of fact: the routing (MX), a host, a reverse name, a record, the verdict, a finding. */
  topic: 'mx' | 'host' | 'ptr' | 'record' | 'verdict' | 'finding';
  /** What it is about: a host, an address, a record (`SPF`), `MX`, a finding's code. */
  subject: string;
  /** One sentence or a few joined by "; ", without a final period. */
  text: string;
  /** Old and new values as text, for showing side by side ("" when there was none). */
  before: string;
  after: string;
}

export interface SinceLast {
  /** When the facts compared with were taken. */
  since: number;
  /** "Since 3 days ago: mx2.example.com (20) was removed; …" */
  summary: string;
  items: ChangeItem[];
}

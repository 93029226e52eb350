/**
 * The SPF record and everything it pulls in: the lookup count against the limit of 10 (RFC 7208
 * §4.6.4), then the include tree as nested lists, each record verbatim beside its domain.
 * Records and names are DNS data: text nodes only.
 */
import { SPF_LOOKUP_LIMIT, SPF_VOID_LIMIT } from '../../core/mail/spf/limits';
import { lookupsComplete } from '../../core/mail/spf/spf-tree';
import { failureText, lookupsText, nodeStatusText } from '../../core/mail/spf/spf-wording';
import type { SpfNode, SpfSection } from '../../core/mail/spf/types';
import { DnsText } from '../dns-text';
export { default as spfCss } from './spf-section.css';

/** What the section says when the domain has no record to show. */
const ABSENT: Partial<Record<SpfNode['status'], string>> = {
  pending: 'Looking up the SPF record…',
  none: 'No SPF record published.',
  nxdomain: 'The domain does not exist.',
  aborted: 'Not looked up.',
};

/** Statuses that make the SPF check fail outright (permerror), shown as errors. */
const FAILING = new Set<SpfNode['status']>(['syntax-error', 'multiple', 'none', 'nxdomain', 'loop']);

export function SpfSectionBody({ section }: { section: SpfSection }) {
  const { root } = section;
  if (root.records.length === 0) return <p class="muted">{ABSENT[root.status] ?? `The TXT lookup failed (${failureText(root.txtStatus)}).`}</p>;
  const sure = section.status === 'done' && lookupsComplete(section);
  const over = section.lookups > SPF_LOOKUP_LIMIT;
  return (
    <>
      <p class="spf-counts">
        <span class={over ? 'spf-over' : undefined}>
          {sure ? '' : 'at least '}
          {section.lookups} of {SPF_LOOKUP_LIMIT} DNS lookups
        </span>
        {', '}
        <span class={section.voidLookups > SPF_VOID_LIMIT ? 'spf-over' : undefined}>
          {section.voidLookups} of {SPF_VOID_LIMIT} void lookups
        </span>
      </p>
      <ul class="spf-tree">
        <SpfNodeItem node={root} />
      </ul>
    </>
  );
}

function SpfNodeItem({ node }: { node: SpfNode }) {
  const status = nodeStatusText(node);
  const voids = node.checks.filter((check) => check.status === 'nodata' || check.status === 'nxdomain');
  const head = (
    <span class="spf-head">
      {node.via !== 'root' && (
        <span class="spf-via">
          <DnsText text={node.via} />
        </span>
      )}
      <DnsText class="name" text={node.domain} />
      {status && <span class={`spf-status${FAILING.has(node.status) ? ' spf-fail' : ''}`}>{status}</span>}
      {node.records.length === 1 && <span class="spf-lookups">{lookupsText(node.lookups)}</span>}
    </span>
  );
  const body = (
    <>
      {node.records.map((record, index) => (
        <code key={index} class="record">
          <DnsText text={record} />
        </code>
      ))}
      {voids.length > 0 && <span class="spf-void">void: {voids.map((check) => check.term).join(', ')}</span>}
    </>
  );
  if (node.children.length === 0) {
    return (
      <li class="spf-node">
        {head}
        {body}
      </li>
    );
  }
  return (
    <li class="spf-node">
      <details open>
        <summary>{head}</summary>
        {body}
        <ul>
          {node.children.map((child, index) => (
            <SpfNodeItem key={index} node={child} />
          ))}
        </ul>
      </details>
    </li>
  );
}

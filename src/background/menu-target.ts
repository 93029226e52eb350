/**
 * What a right-click means: the first email or domain in a selection, the address of a mailto:
 * link, the host of a link, or the site's domain for the page. Pure, so it is unit tested.
 */
import { findQueryInText, tryParseQuery } from '../core/query';

/** `mxray-explain` ("Explain with MXray") opens message.html rather than a lookup: it has no target here. */
export type MenuItemId = 'mxray-selection' | 'mxray-mailto' | 'mxray-link' | 'mxray-page' | 'mxray-explain';

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  linkUrl?: string;
  pageUrl?: string;
}

/** The text to look up, or `undefined` when the click holds nothing MXray can look up. */
export function menuTarget(click: MenuClick): string | undefined {
  switch (click.menuItemId) {
    case 'mxray-selection': {
      const found = findQueryInText(click.selectionText ?? '');
      return found ? (found.email ?? found.input) : click.selectionText?.trim().slice(0, 300) || undefined;
    }
    case 'mxray-mailto':
      return click.linkUrl;
    case 'mxray-link':
      return hostOf(click.linkUrl);
    case 'mxray-page': {
      const parsed = click.pageUrl ? tryParseQuery(click.pageUrl) : undefined;
      if (!parsed?.ok) return undefined;
      return parsed.query.registrable ?? parsed.query.name;
    }
    default:
      return undefined;
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const parsed = tryParseQuery(url);
  return parsed.ok ? parsed.query.name : undefined;
}

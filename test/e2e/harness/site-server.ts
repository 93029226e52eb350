// The web sites the tests browse: one plain HTTP server on 127.0.0.1 answering for any Host.
// Chromium's host mapping (`MAP *.test`, `MAP *.example.co.uk`) sends every fixture site here,
// so the browser's address bar shows the real name (`http://www.shop.example.co.uk/`), which is
// what the popup and the context menus read.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SiteServer {
  port: number;
  close(): Promise<void>;
}

const page = (title: string, body: string, head = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body>${body}</body></html>`;

/** Plain text with two addresses, a mailto: link and an ordinary link. */
const EMAILS = page(
  'Contact us',
  `<h1>Contact us</h1>
<p id="contact">Write to support@five-mx.test or sales@one-mx.test</p>
<p>Billing questions: <a href="mailto:billing@null-mx.test?subject=Hi">billing</a></p>
<p>Our partner: <a href="https://www.shop.example.co.uk/basket">the shop</a></p>
<p style="height:600px">Padding so the page can scroll.</p>`,
);

/** A page whose CSS tries to restyle everything, to prove the panel's shadow root holds. */
export const HOSTILE_CSS = `
* { color: red !important; background: yellow !important; font-size: 40px !important;
    font-family: "DejaVu Serif", serif !important; font-weight: 900 !important; line-height: 3 !important;
    letter-spacing: 4px !important; text-transform: uppercase !important; text-align: right !important;
    border: 3px dashed lime !important; margin: 7px !important; padding: 9px !important;
    box-sizing: content-box !important; opacity: 0.9 !important; }
dialog, table, tbody, tr, td, th, button, h2, section, ul, li { display: inline !important; }
div, span { display: inline-block !important; width: 50px !important; }`;

const HOSTILE = page(
  'Loud shop',
  `<h1>Loud shop</h1>
<p id="contact">Write to support@five-mx.test or sales@one-mx.test</p>
<p>Billing questions: <a href="mailto:billing@null-mx.test?subject=Hi">billing</a></p>`,
  `<style>${HOSTILE_CSS}</style>`,
);

const SHOP = page('Example shop', '<h1>Example shop</h1><p>Baskets, boxes and bags.</p>');

const HOME = (host: string) => page(host, `<h1>${host.replace(/[^a-z0-9.-]/gi, '')}</h1><p>A fixture site.</p>`);

/**
 * A trap in every page's main world (where an injected `<img onerror=alert(1)>` would run):
 * `window.__xss` turns true if anything calls alert. The tests also watch for dialogs.
 */
const TRAP = `<script>window.__xss = false; { const original = window.alert; window.alert = function (m) { window.__xss = true; return original.call(window, m); }; }</script>`;

/**
 * A message's header lines in a <pre>, as a web mail's "show original" shows them, for "Explain
 * with MXray" on a selection (test/e2e/scenarios/message-scenarios.ts).
 */
export const HEADER_LINES = [
  'Received: from mail.five-mx.test (mail.five-mx.test [192.0.2.10]) by mx.one-mx.test with ESMTPS; Mon, 7 Dec 2026 13:05:00 +0000',
  'From: Ann <ann@five-mx.test>',
  'To: bob@one-mx.test',
  'Subject: Lunch',
  'Date: Mon, 7 Dec 2026 13:04:58 +0000',
];
const HEADERS = page(
  'Show original',
  `<h1>Original message</h1>
<pre id="headers">${HEADER_LINES.join('\n').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</pre>`,
);

function pageFor(host: string, path: string): string {
  if (path.startsWith('/hostile')) return HOSTILE;
  if (path.startsWith('/message-headers')) return HEADERS;
  if (host === 'emails.test' || path.startsWith('/emails')) return EMAILS;
  if (host === 'www.shop.example.co.uk') return SHOP;
  return HOME(host);
}

export async function startSiteServer(): Promise<SiteServer> {
  const server: Server = createServer((req, res) => {
    const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '').toLowerCase();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const html = pageFor(host, path).replace('</head>', `${TRAP}</head>`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

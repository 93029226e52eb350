import puppeteer from 'puppeteer-core';
import { startStack } from '../../../stack/stack';
import { createServer as netServer, connect } from 'node:net';
import { startSiteServer } from '../../harness/site-server';
const ADDR = '127.0.0.2';
const UUID = '6f1c2d3e-4b5a-4c6d-8e7f-901234567890';
const stack = await startStack();
const site = await startSiteServer();
function forward(listenPort: number, toPort: number) {
  const s = netServer((sock) => { const up = connect(toPort, '127.0.0.1'); sock.pipe(up).pipe(sock); up.on('error', () => sock.destroy()); sock.on('error', () => up.destroy()); });
  return new Promise<typeof s>((r) => s.listen(listenPort, ADDR, () => r(s)));
}
const f1 = await forward(443, stack.info.dohPort);
const f2 = await forward(80, site.port);
const t0 = Date.now();
const browser = await puppeteer.launch({
  browser: 'firefox', executablePath: '/usr/bin/firefox-esr', protocol: 'webDriverBiDi', headless: true, acceptInsecureCerts: true,
  extraPrefsFirefox: {
    'extensions.webextensions.uuids': JSON.stringify({ 'mxray@mxray.dev': UUID }),
    'network.dns.forceResolve': ADDR,
    'network.trr.mode': 5,
  },
});
console.log('launched', Date.now() - t0);
const id = await browser.installExtension('/work/main/dist/firefox');
console.log('installed', id, Date.now() - t0);
const page = (await browser.pages())[0]!;
await page.goto('http://www.shop.example.co.uk/');
console.log(await page.evaluate(() => document.body.innerText));
await page.goto(`moz-extension://${UUID}/popup.html?q=one-mx.test`);
await new Promise((r) => setTimeout(r, 3000));
console.log(await page.evaluate(() => document.body.innerText));
const perms = await page.evaluate(() => (globalThis as any).browser.permissions.getAll());
console.log(JSON.stringify(perms));
await browser.close();
f1.close(); f2.close(); await site.close();
await stack.stop();
process.exit(0);

import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const sizes = [[1280,720],[390,844],[1920,1080]];
for (const [w,h] of sizes) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  page.on('console', m => { if (m.type() === 'error') console.log('console error', w, m.text()); });
  page.on('pageerror', e => console.log('pageerror', w, e.message));
  await page.goto('http://127.0.0.1:4199/');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/home-${w}.png` });
  await ctx.close();
}
await browser.close();

import { launch, newContext, serveDist } from './support.mjs';
const server = await serveDist();
const browser = await launch();
for (const firstVisit of [false, true, false, true]) {
  const context = await newContext(browser, { firstVisit });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('jiexi:ready').length > 0, null, { timeout: 30000 });
  const ready = await page.evaluate(() => performance.getEntriesByName('jiexi:ready')[0].startTime);
  console.log(firstVisit ? 'first visit' : 'returning  ', Math.round(ready));
  await context.close();
}
await browser.close(); await server.close();

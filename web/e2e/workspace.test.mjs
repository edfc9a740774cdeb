// End to end: the review workspace in headless Chromium (Debian's, driven by playwright-core).
// Starts `yusuan serve` on a fresh database, uploads a seed, opens it, finds a highlighted
// finding, opens the charts and the comparison, uploads a document carrying <script> and
// checks that it shows as text; screenshots go to OUT_DIR.
//
//   node web/e2e/workspace.test.mjs build/yusuan samples build/e2e
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [binary, samples, outDir] = process.argv.slice(2);
if (!binary || !samples || !outDir) {
  console.error('usage: workspace.test.mjs YUSUAN_BINARY SAMPLES_DIR OUT_DIR');
  process.exit(2);
}
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

const seed = path.join(samples, '001_8dd967fac47080d3.txt');
const seedText = fs.readFileSync(seed, 'utf8');
let checks = 0;
async function step(name, fn) {
  await fn();
  checks++;
  console.log(`ok - ${name}`);
}

function startServer(db = path.join(outDir, 'e2e.db')) {
  const server = spawn(binary, ['serve', '--db', db, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('yusuan serve did not print its URL')), 20000);
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/[^\s]+/);
      if (m) { clearTimeout(timer); resolve({ server, url: m[0] }); }
    });
    server.on('exit', (code) => reject(new Error(`yusuan serve exited with ${code}`)));
  });
}

const { server, url } = await startServer();
// However the test ends, the server goes with it (it holds the test's stderr).
process.on('exit', () => server.kill('SIGTERM'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const dialogs = [];
  const pageErrors = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.setDefaultTimeout(20000);

  await step('an empty workspace says how to start', async () => {
    await page.goto(url);
    await page.getByText('还没有文件').waitFor();
  });

  const row = page.locator('#document-list tbody tr', { hasText: '高平市医疗保险服务中心' });
  await step('an uploaded seed is listed with its unit', async () => {
    // The file input and the drop zone feed the same upload function.
    await page.setInputFiles('#file-input', seed);
    await page.locator('#upload-status .ok').waitFor();
    await row.waitFor();
    assert.equal(await row.count(), 1);
  });

  await step('the list sorts and searches', async () => {
    await page.locator('#document-list th', { hasText: '收入总计' }).click();
    await page.locator('#document-list th.sorted-desc', { hasText: '收入总计' }).waitFor();
    await page.fill('input[type=search]', '不存在的单位');
    await page.locator('#list-count', { hasText: '符合 0 份' }).waitFor();
    assert.equal(await page.locator('#document-list tbody tr').count(), 0);
    await page.fill('input[type=search]', '医疗保险');
    await page.locator('#list-count', { hasText: '符合 1 份' }).waitFor();
    assert.equal(await page.locator('#document-list tbody tr').count(), 1);
    await page.fill('input[type=search]', '');
    await page.locator('#list-count', { hasText: /^共 1 份$/ }).waitFor();
  });

  await step('the document opens with its name', async () => {
    await row.click();
    await page.locator('.doc-head h1', { hasText: '高平市医疗保险服务中心' }).waitFor();
  });

  await step('the spending-structure and basic/project charts draw', async () => {
    await page.locator('#chart-structure canvas').waitFor();
    await page.locator('#chart-basic-project canvas').waitFor();
    await page.locator('#chart-structure').hover();
    await page.screenshot({ path: path.join(outDir, 'document-charts.png') });
  });

  await step('clicking a finding jumps to its highlighted place', async () => {
    assert.ok(await page.locator('#findings-list li[data-severity]').count() > 0);
    const apiFindings = await page.evaluate(async (u) => (await (await fetch(u)).json()).findings,
      `${url}api/documents/1/findings`);
    const index = apiFindings.findIndex((f) => /^(target|narrative|table)/.test(f.rule));
    assert.ok(index >= 0, 'the seed has a finding about a table, the narrative or a target');
    await page.locator(`#findings-list li[data-index="${index}"]`).click();
    const flashed = page.locator('.flash').first();
    await flashed.waitFor();
    assert.ok(await flashed.isVisible());
    assert.ok(await page.locator('.pane:not([hidden]) .has-finding.hl-error, .pane:not([hidden]) .has-finding.hl-warning').count() > 0);
  });

  await step('clicking a highlighted place explains the finding', async () => {
    await page.locator('.pane:not([hidden]) .has-finding').first().click();
    await page.locator('#popover:not([hidden])').waitFor();
    assert.ok((await page.locator('#popover').textContent()).includes('规则'));
    await page.screenshot({ path: path.join(outDir, 'document-finding.png') });
  });

  await step('the standard tables render as tables', async () => {
    await page.locator('.tabs button[data-tab="tables"]').click();
    assert.ok(await page.locator('#pane-tables table.grid').count() >= 10);
  });

  await step('performance targets render as indicator trees', async () => {
    await page.locator('.tabs button[data-tab="targets"]').click();
    assert.ok(await page.locator('#pane-targets details.target').count() >= 10);
    assert.ok(await page.locator('#pane-targets .tree .ind').count() > 50);
    await page.screenshot({ path: path.join(outDir, 'document-targets.png') });
  });

  await step('the document view fits a 1366×768 screen without sideways scrolling', async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 1366, `scrollWidth ${width}`);
  });

  await step('a document containing <script> shows as text and runs nothing', async () => {
    const hostile = seedText.replaceAll('高平市医疗保险服务中心',
      '<img src=x onerror="window.__xss=1">高平<script>window.__xss=2</script>');
    // The file is chosen while the workspace's settings are still on their way (held here;
    // a loaded machine does the same): the upload waits for them instead of being dropped.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/api/info', async (r) => { await held; await r.continue(); }, { times: 1 });
    await page.goto(url);
    await page.setInputFiles('#file-input',
      { name: '<b>x</b>.txt', mimeType: 'text/plain', buffer: Buffer.from(hostile) });
    release();
    await page.locator('#upload-status .ok').waitFor();
    const hostileRow = page.locator('#document-list tbody tr', { hasText: '<script>' });
    await hostileRow.waitFor();
    await hostileRow.click();
    await page.locator('.doc-head h1', { hasText: '<img src=x' }).waitFor();
    await page.locator('.tabs button[data-tab="tables"]').click();
    await page.locator('.tabs button[data-tab="narrative"]').click();
    const injected = await page.evaluate(() => ({
      flag: window.__xss, images: document.querySelectorAll('img').length,
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
    }));
    assert.deepEqual(injected, { flag: undefined, images: 0, inlineScripts: 0 });
    assert.deepEqual(dialogs, []);
  });

  await step('files dropped on the page are uploaded', async () => {
    await page.goto(url);
    await page.locator('#document-list').waitFor();
    const text = fs.readFileSync(path.join(samples, '003_e6ae60a0aa2cb151.txt'), 'utf8');
    const dataTransfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], '003_e6ae60a0aa2cb151.txt', { type: 'text/plain' }));
      return dt;
    }, text);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    await page.locator('#drop-overlay').waitFor({ state: 'visible' });
    await page.dispatchEvent('#drop-overlay', 'drop', { dataTransfer });
    await page.locator('#upload-status .ok', { hasText: '003_e6ae60a0aa2cb151.txt' }).waitFor();
    await page.locator('#document-list tbody tr').nth(2).waitFor();
    assert.equal(await page.locator('#document-list tbody tr').count(), 3);
  });

  await step('a wrong figure in a table is highlighted in its cell and explained', async () => {
    // 表3's total row with 基本支出 raised by 10万元: the columns and the row no longer add up.
    const row = '合计\t\t6056.35\t383.26\t5673.09';
    assert.ok(seedText.includes(row));
    const wrong = seedText.replace(row, row.replace('383.26', '393.26'));
    await page.setInputFiles('#file-input',
      { name: 'wrong-basic.txt', mimeType: 'text/plain', buffer: Buffer.from(wrong) });
    const done = page.locator('#upload-status .ok', { hasText: 'wrong-basic.txt' });
    await done.waitFor();
    await done.getByText('打开').click();
    await page.locator('.tabs button[data-tab="tables"]').click();
    const cell = page.locator('#pane-tables td.cell-error', { hasText: '393.26' }).first();
    await cell.waitFor();
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await page.locator('#popover:not([hidden])', { hasText: 'table3.' }).waitFor();
    await page.screenshot({ path: path.join(outDir, 'table-cell-finding.png') });
  });

  await step('the comparison puts a key figure side by side', async () => {
    await page.goto(`${url}#/compare`);
    await page.locator('#compare-chart canvas').waitFor();
    assert.equal(await page.locator('#compare-table tbody tr').count(), 4);
    await page.selectOption('#compare-figure', 'three_public');
    await page.locator('#compare-chart canvas').waitFor();
    await page.screenshot({ path: path.join(outDir, 'compare.png') });
  });

  await step('a workspace of many documents pages, searches and ranks on the server', async () => {
    // 120 documents loaded with `yusuan db load`: the list shows 100 at a time.
    const dir = path.join(outDir, 'many');
    fs.mkdirSync(dir, { recursive: true });
    const files = [];
    for (let i = 1; i <= 120; i++) {
      const file = path.join(dir, `unit-${i}.txt`);
      fs.writeFileSync(file, seedText.replaceAll('高平市医疗保险服务中心', `高平市第${i}中心`));
      files.push(file);
    }
    const db = path.join(outDir, 'many.db');
    const load = spawn(binary, ['db', 'load', '--db', db, ...files], { stdio: 'ignore' });
    assert.equal(await new Promise((resolve) => load.on('exit', resolve)), 0);
    const many = await startServer(db);
    try {
      await page.goto(many.url);
      const count = page.locator('#list-count');
      await count.filter({ hasText: '共 120 份，显示第 1–100 份' }).waitFor();
      assert.equal(await page.locator('#document-list tbody tr').count(), 100);
      await page.getByRole('button', { name: '下一页' }).click();
      await count.filter({ hasText: '显示第 101–120 份' }).waitFor();
      assert.equal(await page.locator('#document-list tbody tr').count(), 20);
      await page.screenshot({ path: path.join(outDir, 'list-pages.png') });
      assert.ok(await page.getByRole('button', { name: '下一页' }).isDisabled());
      // Two words, each found in some field: the unit and the year.
      await page.fill('input[type=search]', '第77中心　2026');
      await count.filter({ hasText: '共 120 份，符合 1 份' }).waitFor();
      await page.locator('#document-list tbody tr', { hasText: '高平市第77中心' }).waitFor();
      await page.goto(`${many.url}#/compare`);
      await page.locator('#compare-count', { hasText: '显示最大的 50 份' }).waitFor();
      assert.equal(await page.locator('#compare-table tbody tr').count(), 50);
      await page.locator('#compare-chart canvas').waitFor();
    } finally {
      many.server.kill('SIGTERM');
    }
  });

  await step('no script errors on the page', async () => assert.deepEqual(pageErrors, []));
} catch (e) {
  failed = true;
  console.error(`not ok - ${e.stack || e}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
if (failed) process.exit(1);
console.log(`e2e: ${checks} checks passed; screenshots in ${outDir}`);

// Lighthouse on Orbit's signed-in screens, driven by bench/lighthouse.py (make bench-web).
// Signs in through the app's own form in Debian's Chromium (so the session cookie and the app's
// "signed in here" hint are there, as on a phone), then runs Lighthouse on each screen in that
// browser. Lighthouse clears the HTTP cache, the service worker and its caches before each run
// (its defaults), not the cookie: every report is a signed-in first load.
// Usage: node run.mjs BASE_URL EMAIL PASSWORD OUT_DIR NAME=HASH...
import fs from "node:fs/promises";
import path from "node:path";
import puppeteer from "puppeteer-core";
import lighthouse from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";

const [base, email, password, outDir, ...screens] = process.argv.slice(2);
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"];
// Lighthouse's defaults (mobile form factor and screen, simulated slow 4G, 4x CPU slowdown), and
// the app's IndexedDB (its copy of the last data, for offline use) cleared with the caches: only
// the cookie and the app's "signed in here" hint in localStorage stay.
const FLAGS = { output: "json", logLevel: "error",
  onlyCategories: ["performance", "accessibility", "best-practices", "seo"] };
const CONFIG = { extends: "lighthouse:default", settings: {
  clearStorageTypes: ["file_systems", "shader_cache", "service_workers", "cache_storage", "indexeddb"] } };
const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 5); // per screen; a failed run (NO_NAVSTART) is redone

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  headless: false, // CHROME_FLAGS carries --headless=new itself
  args: CHROME_FLAGS,
  defaultViewport: null,
});
try {
  const page = await browser.newPage();
  await page.goto(`${base}#/signin`, { waitUntil: "networkidle0" });
  await page.type("input[name=email]", email);
  await page.type("input[name=password]", password);
  await Promise.all([
    page.waitForFunction(() => location.hash === "#/today" && document.querySelector(".screen-today")),
    page.click("button[type=submit]"),
  ]);
  await page.close();
  for (const screen of screens) {
    const [name, hash] = screen.split("=");
    const runs = [];
    for (let attempt = 0; runs.length < RUNS && attempt < RUNS + 2; attempt += 1) {
      // A page of its own for each run: every run starts from a new document.
      const runPage = await browser.newPage();
      const result = await lighthouse(`${base}${hash}`, FLAGS, CONFIG, runPage);
      await runPage.close();
      if (result.lhr.runtimeError) console.error(`${name}: ${result.lhr.runtimeError.code}, run again`);
      else runs.push(result);
    }
    if (!runs.length) throw new Error(`${name}: no run of Lighthouse completed`);
    // The run nearest the median first paint and interactive time, as Lighthouse advises for
    // scores that vary from run to run (a 2-core machine shared with other work).
    const median = computeMedianRun(runs.map((run) => run.lhr));
    await fs.writeFile(path.join(outDir, `${name}.json`), runs.find((run) => run.lhr === median).report);
    // Every run's performance score, so the spread is seen next to the median.
    await fs.writeFile(path.join(outDir, `${name}.runs.json`),
      JSON.stringify(runs.map((run) => run.lhr.categories.performance.score)));
  }
} finally {
  await browser.close();
}

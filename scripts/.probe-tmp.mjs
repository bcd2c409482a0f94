import { chromium } from '@playwright/test';
const css = process.argv[2] ?? '';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
const list = [['a-course-of-treatment',4],['conditions-and-approvals',4],['forms-and-routes',3],['safety-and-risks',3],['the-evidence',4],['the-evidence',14],['the-evidence',15],['why-new-treatments',4]];
for (const [slug, n] of list) {
  await page.goto(`http://127.0.0.1:4420/lessons/${slug}/slides/#${n}`);
  await page.waitForSelector('[data-deck].deck-js');
  if (css) await page.addStyleTag({ content: css });
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => {
    const slide = document.querySelector('[data-slide][data-current]');
    const over = (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
    let fit = 1; slide.style.setProperty('--fit', '1');
    while (fit > 0.4 && [slide, ...slide.querySelectorAll('.table-wrap')].some(over)) { fit = Math.round((fit - 0.05) * 100) / 100; slide.style.setProperty('--fit', String(fit)); }
    const td = slide.querySelector('td');
    return { fit, font: getComputedStyle(td).fontSize, rows: slide.querySelectorAll('tr').length };
  });
  console.log(slug, n, JSON.stringify(r));
}
await browser.close();

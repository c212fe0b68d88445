/**
 * The layout at the sizes a classroom uses: at 1280×720 (the common projector) the key moments
 * fit on one screen without scrolling, the events and the why are readable, nothing moves under
 * the reader's pointer; the split, the text size and the wide console; a phone; the embed frame.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { encodeShare } from '../src/scenario/share.ts';
import { defaultScenario } from '../web/lab/defaultScenario.ts';
import { lab, smallestTextPx, state } from './lab.ts';
import {
  blueGreenReady,
  midRollout,
  openApp,
  showBlueGreen,
  thousandReplicas,
  threeReplicaSets,
  type Lang,
} from './scenes.ts';

const DIR = process.env['SCREENS_DIR'] ?? 'test-results/screens';

const pods = (page: Page) => page.getByRole('button', { name: /^Pod kubia-/ });

/**
 * Every element of `locator` lies inside the window and inside the diagram's visible box, once the
 * layout has settled: the box is measured again at each try (a resize refits the drawing a frame or
 * more later on a busy machine, and an exiting pod fades for a moment where it stood).
 */
async function allInView(page: Page, locator: Locator) {
  const outside = async () => {
    // As painted: after the frame that follows the last change.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const box = (await page.locator('.diagram-box').boundingBox())!;
    const view = page.viewportSize()!;
    const boxes = await locator.evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return {
          name: e.getAttribute('aria-label') ?? '',
          top: r.top,
          bottom: r.bottom,
          left: r.left,
          right: r.right,
        };
      }),
    );
    expect(boxes.length).toBeGreaterThan(0);
    return boxes
      .filter(
        (b) =>
          b.top < Math.max(0, box.y) ||
          b.bottom > Math.min(view.height, box.y + box.height) ||
          b.left < Math.max(0, box.x) ||
          b.right > Math.min(view.width, box.x + box.width),
      )
      .map((b) => b.name);
  };
  await expect.poll(outside, { timeout: 2000 }).toEqual([]);
  expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
}

const scale = async (page: Page) => Number(await page.locator('.diagram-box').getAttribute('data-scale'));

/**
 * Saves some work (an update to v2, autosaved), then opens a link to another scenario over it:
 * the page shows the link with its notice and the way back.
 */
async function openLinkOverSavedWork(page: Page, lang: 'en' | 'ko'): Promise<void> {
  await openApp(page, '/', lang);
  await lab(page, (l) => l.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2'));
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('rollout-lab.work') ?? ''))
    .toContain('luksa/kubia:v2');
  const link = defaultScenario();
  link.spec.steps = [{ at: 10, run: 'kubectl scale deployment/kubia --replicas=5' }];
  await page.goto('about:blank');
  await openApp(page, `/#${encodeShare({ scenario: link, at: 30 })}`, lang);
}

/**
 * The console prompt's bottom, against the bottom of the column it is in and of the window. The
 * console's own prompt (`#kubectl-input`), not its stand-in's while the console loads.
 */
const promptClearance = (page: Page) =>
  page.locator('#kubectl-input').evaluate((input) => {
    const bottom = input.getBoundingClientRect().bottom;
    const column = input.closest('.side')!.getBoundingClientRect().bottom;
    return Math.min(column, window.innerHeight) - bottom;
  });

test.describe('1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('blue/green: the Service and every pod of both Deployments on one screen', async ({ page }) => {
    await openApp(page);
    await blueGreenReady(page);
    const s = await state(page);
    // Both Deployments' pods are there: blue's old ones and green's ready ones.
    expect(new Set(s.pods.map((p) => p.version))).toEqual(new Set(['v1', 'v2']));
    await allInView(page, page.getByRole('img', { name: /^Service kubia/ }));
    await allInView(page, pods(page));
    await expect(pods(page)).toHaveCount(s.pods.length);
    await allInView(page, page.getByRole('group', { name: /^Deployment / }));
    // Shrunk only as much as fitting needs, and text stays readable.
    expect(await scale(page)).toBeGreaterThanOrEqual(0.9);
  });

  for (const lang of ['en', 'ko'] as const) {
    test(`${lang}: the console's prompt stays on screen through blue/green, the switch and blue retired`, async ({
      page,
    }) => {
      await openApp(page, '/', lang);
      const [start, swap, retire] =
        lang === 'ko'
          ? (['블루/그린', '서비스 전환', /레플리카를 0으로 줄이기$/] as const)
          : (['Blue/green', 'Switch Service', /^Scale kubia to 0$/] as const);
      await blueGreenReady(page, start);
      const clearance = () => promptClearance(page);
      expect(await clearance()).toBeGreaterThanOrEqual(0);
      await page.getByRole('button', { name: swap, exact: true }).click();
      await lab(page, (l) => l.advance(5));
      expect(await clearance()).toBeGreaterThanOrEqual(0);
      await page.getByRole('button', { name: retire }).click();
      await lab(page, (l) => l.advance(5));
      expect(await clearance()).toBeGreaterThanOrEqual(0);
    });
  }

  for (const lang of ['en', 'ko'] as const)
    test(`${lang}: a link open over saved work keeps the header one row and the prompt on screen`, async ({
      page,
    }) => {
      await openLinkOverSavedWork(page, lang);
      const back = lang === 'ko' ? '저장된 작업으로 돌아가기' : 'Back to my saved work';
      const notice = page.getByTestId('share.notice');
      await expect(notice.getByRole('button', { name: back })).toBeVisible();
      await expect(page.locator('#kubectl-input')).toBeVisible();
      const header = page.locator('header.top');
      const row = (await page
        .getByRole('button', { name: lang === 'ko' ? '공유' : 'Share', exact: true })
        .boundingBox())!;
      expect((await header.boundingBox())!.height).toBeLessThan(row.height * 1.5);
      expect(await promptClearance(page)).toBeGreaterThanOrEqual(0);
      // Dismissed, the way back stays, and still one row.
      await notice
        .getByRole('button', { name: lang === 'ko' ? '이 메시지 닫기' : 'Dismiss this message' })
        .click();
      await expect(notice).toBeHidden();
      await expect(page.getByRole('button', { name: back })).toBeVisible();
      expect((await header.boundingBox())!.height).toBeLessThan(row.height * 1.5);
      expect(await promptClearance(page)).toBeGreaterThanOrEqual(0);
    });

  test('three ReplicaSets: every lane and pod on one screen', async ({ page }) => {
    await openApp(page);
    await threeReplicaSets(page);
    await allInView(page, page.getByRole('img', { name: /^Service kubia/ }));
    await allInView(page, pods(page));
    await allInView(page, page.locator('.lane'));
    await expect(page.locator('.lane')).toHaveCount(3);
    await expect(page.locator('.lane--idle')).toHaveCount(1);
  });

  test('a second ReplicaSet does not shrink the drawing', async ({ page }) => {
    await openApp(page);
    const before = await scale(page);
    await midRollout(page);
    expect((await state(page)).deployments[0]?.replicaSets.length).toBe(2);
    expect(await scale(page)).toBe(before);
  });

  test('Events shows five rows and the Why five lines', async ({ page }) => {
    await openApp(page);
    await midRollout(page);
    const wrap = page.getByRole('region', { name: 'Events table' });
    const visibleRows = await wrap.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return [...el.querySelectorAll('.event')].filter((row) => {
        const b = row.getBoundingClientRect();
        return b.top >= r.top - 0.5 && b.bottom <= r.bottom + 0.5 && b.height > 0;
      }).length;
    });
    expect(visibleRows).toBeGreaterThanOrEqual(5);
    const why = page.getByRole('region', { name: 'Controller decisions' });
    const lines = await why.evaluate((el) => {
      const li = el.querySelector('li');
      const lineHeight = parseFloat(getComputedStyle(li ?? el).lineHeight);
      return el.clientHeight / lineHeight;
    });
    expect(lines).toBeGreaterThanOrEqual(5);
    for (const panel of [wrap, why]) {
      const b = (await panel.boundingBox())!;
      expect(b.y + b.height).toBeLessThanOrEqual(720);
    }
  });

  test('a seek shows the events of the moment in view at once, the whole table once time holds still', async ({
    page,
  }) => {
    await openApp(page);
    await midRollout(page);
    await lab(page, (l) => l.advance(60));
    const wrap = page.getByRole('region', { name: 'Events table' });
    // Each row as reason and object, like the table's cells: all of them, or those in the box.
    const rowsOf = (all: boolean) =>
      wrap.evaluate((el, all) => {
        const box = el.getBoundingClientRect();
        return [...el.querySelectorAll('.event')]
          .filter((row) => {
            const r = row.getBoundingClientRect();
            return all || (r.bottom > box.top && r.top < box.bottom);
          })
          .map(
            (row) => `${row.children[2]!.textContent} ${row.querySelector('.object')!.getAttribute('title')}`,
          );
      }, all);
    // A seek, up to the next animation frame.
    const seek = (t: number) =>
      page.evaluate(async (t) => {
        window.__rolloutLab!.seek(t);
        await new Promise((done) => requestAnimationFrame(done));
      }, t);
    // Scrolled (scroll events are sent with the next frames): to the oldest row or the newest.
    const scroll = async (top: 'oldest' | 'newest') => {
      await wrap.evaluate((el, top) => el.scrollTo({ top: top === 'oldest' ? -el.scrollHeight : 0 }), top);
      await expect
        .poll(() =>
          wrap.evaluate(async (el) => {
            await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
            return el.scrollTop < -1;
          }),
        )
        .toBe(top === 'oldest');
    };
    // Every row of the moment: scrolled back they come with the seek, but the scroll reaches the
    // table's state with a later frame on a busy machine; once time holds still they are all there.
    await scroll('oldest');
    await seek(25);
    await page.waitForTimeout(400);
    const all = await rowsOf(true);
    await seek(80);
    // Scrolled to the newest, back to that moment from after the update (every row changes): the
    // frame after the seek shows the rows in view, the rest follow, each event once.
    await scroll('newest');
    await seek(25);
    const shown = await rowsOf(false);
    expect(all.length).toBeGreaterThan(shown.length);
    expect(shown).toEqual(all.slice(-shown.length));
    await expect.poll(() => rowsOf(true)).toEqual(all);
  });

  test('the preview of a hovered action never moves the console', async ({ page }) => {
    await openApp(page);
    const input = page.getByRole('textbox', { name: 'kubectl command' });
    const before = await input.boundingBox();
    // Either tab of the actions: the same height.
    await showBlueGreen(page);
    expect(await input.boundingBox()).toEqual(before);
    // Blue/green's preview is a whole manifest.
    await page.getByRole('button', { name: 'Blue/green' }).hover();
    await expect(page.locator('#command-preview')).toContainText('kind: Deployment');
    expect(await input.boundingBox()).toEqual(before);
    await page.getByRole('tab', { name: 'Update' }).click();
    await page.getByRole('button', { name: 'Recreate' }).focus();
    expect(await input.boundingBox()).toEqual(before);
  });

  test('the console never wraps a table, and opens wide', async ({ page }) => {
    await openApp(page);
    await lab(page, (l) => l.console('kubectl get rs -o wide'));
    const out = page.getByRole('log', { name: 'kubectl output' });
    await expect(out).toContainText('SELECTOR');
    const table = out.locator('pre').filter({ hasText: 'SELECTOR' });
    const lines = async () =>
      table.evaluate((el) =>
        Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
      );
    // Two lines (header, one ReplicaSet) however narrow the panel: it scrolls sideways instead.
    expect(await lines()).toBe(2);
    expect(await out.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await page.getByRole('button', { name: 'Widen' }).click();
    const wide = (await page.locator('.console').boundingBox())!;
    expect(wide.width).toBeGreaterThan(1000);
    expect(await lines()).toBe(2);
    await expect(page.getByRole('textbox', { name: 'kubectl command' })).toBeFocused();
    await page.keyboard.press('Escape');
    expect((await page.locator('.console').boundingBox())!.width).toBeLessThan(600);

    // Docked again after more commands, it shows the latest output, not the first.
    await lab(page, (l) => l.console('kubectl get pods'));
    await lab(page, (l) => l.console('kubectl get deploy'));
    await page.getByRole('button', { name: 'Widen' }).click();
    await page.keyboard.press('Escape');
    const atEnd = () => out.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop);
    await expect.poll(() => out.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await expect.poll(atEnd).toBeLessThan(2);
    await expect(out.getByText('$ kubectl get deploy')).toBeInViewport();
  });

  test('the split and the text size are kept per device', async ({ page }) => {
    await openApp(page);
    const side = page.locator('aside.side');
    const w0 = (await side.boundingBox())!.width;
    const split = page.getByRole('separator', { name: 'Width of the side column' });
    await split.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await side.boundingBox())!.width).toBeGreaterThan(w0 + 40);
    // The split's arrows are its own, not the app's step back.
    const t = (await state(page)).t;
    await page.keyboard.press('ArrowRight');
    expect((await state(page)).t).toBe(t);
    const w1 = (await side.boundingBox())!.width;

    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const f0 = await fontSize();
    const s0 = await scale(page);
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.keyboard.press('Control+=');
    await expect.poll(fontSize).toBeGreaterThan(f0 * 1.2);
    await expect.poll(() => scale(page)).toBeGreaterThan(s0);

    await page.reload();
    await expect(page.locator('svg.diagram')).toBeVisible();
    expect((await side.boundingBox())!.width).toBeCloseTo(w1, 0);
    expect(await fontSize()).toBeGreaterThan(f0 * 1.2);
    await page.keyboard.press('Control+0');
    await expect.poll(fontSize).toBe(f0);
  });

  test('larger text: the Service and every pod still on one screen, the events giving way', async ({
    page,
  }) => {
    await openApp(page);
    const events = page.locator('.stage > .events');
    const h0 = (await events.boundingBox())!.height;
    // Three steps: 150% text, the header on two rows, the playback bar taller.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Larger text' }).click();
    await expect
      .poll(() => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize)))
      .toBeCloseTo(21, 0);
    await allInView(page, page.getByRole('img', { name: /^Service kubia/ }));
    await allInView(page, pods(page));
    await expect(pods(page)).toHaveCount(3);
    // At most 30% of the column; at the normal size it was its full five rows.
    expect((await events.boundingBox())!.height).toBeLessThan(h0);
    const box = page.locator('.diagram-box');
    expect(await box.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
  });

  // The settings on the header's row pushed it onto two rows from 115% text, taking 40 px from the
  // diagram. They fold behind More instead, and A+ pressed from the keyboard stays under the focus.
  test('larger text: the header keeps one row, its settings behind More, A+ keeping the focus', async ({
    page,
  }) => {
    await openApp(page);
    const header = page.locator('header.top');
    const more = header.locator('summary', { hasText: 'More' });
    const yaml = header.getByRole('button', { name: 'YAML editor' });
    const larger = header.getByRole('button', { name: 'Larger text' });
    const oneRow = async () => {
      const row = (await header.getByRole('button', { name: 'Lessons' }).boundingBox())!.height;
      expect((await header.boundingBox())!.height).toBeLessThan(row * 1.5);
    };
    await expect(yaml).toBeInViewport({ ratio: 1 });
    await expect(more).toHaveCount(0);
    await oneRow();

    await larger.focus();
    await page.keyboard.press('Enter');
    await expect(more).toBeVisible();
    await expect(larger).toBeFocused();
    await expect(yaml).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize)))
      .toBeCloseTo(21, 0);
    await expect(larger).toBeFocused();
    await oneRow();
    for (const name of ['Lessons', 'Present', 'Compare', 'Share'])
      await expect(header.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
    // Under More at the header's right, on screen, over nothing it needs.
    const panel = page.getByRole('group', { name: 'Settings and the YAML editor' });
    const box = (await panel.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(box.width).toBeLessThan(1280 / 2);
    await page.screenshot({
      path: `${DIR}/header-more-150.png`,
      clip: { x: 0, y: 0, width: 1280, height: 160 },
    });
    // At 175% More alone took a second row: New scenario reads New there, as on a phone.
    const create = header.getByRole('button', { name: 'New scenario' });
    const label = () => create.evaluate((e) => (e as HTMLElement).innerText);
    expect(await label()).toBe('New scenario');
    await page.keyboard.press('Enter');
    await expect(larger).toBeDisabled();
    // The focus on the button still enabled, not fallen to the page.
    await expect(header.getByRole('button', { name: 'Smaller text' })).toBeFocused();
    await oneRow();
    expect(await label()).toBe('New');
    await expect(more).toBeInViewport({ ratio: 1 });
    await page.screenshot({
      path: `${DIR}/header-more-175.png`,
      clip: { x: 0, y: 0, width: 1280, height: 160 },
    });
    await page.keyboard.press('Escape');
    await expect(yaml).toBeHidden();
    await expect(more).toBeFocused();

    // Back to the normal size: inline again, the focus on the control pressed.
    await page.keyboard.press('Enter');
    const smaller = header.getByRole('button', { name: 'Smaller text' });
    await smaller.focus();
    await page.keyboard.press('Enter');
    await expect.poll(label).toBe('New scenario');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    await expect(more).toHaveCount(0);
    await expect(smaller).toBeFocused();
    await expect(yaml).toBeInViewport({ ratio: 1 });
    await oneRow();
    await page.keyboard.press('Enter');
    await expect(smaller).toBeDisabled();
    await expect(larger).toBeFocused();
  });

  test('the playback bar does not move as playback starts and stops, in either language', async ({
    page,
  }) => {
    await openApp(page);
    // The lab's own bar (its name is in the page's language).
    const bar = page.locator('.bottom > [role=toolbar]');
    const boxes = () =>
      bar.evaluate((el) =>
        [el, ...el.children].map((c) => {
          const r = c.getBoundingClientRect();
          return [r.x, r.y, r.width, r.height].map(Math.round).join(' ');
        }),
      );
    for (const [play, pause] of [
      ['Play', 'Pause'],
      ['재생', '일시 정지'],
    ] as const) {
      if (play === '재생') await page.getByRole('button', { name: '한국어' }).click();
      await lab(page, (l) => l.hold());
      const stopped = await boxes();
      await bar.getByRole('button', { name: play, exact: true }).click();
      await expect(bar.getByRole('button', { name: pause, exact: true })).toBeVisible();
      // The three buttons stay on one row, each where it was, and the bar keeps its height.
      expect(await boxes()).toEqual(stopped);
      const tops = await bar
        .getByRole('button')
        .evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().top));
      expect(new Set(tops).size).toBe(1);
      await bar.getByRole('button', { name: pause, exact: true }).click();
    }
  });
});

/** The words of the first Deployment's header and budget gauge whose boxes cross each other. */
async function overlappingWords(page: Page): Promise<string[]> {
  return page
    .locator('.deployment')
    .first()
    .evaluate((block) => {
      const texts = [...block.querySelectorAll(':scope > text, .budget text')].map((e) => ({
        text: e.textContent ?? '',
        r: e.getBoundingClientRect(),
      }));
      const out: string[] = [];
      texts.forEach((a, i) =>
        texts.slice(i + 1).forEach((b) => {
          const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          // Line boxes of stacked lines 13 px apart share a pixel or two; crossing words share more.
          if (x > 0.5 && y > 3) out.push(`"${a.text}" × "${b.text}"`);
        }),
      );
      return out;
    });
}

for (const [width, height, lang] of [
  [1280, 720, 'en'],
  [1280, 720, 'ko'],
  [1920, 1080, 'en'],
] as const) {
  test(`${width}×${height} ${lang}: 1,000 replicas, the Deployment's words clear of the budget gauge's`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openApp(page, '/', lang as Lang);
    await thousandReplicas(page);
    await expect(page.locator('.deployment .budget')).toBeVisible();
    expect(await overlappingWords(page)).toEqual([]);
  });
}

for (const [width, height] of [
  [1280, 720],
  [1024, 768],
  [375, 667],
] as const) {
  test(`${width}×${height}: each Deployment's conditions line sits clear of its budget gauge and its lanes`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    // Two Deployments, each with its RollingUpdate budget.
    await openApp(page, '/?lesson=blue-green&stop=2');
    await expect(page.locator('.deployment .budget')).toHaveCount(2);
    const clashes = await page.locator('.deployment').evaluateAll((blocks) =>
      blocks.flatMap((block) => {
        const line = block.querySelector(':scope > text.conditions')!.getBoundingClientRect();
        const above = [...block.querySelectorAll('.budget rect, .budget line')].map(
          (e) => e.getBoundingClientRect().bottom,
        );
        const below = block.querySelector('.lane')!.getBoundingClientRect().top;
        const name = block.getAttribute('aria-label');
        return [
          ...(line.top < Math.max(...above) ? [`${name}: into the gauge`] : []),
          ...(line.bottom > below ? [`${name}: into the lane`] : []),
        ];
      }),
    );
    expect(clashes).toEqual([]);
  });
}

/**
 * Every line of the diagram's text that runs past the SVG or past the box it belongs to (its lane,
 * its Deployment, the Service, the clients), with how far, in CSS pixels.
 */
async function textOutside(page: Page): Promise<string[]> {
  return page.locator('svg.diagram').evaluate((svg) => {
    const edges = svg.getBoundingClientRect();
    const boxOf = (text: Element) => {
      const owner = text.closest('.lane, .deployment, .service > g');
      const rect = owner?.querySelector(':scope > rect');
      return rect?.getBoundingClientRect() ?? edges;
    };
    const out: string[] = [];
    for (const text of svg.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      if (r.width === 0 || text.closest('.tooltip')) continue;
      for (const [what, b] of [
        ['svg', edges],
        ['box', boxOf(text)],
      ] as const) {
        const over = Math.max(b.left - r.left, r.right - b.right);
        if (over > 0.5) out.push(`"${text.textContent}" ${Math.round(over)} px past its ${what}`);
      }
    }
    return out;
  });
}

// The Faults panel follows the console in the side column. Under the console, it kept the column
// overfull, so the console stayed at its least (two lines of output) at any window height; it now
// scrolls in under a console that takes what the actions and the why leave.
for (const height of [800, 900, 1080] as const)
  test(`1280×${height}: with the Faults panel there, the console shows six lines or more, nothing over it`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height });
    await openApp(page);
    const faults = page.getByRole('region', { name: 'Faults' });
    await expect(faults).toBeAttached();
    const log = page.getByRole('log', { name: 'kubectl output' });
    const lines = await log.evaluate((el) => {
      const cs = getComputedStyle(el);
      return (
        (el.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom)) /
        parseFloat(cs.lineHeight)
      );
    });
    expect(lines).toBeGreaterThanOrEqual(6);
    expect(await promptClearance(page)).toBeGreaterThanOrEqual(0);
    // In the column's order, none over another: the actions, the why, the console, then Faults.
    const boxes = await Promise.all(
      [
        page.locator('.side .actions'),
        page.locator('.side .why'),
        page.locator('.side .console'),
        faults,
      ].map(async (l) => (await l.boundingBox())!),
    );
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i]!.y).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.height);
    await faults.scrollIntoViewIfNeeded();
    await expect(faults.getByRole('button', { name: 'Drain' }).first()).toBeInViewport({ ratio: 1 });
    await page.locator('.side').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: `${DIR}/faults-console-1280x${height}.png` });
  });

test.describe('375×667', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  const scenes: [string, (page: Page, lang: Lang) => Promise<void>][] = [
    ['mid rollout (two versions answering)', (page) => midRollout(page)],
    [
      'after the blue/green switch',
      async (page, lang) => {
        await blueGreenReady(page, lang === 'ko' ? '블루/그린' : 'Blue/green');
        await page
          .getByRole('button', { name: lang === 'ko' ? '서비스 전환' : 'Switch Service', exact: true })
          .click();
        await lab(page, (l) => l.advance(5));
        expect((await state(page)).services[0]?.selector).toContain('kubia-green');
      },
    ],
    [
      'after a broken v3 (minReadySeconds)',
      async (page, lang) => {
        await page
          .getByRole('button', { name: lang === 'ko' ? '고장 난 v3 배포' : 'Deploy broken v3' })
          .click();
        await lab(page, (l) => l.advance(20));
      },
    ],
    [
      'with no Deployment left',
      async (page) => {
        await lab(page, (l) => l.run('kubectl delete deployment kubia'));
        await lab(page, (l) => l.advance(40));
        await expect(
          page.locator('svg.diagram text.meta', { hasText: /^(No Deployments|디플로이먼트가 없습니다)/ }),
        ).toBeVisible();
      },
    ],
  ];
  for (const lang of ['en', 'ko'] as const)
    for (const [name, scene] of scenes)
      test(`${lang} ${name}: the diagram's words stay inside the SVG and their boxes`, async ({ page }) => {
        await openApp(page, '/', lang);
        await scene(page, lang);
        expect(await textOutside(page)).toEqual([]);
        await page.locator('.diagram-box').screenshot({
          path: `${DIR}/phone-375x667-${lang}-${name.replace(/\W+/g, '-')}.png`,
        });
      });
});

test('phone: one column, lesson first, the diagram fitted to the width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page, '/?lesson=rolling-update&stop=4');
  const say = page.getByTestId('lesson.say');
  await expect(say).toBeVisible();
  // The narration is on the first screen, above the diagram.
  const sayBox = (await say.boundingBox())!;
  expect(sayBox.y + sayBox.height).toBeLessThan(844);
  expect(sayBox.y).toBeLessThan((await page.locator('svg.diagram').boundingBox())!.y);
  // Nothing scrolls sideways; every pod within the diagram's box; text at least 11 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const xs = await pods(page).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
  const box = (await page.locator('.diagram-box').boundingBox())!;
  expect(Math.max(...xs)).toBeLessThanOrEqual(box.x + box.width);
  expect(await smallestTextPx(page)).toBeGreaterThanOrEqual(11);
});

test('phone: an action pressed below the diagram brings the diagram into view', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openApp(page, '/');
  const diagram = page.locator('main svg.diagram');
  const rolling = page.getByRole('button', { name: 'Rolling update', exact: true });
  await rolling.scrollIntoViewIfNeeded();
  await expect(diagram).not.toBeInViewport();
  await rolling.click();
  // The new ReplicaSet's lane, on screen, and Play within reach below it.
  await expect(page.locator('main svg.diagram g.lane')).toHaveCount(2);
  await expect(diagram).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Play' })).toBeInViewport();
});

test('a touch screen is not told to hover: the preview says to press an action', async ({
  browser,
}, info) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    ...(info.project.use.baseURL ? { baseURL: info.project.use.baseURL } : {}),
  });
  const page = await context.newPage();
  await openApp(page, '/');
  const preview = page.getByRole('region', { name: 'kubectl an action runs' });
  await expect(preview).toHaveText('Press an action: the kubectl it runs shows here.');
  await page.getByRole('button', { name: 'Rolling update', exact: true }).tap();
  await expect(preview).toContainText('kubectl set image deployment/kubia');
  await context.close();
});

for (const width of [360, 375] as const)
  test(`phone at ${width} px: the header is three rows too, New scenario reads New`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openApp(page, '/');
    const rowHeight = (await page.getByRole('button', { name: 'Lessons' }).boundingBox())!.height;
    expect((await page.locator('header.top').boundingBox())!.height).toBeLessThan(rowHeight * 3 + 4 * 8);
    const create = page.getByRole('button', { name: 'New scenario' });
    expect(await create.evaluate((e) => (e as HTMLElement).innerText)).toBe('New');
  });

// Korean's New scenario (새 시나리오) is as wide as English's: at 320 px it pushed More onto a fourth
// row. It reads 신규 ("new") there, its name unchanged, and every control stays in the header.
for (const width of [320, 360, 375] as const)
  test(`phone at ${width} px in Korean: the header is three rows, every control in it`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openApp(page, '/', 'ko');
    const header = page.locator('header.top');
    const rowHeight = (await page.getByRole('button', { name: '레슨', exact: true }).boundingBox())!.height;
    expect((await header.boundingBox())!.height).toBeLessThan(rowHeight * 3 + 4 * 8);
    const create = page.getByRole('button', { name: '새 시나리오' });
    expect(await create.evaluate((e) => (e as HTMLElement).innerText)).toBe('신규');
    for (const name of [
      '레슨',
      '발표',
      '예측',
      '비교',
      '연결',
      '새 시나리오',
      '가져오기',
      '내보내기',
      '공유',
    ])
      await expect(header.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
    await expect(header.locator('summary', { hasText: '더 보기' })).toBeInViewport({ ratio: 1 });
    await page.screenshot({
      path: `${DIR}/header-ko-${width}.png`,
      clip: { x: 0, y: 0, width, height: 200 },
    });
  });

test('phone: the header is three rows, its settings behind More', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page, '/');
  const header = page.locator('header.top');
  const rowHeight = (await page.getByRole('button', { name: 'Lessons' }).boundingBox())!.height;
  expect((await header.boundingBox())!.height).toBeLessThan(rowHeight * 3 + 4 * 8);
  const create = page.getByRole('button', { name: 'New scenario' });
  expect(await create.evaluate((e) => (e as HTMLElement).innerText)).toBe('New scenario');
  const yaml = page.getByRole('button', { name: 'YAML editor' });
  await expect(yaml).toBeHidden();
  const more = page.locator('header.top summary', { hasText: 'More' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(yaml).toBeVisible();
  await expect(page.getByRole('button', { name: '한국어' })).toBeVisible();
  // Escape closes it and gives the focus back to More; so does a press outside.
  await page.keyboard.press('Escape');
  await expect(yaml).toBeHidden();
  await expect(more).toBeFocused();
  await more.click();
  await expect(yaml).toBeVisible();
  await page.getByRole('heading', { name: /^Events/ }).click();
  await expect(yaml).toBeHidden();
});

/** Whether the point at the middle of `locator` hits it (and not something drawn over it). */
const onTop = (locator: Locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !!hit && el.contains(hit);
  });

// More sits at the start of a wrapped header row at some widths and the end of one at others; its
// panel must open on screen either way.
for (const [width, height] of [
  [320, 568],
  [375, 667],
  [390, 844],
] as const)
  test.describe(`${width}×${height} touch`, () => {
    test.use({ viewport: { width, height }, isMobile: true, hasTouch: true });
    for (const path of ['/', '/?lesson=rolling-update'] as const)
      for (const lang of ['en', 'ko'] as const)
        test(`${lang} ${path}: More opens on screen, every setting in reach`, async ({ page }) => {
          await openApp(page, path, lang);
          await page.locator('header.top summary').tap();
          const panel = page.getByRole('group', {
            name: lang === 'ko' ? '설정과 YAML 편집기' : 'Settings and the YAML editor',
          });
          await expect(panel).toBeVisible();
          const box = (await panel.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(width);
          const items = panel.locator('button, select');
          expect(await items.count()).toBeGreaterThanOrEqual(6);
          for (const item of await items.all()) {
            await expect(item).toBeInViewport({ ratio: 1 });
            expect(await onTop(item)).toBe(true);
          }
        });
  });

for (const width of [320, 375, 390] as const)
  for (const lang of ['en', 'ko'] as const)
    test(`${width} px ${lang}: the Actions form shows the whole image name and every field in the panel`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 700 });
      await openApp(page, '/', lang);
      const form = page.locator('section.actions .field-grid');
      const image = form.locator('select');
      await expect(image).toHaveValue('luksa/kubia:v2');
      // The list as wide as its widest name with the arrow: as wide as it draws itself unhindered.
      const [have, need] = await image.evaluate((select) => {
        const free = select.cloneNode(true) as HTMLSelectElement;
        free.style.cssText = 'position: absolute; width: max-content; min-width: 0; max-width: none';
        select.parentElement!.append(free);
        const widths = [select.getBoundingClientRect().width, free.getBoundingClientRect().width] as const;
        free.remove();
        return widths;
      });
      expect(have).toBeGreaterThanOrEqual(need);
      const panel = (await page.locator('section.actions').boundingBox())!;
      for (const field of await form.locator('input, select').all()) {
        const box = (await field.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
      }
    });

for (const width of [320, 375, 390] as const)
  test(`${width} px: the Connect dialog's address and namespace stay inside it`, async ({ page }) => {
    await page.setViewportSize({ width, height: 700 });
    await openApp(page, '/');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Follow a Kubernetes API' });
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    for (const id of ['follow.url', 'follow.namespace']) {
      const input = (await dialog.getByTestId(id).boundingBox())!;
      expect(input.x).toBeGreaterThanOrEqual(box.x);
      expect(input.x + input.width).toBeLessThanOrEqual(box.x + box.width);
    }
    const fields = dialog.getByTestId('follow.url').locator('xpath=../..');
    expect(await fields.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });

test.describe('390×844 touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the console is as tall as a few lines, not the height of the panel under it', async ({ page }) => {
    await openApp(page, '/');
    // Both load after the first paint: measured once both are there, in one go.
    await expect(page.locator('.console .terminal')).toBeVisible();
    await expect(page.locator('section.faults')).toBeVisible();
    const m = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      const side = box('aside.side');
      return {
        terminal: box('.console .terminal').height,
        faults: box('section.faults').bottom,
        side: side.bottom,
      };
    });
    expect(m.terminal).toBeGreaterThanOrEqual(100);
    expect(m.terminal).toBeLessThanOrEqual(844 * 0.3);
    // The faults panel follows the console inside the page's column.
    expect(m.faults).toBeLessThanOrEqual(m.side + 1);
  });

  test('two versions answering and errors: the Service counter stays inside its box', async ({ page }) => {
    await openApp(page, '/');
    await lab(page, (l) => l.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v3'));
    await lab(page, (l) => l.advance(16));
    const counter = page.getByTestId('traffic-counter');
    await expect(counter).toContainText('errors');
    await expect(counter).toContainText('v3');
    const [text, box] = await counter.evaluate((el) => {
      const rects = [...el.closest('.service')!.querySelectorAll('rect')].map((r) =>
        r.getBoundingClientRect(),
      );
      const service = rects.sort((a, b) => b.width - a.width)[0]!;
      return [el.getBoundingClientRect().right, service.right];
    });
    expect(text).toBeLessThanOrEqual(box - 4);
  });

  test('More closes once an item is used: the YAML editor it opens is not under it', async ({ page }) => {
    await openApp(page, '/');
    // (The page turns Korean on the way.)
    const more = page.locator('header.top summary');
    const panel = page.getByRole('group', { name: /^(Settings and the YAML editor|설정과 YAML 편집기)$/ });
    await more.tap();
    await page.getByRole('button', { name: 'YAML editor' }).tap();
    await expect(panel).toBeHidden();
    const editor = page.locator('section.editor');
    const object = editor.getByRole('combobox', { name: 'Object' });
    const apply = editor.getByRole('button', { name: 'Apply' });
    await expect(apply).toBeVisible();
    // The panel has the focus, not its text: no on-screen keyboard comes up over it.
    await expect(editor).toBeFocused();
    expect(await onTop(object)).toBe(true);
    expect(await onTop(apply)).toBe(true);
    // By keyboard: the focus goes back to More.
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: '한국어' }).focus();
    await page.keyboard.press('Enter');
    await expect(panel).toBeHidden();
    await expect(more).toBeFocused();
    // The text size steps with the panel open; Escape closes it and gives the focus back to More.
    await more.tap();
    await panel.getByRole('button', { name: /글자 크게|Larger/ }).tap();
    await expect(panel).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(more).toBeFocused();
  });
});

for (const [width, height, path] of [
  [1280, 720, '/'],
  [1920, 1080, '/'],
  [946, 618, '/?embed=1'],
] as const) {
  test(`${width}×${height} ${path}: nothing moves when the timeline's part arrives after the first paint`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    // Every layout shift from the first paint on, with what moved.
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: string[] };
      w.shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as {
          sources: { node?: Node; previousRect: DOMRect; currentRect: DOMRect }[];
        }[])
          for (const s of e.sources)
            w.shifts.push(
              `${(s.node as Element | undefined)?.className ?? '?'}: ${s.previousRect.y} → ${s.currentRect.y}`,
            );
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(path);
    await expect(page.getByRole('img', { name: /requests per second over time/ })).toBeVisible();
    // As painted: after the frame that follows the chart's first render.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts)).toEqual([]);
  });
}

test('embed: diagram, playback and timeline within the 620 px frame', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/embed-example.html');
  const frame = page.frameLocator('#lab');
  await expect(frame.locator('svg.diagram')).toBeVisible();
  await expect(frame.getByRole('img', { name: /requests per second over time/ })).toBeVisible();
  const bottoms = await frame
    .locator('body')
    .evaluate(() =>
      ['.diagram-box', '.playback', '.timeline'].map(
        (s) => document.querySelector(s)!.getBoundingClientRect().bottom,
      ),
    );
  for (const b of bottoms) expect(b).toBeLessThanOrEqual(600);
  // The actions are one menu away.
  await frame.getByRole('button', { name: /^Actions/ }).click();
  await expect(frame.getByRole('button', { name: 'Rolling update' })).toBeVisible();
  await frame.locator('body').press('Escape');
  await expect(frame.getByRole('button', { name: 'Rolling update' })).toBeHidden();
});

test('on a phone, a link open over saved work shows its notice’s buttons inside the notice', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openLinkOverSavedWork(page, 'en');
  const notice = page.getByTestId('share.notice');
  await expect(notice.getByRole('button', { name: 'Keep this as my work' })).toBeVisible();
  const box = (await notice.boundingBox())!;
  for (const b of await notice.getByRole('button').all()) {
    const r = (await b.boundingBox())!;
    expect(r.x + r.width).toBeLessThanOrEqual(box.x + box.width);
  }
});

// At 1024 px the English header's settings took a second row; they wait behind More there, and
// Korean's shorter names keep them inline.
for (const lang of ['en', 'ko'] as const)
  test(`1024×768 in ${lang}: the header is one row, every control in reach`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openApp(page, '/', lang);
    const header = page.locator('header.top');
    const lessons = header.getByRole('button', { name: lang === 'en' ? 'Lessons' : '레슨', exact: true });
    const row = (await lessons.boundingBox())!.height;
    expect((await header.boundingBox())!.height).toBeLessThan(row * 1.5);
    const more = header.locator('summary');
    if (lang === 'en') await more.click();
    else await expect(more).toHaveCount(0);
    const language = header.getByRole('group', { name: lang === 'en' ? 'Language' : '언어' });
    for (const control of await header.locator('button, select').all())
      if (await control.isVisible()) await expect(control).toBeInViewport({ ratio: 1 });
    await expect(language).toBeInViewport({ ratio: 1 });
  });

/**
 * Screenshots of the screens the app must hold, for review by eye (test-results/screens/, or
 * SCREENS_DIR): the classroom projector (1280×720), 1920×1080, a phone (390×844) and the 620 px
 * frame of public/embed-example.html, in English and Korean, light and dark. They assert only that
 * nothing overflows the page sideways; layout regressions are caught by looking (and by
 * layout.spec.ts). `SCREENS=1` takes all of them; the default run takes a few at 1280×720.
 */
import { expect, test, type Page } from '@playwright/test';
import { lab } from './lab.ts';
import { blueGreenReady, midRollout, openApp, threeReplicaSets, type Lang } from './scenes.ts';

const DIR = process.env['SCREENS_DIR'] ?? 'test-results/screens';
const ALL = !!process.env['SCREENS'];

const SIZES = {
  projector: [1280, 720],
  fullhd: [1920, 1080],
  phone: [390, 844],
  tablet: [820, 1180],
  // public/embed-example.html's frame: 620 px high, as wide as its 980 px column allows.
  embed: [946, 618],
} as const;
type Size = keyof typeof SIZES;

interface Screen {
  name: string;
  path: string;
  sizes: Size[];
  setup?: (page: Page, lang: Lang) => Promise<void>;
}

const SCREENS: Screen[] = [
  { name: 'initial', path: '/', sizes: ['projector', 'fullhd', 'phone', 'tablet'] },
  { name: 'rolling', path: '/', sizes: ['projector', 'fullhd', 'phone'], setup: (p) => midRollout(p) },
  {
    name: 'bluegreen',
    path: '/',
    sizes: ['projector', 'fullhd', 'phone'],
    setup: (p, lang) => blueGreenReady(p, lang === 'ko' ? '블루/그린' : 'Blue/green'),
  },
  { name: 'three-rs', path: '/', sizes: ['projector', 'fullhd', 'phone'], setup: (p) => threeReplicaSets(p) },
  {
    name: 'console-wide',
    path: '/',
    sizes: ['projector'],
    setup: async (p, lang) => {
      await lab(p, (l) => l.console('kubectl get rs -o wide'));
      await lab(p, (l) => l.console('kubectl get pods --show-labels'));
      await p.getByRole('button', { name: lang === 'ko' ? '넓게' : 'Widen' }).click();
    },
  },
  { name: 'lesson', path: '/?lesson=rolling-update&stop=4', sizes: ['projector', 'fullhd', 'phone'] },
  {
    name: 'present',
    path: '/?lesson=rolling-update&stop=3',
    sizes: ['projector', 'fullhd'],
    setup: async (p) => {
      await expect(p.getByTestId('lesson.panel')).toBeVisible();
      await p.keyboard.press('p');
      await expect(p.getByTestId('present.root')).toBeVisible();
    },
  },
  { name: 'embed', path: '/?embed=1', sizes: ['embed', 'phone'], setup: (p) => midRollout(p) },
  {
    name: 'shortcuts',
    path: '/',
    sizes: ['projector', 'phone'],
    setup: async (p) => {
      await p.locator('body').press('?');
      await expect(p.getByTestId('shortcuts')).toBeVisible();
    },
  },
];

for (const screen of SCREENS)
  for (const size of screen.sizes)
    for (const lang of ['en', 'ko'] as const)
      for (const scheme of ['light', 'dark'] as const) {
        const sample = size === 'projector' && lang === 'en' && scheme === 'light';
        if (!ALL && !(sample && ['bluegreen', 'lesson'].includes(screen.name))) continue;
        test(`screenshot ${screen.name} ${size} ${lang} ${scheme}`, async ({ page }) => {
          // Minutes of simulated time at 1920×1080 on a shared 2-core machine.
          test.setTimeout(90_000);
          const [w, h] = SIZES[size];
          await page.emulateMedia({ colorScheme: scheme });
          await page.setViewportSize({ width: w, height: h });
          await openApp(page, screen.path, lang);
          await screen.setup?.(page, lang);
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: `${DIR}/${screen.name}-${size}-${lang}-${scheme}.png` });
          // Phones scroll: the whole page too.
          if (size === 'phone')
            await page.screenshot({
              path: `${DIR}/${screen.name}-${size}-${lang}-${scheme}-full.png`,
              fullPage: true,
            });
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);
        });
      }

/**
 * How this device likes the app laid out: the text size (A−/A+, Ctrl+= / Ctrl+−), the width of
 * the side column (the split), and whether the console opens wide. Kept in localStorage, so a
 * classroom's projector computer keeps its setting and a laptop keeps its own.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** Text sizes offered, as a factor of the default (14 px body text, 12 px diagram text). */
export const FONT_SCALES = [0.85, 1, 1.15, 1.3, 1.5, 1.75] as const;
export const SIDE_MIN = 300;
/** The side column never takes more than this share of the window. */
export const SIDE_MAX_SHARE = 0.6;

export interface LayoutPrefs {
  fontScale: number;
  /** Width of the side column in CSS pixels (desktop layouts); null: the default for the screen. */
  sideWidth: number | null;
  /** The console as a wide drawer over the diagram instead of a panel of the side column. */
  consoleWide: boolean;
}

const KEY = 'rollout-lab.layout';
const DEFAULTS: LayoutPrefs = { fontScale: 1, sideWidth: null, consoleWide: false };

function read(): LayoutPrefs {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return DEFAULTS;
    const v = JSON.parse(raw) as Partial<LayoutPrefs>;
    return {
      fontScale: FONT_SCALES.includes(v.fontScale as never) ? (v.fontScale as number) : 1,
      sideWidth:
        typeof v.sideWidth === 'number' && Number.isFinite(v.sideWidth)
          ? Math.max(SIDE_MIN, v.sideWidth)
          : null,
      consoleWide: v.consoleWide === true,
    };
  } catch {
    // Blocked or corrupt storage: the defaults.
    return DEFAULTS;
  }
}

export const prefsStore = createStore<LayoutPrefs>(read);

prefsStore.subscribe((s) => {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(s));
  } catch {
    // Not persisted (sandboxed frame, private mode): the choice holds for this page.
  }
});

export const usePrefs = <K extends keyof LayoutPrefs>(key: K): LayoutPrefs[K] =>
  useStore(prefsStore, (s) => s[key]);

/** One step larger (+1) or smaller (−1) text; 0 resets. */
export function stepFontScale(direction: -1 | 0 | 1): void {
  const now = prefsStore.getState().fontScale;
  const i = FONT_SCALES.indexOf(now as (typeof FONT_SCALES)[number]);
  const next =
    direction === 0
      ? 1
      : FONT_SCALES[Math.max(0, Math.min(FONT_SCALES.length - 1, (i < 0 ? 1 : i) + direction))]!;
  if (next !== now) prefsStore.setState({ fontScale: next });
}

/** The side column's width, kept between SIDE_MIN and SIDE_MAX_SHARE of `windowWidth`. */
export function clampSide(width: number, windowWidth: number): number {
  return Math.round(Math.max(SIDE_MIN, Math.min(width, windowWidth * SIDE_MAX_SHARE)));
}

/** A width in pixels, or null for the screen's default. */
export const setSideWidth = (px: number | null): void =>
  prefsStore.setState({ sideWidth: px === null ? null : Math.round(px) });
export const setConsoleWide = (consoleWide: boolean): void => prefsStore.setState({ consoleWide });

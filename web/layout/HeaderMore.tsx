import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
  type SyntheticEvent,
} from 'react';
import { useLang, useT } from '../i18n/index.ts';
import { useDismiss } from './dismiss.ts';
import { useMedia } from './media.ts';
import { usePrefs } from './prefs.ts';

/** Phones: the header's settings fold into one "More" disclosure, so the header takes fewer rows. */
export const PHONE = '(max-width: 700px)';

/** Where the header's controls get narrower (layout.css): their width is measured again. */
const NARROW_HEADER = '(max-width: 1500px)';

/**
 * The header's less-used controls: inline when the header has room for them on its row, behind
 * "More" on a phone and wherever they would push the header onto another row (a 1280-wide
 * projector with larger text, a tablet in English), since that row is taken from the diagram.
 */
export function HeaderMore({ children }: { children: ReactNode }) {
  const t = useT();
  const phone = useMedia(PHONE);
  const lang = useLang();
  const scale = usePrefs('fontScale');
  const narrow = useMedia(NARROW_HEADER);
  const ref = useRef<HTMLDetailsElement>(null);
  const [fold] = useState(() => new HeaderFold());
  const crowded = useSyncExternalStore(fold.subscribe, fold.crowded);
  const attach = useCallback((el: HTMLElement | null) => fold.attach(el), [fold]);
  const folded = phone || crowded;
  // The controls' width changes with the language and the text size: measured again, inline,
  // before the browser paints.
  useLayoutEffect(() => fold.remeasure(), [fold, lang, scale, narrow]);
  useLayoutEffect(() => fold.settle(phone), [fold, phone, crowded, lang, scale, narrow]);
  useEffect(() => () => fold.dispose(), [fold]);

  const [open, setOpen] = useState(false);
  const close = (returnFocus: boolean) => {
    const details = ref.current;
    if (!details) return;
    // Focus inside a closed disclosure would be lost: it goes back to "More".
    const focusInside = details.contains(document.activeElement);
    details.open = false;
    if (returnFocus || focusInside) details.querySelector('summary')?.focus();
  };
  // Like a menu, it closes on Escape (focus back on "More") and on a press outside it.
  useDismiss(folded && open, [ref], close);
  // And once one of its items is used, so that what it opened (the YAML editor, a sheet) is not
  // under it. A− and A+ keep it open: the reader steps the text size while watching it change.
  const used = (e: SyntheticEvent) => {
    const target = e.target as Element;
    if (target.closest('.font-size')) return;
    if (e.type === 'change' || target.closest('button')) close(false);
  };
  if (!folded)
    return (
      <div className="header-more-inline" ref={attach}>
        {children}
      </div>
    );
  return (
    <details
      className={phone ? 'header-more' : 'header-more header-more--crowded'}
      ref={(el) => {
        ref.current = el;
        attach(el);
      }}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{t('layout.more')}</summary>
      <div
        className="header-more-body"
        role="group"
        aria-label={t('layout.moreLabel')}
        onClick={used}
        onChange={used}
      >
        {children}
      </div>
    </details>
  );
}

const CONTROLS = 'button, select, input';

/**
 * Whether the header's controls, with the settings inline, are wider than the header. The
 * settings' width is measured while they are inline and kept while they are folded; the rest of
 * the header is measured as it is, whenever the header or one of its items changes size.
 *
 * A setting that had the focus as they fold or unfold keeps it where it goes: A+ pressed at a
 * projector folds them, and "More" opens with A+ focused, so a second press finds it.
 */
class HeaderFold {
  private value = false;
  private readonly listeners = new Set<() => void>();
  /** The settings as drawn: inline (a box of display: contents), or the disclosure. */
  private anchor: HTMLElement | null = null;
  /** The settings' width inline, the gaps between them included; unknown until measured. */
  private width: number | undefined;
  /**
   * Which of the settings had the focus before they moved, or -1 when none had but "More" was open:
   * once they settle, the focus goes back to it and "More" opens again.
   */
  private focused: number | undefined;
  /** How much narrower the tight header's controls are than they would be. */
  private saving = 0;
  private observer: ResizeObserver | undefined;
  private observed: HTMLElement | undefined;
  private frame = 0;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  crowded = () => this.value;
  attach(el: HTMLElement | null): void {
    this.anchor = el;
  }
  private get inline() {
    return this.anchor instanceof HTMLDetailsElement ? null : this.anchor;
  }
  private get details() {
    return this.anchor instanceof HTMLDetailsElement ? this.anchor : null;
  }

  /** Unfolds the settings, to measure them again once they are drawn inline. */
  remeasure(): void {
    this.noteFocus();
    this.width = undefined;
    if (this.observed) delete this.observed.dataset['tight'];
    this.set(false);
  }

  /** After the header is drawn: fold or unfold, give the focus back once settled, watch sizes. */
  settle(phone: boolean): void {
    const anchor = this.anchor;
    const header = phone ? undefined : anchor?.parentElement;
    this.watch(header ?? undefined);
    // Still drawn as before a change that is not drawn yet: the commit that draws it settles.
    if (!header || !anchor || (this.details !== null) !== this.value) return;
    if (this.check(header, anchor) || this.focused === undefined) return;
    const details = this.details;
    if (details) details.open = true;
    const target = this.controls()?.[this.focused];
    this.focused = undefined;
    // A control disabled meanwhile cannot take it back.
    if (target && !target.matches(':disabled')) target.focus();
    else if (document.activeElement === document.body) details?.querySelector('summary')?.focus();
  }

  dispose(): void {
    this.watch(undefined);
  }

  /**
   * Folds or unfolds the settings as the header's room asks; whether that changed anything. Folded
   * and still too wide (175% text at 1280 px, 130% at 1024), the header is made tight: New scenario
   * reads New, as on a phone (share.css). It is measured as if it read New scenario, so that its
   * own shortening does not undo it.
   */
  private check(header: HTMLElement, anchor: Element): boolean {
    const s = getComputedStyle(header);
    const gap = parseFloat(s.columnGap) || 0;
    if (this.inline) this.width = rowWidth([...this.inline.children], gap);
    if (this.width === undefined) return false;
    const room = header.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) + 0.5;
    const others = () => {
      const items = [...header.children];
      return rowWidth(items.slice(0, items.indexOf(anchor)), gap);
    };
    const wasTight = header.dataset['tight'] !== undefined;
    const wide = others() + (wasTight ? this.saving : 0);
    const crowded = wide + gap + this.width > room;
    const more = this.details;
    const tight = crowded && !!more && wide + gap + rowWidth([more], gap) > room;
    if (tight !== wasTight) {
      if (tight) header.dataset['tight'] = '';
      else delete header.dataset['tight'];
      this.saving = tight ? wide - others() : 0;
    }
    if (crowded === this.value) return false;
    this.noteFocus();
    this.set(crowded);
    return true;
  }

  /**
   * Measures again when the header or one of its items changes size (the window, a lesson's title,
   * "Copied"). At the next frame: a fold in the observer's own callback would resize what it has
   * just reported.
   */
  private watch(header: HTMLElement | undefined): void {
    if (this.observed && this.observed !== header) delete this.observed.dataset['tight'];
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = header;
    if (!header || typeof ResizeObserver !== 'function') return;
    this.observer = new ResizeObserver(() => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        const anchor = this.anchor;
        if (this.observed && anchor) this.check(this.observed, anchor);
      });
    });
    this.observer.observe(header);
    for (const el of header.children) this.observer.observe(el);
    for (const el of this.inline?.children ?? []) this.observer.observe(el);
  }

  private controls() {
    const box = this.inline ?? this.details?.querySelector('.header-more-body');
    return box?.querySelectorAll<HTMLElement>(CONTROLS);
  }

  private noteFocus(): void {
    const k = [...(this.controls() ?? [])].findIndex((el) => el.contains(document.activeElement));
    if (k >= 0 || this.details?.open) this.focused = k;
  }

  private set(value: boolean): void {
    if (value === this.value) return;
    this.value = value;
    for (const l of this.listeners) l();
  }
}

/**
 * The width `items` need on one row of a flex box with this gap: their widths with their margins,
 * and a gap between each two. An item that only takes the room left (the subtitle, a spacer) counts
 * for its gap alone; one that is not on the row (hidden, positioned) for nothing.
 */
function rowWidth(items: Element[], gap: number): number {
  let sum = 0;
  let count = 0;
  for (const el of items) {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.position === 'absolute' || s.position === 'fixed') continue;
    count++;
    if (parseFloat(s.flexBasis) === 0 && parseFloat(s.flexGrow) > 0) continue;
    sum += el.getBoundingClientRect().width + parseFloat(s.marginLeft) + parseFloat(s.marginRight);
  }
  return sum + Math.max(0, count - 1) * gap;
}

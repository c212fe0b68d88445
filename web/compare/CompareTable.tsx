/**
 * The comparison's table: one row per measure, one column per lane, measured from the lanes' runs
 * up to the moment shown (the core's `comparisonTable`, the same words the CLI prints). Each cell
 * says how it was measured when hovered or focused: one floating tooltip for the table, and the
 * same sentence as the cell's accessible description.
 */
import { useId, useMemo, useRef, useState, type FocusEvent, type MouseEvent } from 'react';
import { comparisonClock, comparisonTable } from '../../src/index.ts';
import { useLang, useT } from '../i18n/index.ts';
import { useCompare, useCompareState, useCompareTextClock } from './context.ts';
import { laneKey } from './lanes.ts';

interface Tip {
  text: string;
  x: number;
  y: number;
  below: boolean;
}

export function CompareTable() {
  const t = useT();
  const lang = useLang();
  const c = useCompare();
  const clock = useCompareTextClock();
  const lanes = useCompareState((s) => s.lanes);
  const start = useCompareState((s) => s.start);
  const id = useId();
  // `clock` says when the comparison has moved; the metrics come from its runs (cached there).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const metrics = useMemo(() => c.comparison.metrics(), [c, clock]);
  const table = comparisonTable(lanes, metrics, lang);
  const now = metrics[0]?.until ?? 0;
  const box = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const show = (text: string) => (e: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>) => {
    const host = box.current?.getBoundingClientRect();
    const r = e.currentTarget.getBoundingClientRect();
    if (!host) return;
    const below = r.top - host.top < 70;
    setTip({
      text,
      x: r.left - host.left + r.width / 2,
      y: below ? r.bottom - host.top : r.top - host.top,
      below,
    });
  };
  const hide = () => setTip(null);
  return (
    <div className="compare-table-box" ref={box}>
      <table className="compare-table" aria-label={t('compare.table')} aria-describedby={`${id}-note`}>
        <thead>
          <tr>
            <th scope="col">{table.corner}</th>
            {table.lanes.map((l, i) => (
              <th scope="col" key={i}>
                <span className="lane-badge" aria-hidden="true">
                  {laneKey(i)}
                </span>{' '}
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.key} data-metric={r.key}>
              <th scope="row">{r.label}</th>
              {r.cells.map((cell, i) => (
                <td
                  key={i}
                  tabIndex={0}
                  aria-describedby={`${id}-${r.key}-${i}`}
                  onMouseEnter={show(cell.detail)}
                  onMouseLeave={hide}
                  onFocus={show(cell.detail)}
                  onBlur={hide}
                >
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="compare-note" id={`${id}-note`}>
        {now < start
          ? t('compare.tableNoteBefore', { from: comparisonClock(start) })
          : t('compare.tableNote', { from: comparisonClock(start), t: comparisonClock(now) })}
      </p>
      {/* The explanations, as the cells' accessible descriptions. */}
      <div hidden>
        {table.rows.map((r) =>
          r.cells.map((cell, i) => (
            <span key={`${r.key}-${i}`} id={`${id}-${r.key}-${i}`}>
              {cell.detail}
            </span>
          )),
        )}
      </div>
      {tip && (
        <div
          className={tip.below ? 'compare-tip below' : 'compare-tip'}
          aria-hidden="true"
          data-testid="compare.tip"
          style={{ left: tip.x, top: tip.y }}
        >
          {tip.text}
        </div>
      )}
    </div>
  );
}

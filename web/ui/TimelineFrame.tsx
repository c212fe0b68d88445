/**
 * The timeline's box and legend, in the first bundle: the chart inside is a part loaded after the
 * first paint, and until it is here the same box, as high, holds its place.
 */
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { useTimelineDims } from './timelineDims.ts';
import './timeline.css';

/** The legend's entries: the swatch's class and the words. */
const LEGEND = [
  ['area', 'timeline.legendReplicas'],
  ['line', 'timeline.legendAvailable'],
  ['requests', 'timeline.legendRequests'],
  ['errors', 'timeline.legendErrors'],
  ['step', 'timeline.legendStep'],
] as const;

/** The figure's insides: the chart (or what holds its place) and the legend under it. */
export function TimelineFrame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <>
      {children}
      <div className="legend" aria-hidden="true">
        {LEGEND.map(([swatch, key]) => (
          <span key={key}>
            <i className={`swatch ${swatch}`} /> {t(key)}
          </span>
        ))}
      </div>
    </>
  );
}

/** What stands in for the timeline while its part loads: a box as high as the chart. */
export function TimelinePlaceholder() {
  const d = useTimelineDims();
  return (
    <figure className="timeline" aria-hidden="true">
      <TimelineFrame>
        <div style={{ height: d.H }} />
      </TimelineFrame>
    </figure>
  );
}

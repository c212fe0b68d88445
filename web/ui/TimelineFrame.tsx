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

/** The figure around the chart: its place (the chart's height) and the legend under it. */
export function TimelineFrame({ children }: { children?: ReactNode }) {
  const t = useT();
  const d = useTimelineDims();
  return (
    <>
      {children ?? <div className="timeline-chart" style={{ height: d.H }} />}
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

/** What stands in for the timeline while its part loads. */
export function TimelinePlaceholder() {
  return (
    <figure className="timeline" aria-hidden="true">
      <TimelineFrame />
    </figure>
  );
}

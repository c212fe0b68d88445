/**
 * The timeline's box and legend, in the first bundle: the chart inside is a part loaded after the
 * first paint, and until it is here the same box, as high, holds its place.
 */
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { useTimelineDims } from './timelineDims.ts';
import './timeline.css';

/** The figure around the chart: its place (the chart's height) and the legend under it. */
export function TimelineFrame({ children }: { children?: ReactNode }) {
  const t = useT();
  const d = useTimelineDims();
  return (
    <>
      {children ?? <div className="timeline-chart" style={{ height: d.H }} />}
      <div className="legend" aria-hidden="true">
        <span>
          <i className="swatch area" /> {t('timeline.legendReplicas')}
        </span>
        <span>
          <i className="swatch line" /> {t('timeline.legendAvailable')}
        </span>
        <span>
          <i className="swatch requests" /> {t('timeline.legendRequests')}
        </span>
        <span>
          <i className="swatch errors" /> {t('timeline.legendErrors')}
        </span>
        <span>
          <i className="swatch step" /> {t('timeline.legendStep')}
        </span>
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

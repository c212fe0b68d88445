import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import {
  controllerName,
  explainLoaded,
  humanDuration,
  parseTimestamp,
  type KubeEvent,
} from '../../src/index.ts';
import { useLang, useT } from '../i18n/index.ts';
import { formatTime, useFrame, usePlaying } from './hooks.ts';
import { useHidden } from '../predict/hooks.ts';
import { AnswerFirst } from '../predict/parts.tsx';
import './explain.css';

/** The newest events listed; the panel shows a handful at a time and scrolls through these. */
const EVENTS_SHOWN = 40;

/**
 * Like `kubectl get events`, newest last, at the current moment, with kubectl's column heads. Each
 * event takes two lines (the columns, then the message across the whole width) so the message
 * stays readable in a narrow panel.
 *
 * Scrolled to the newest event (as it opens), only the rows that fit in view are drawn with each
 * moment; the older ones, out of view above them, follow once the moment holds still for a fifth
 * of a second. A seek changes every row, and laying out all forty on every frame of a scrub made
 * it slow. Scrolled back to older events, every row is drawn at once. Either way the whole table
 * is there as soon as time stops moving, for screen readers and find-in-page.
 */
export function EventsPanel() {
  const t = useT();
  const frame = useFrame('text');
  // Events carry the cluster's timestamps: a followed cluster's clock is not its `t`.
  const now = frame.clock ?? frame.t;
  const events = useMemo(() => frame.events.slice(-EVENTS_SHOWN), [frame.events]);
  const wrapRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const [atNewest, setAtNewest] = useState(true);
  const fit = useRowsInView(wrapRef, headRef, events.length > 0);
  const split = atNewest ? Math.max(0, events.length - fit) : 0;
  const older = useMemo(() => ({ events: events.slice(0, split), now }), [events, split, now]);
  const olderDrawn = useWhenStill(older, split > 0);
  const newest = events.slice(split);
  // One list keyed by event, so a row that moves between the two parts keeps its element; an event
  // both in the rows still to be drawn again and in view shows once, in view.
  const inView = new Set(newest.map((e) => e.metadata.name));
  const row = (e: KubeEvent, at: number) => (
    <EventRow key={e.metadata.name} event={e} age={humanDuration(at - parseTimestamp(e.lastTimestamp))} />
  );
  const rows = [
    ...olderDrawn.events.filter((e) => !inView.has(e.metadata.name)).map((e) => row(e, olderDrawn.now)),
    ...newest.map((e) => row(e, now)),
  ];
  return (
    <section className="panel events" aria-labelledby="events-h">
      <h2 id="events-h">
        {t('events.title')}{' '}
        <span className="muted">
          {events.length < frame.events.length
            ? t('events.countShown', { shown: events.length, n: frame.events.length })
            : t('events.count', { n: events.length })}
        </span>
      </h2>
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-label={t('events.table')}
        ref={wrapRef}
        // Newest last in a column-reverse box: 0 at the newest, negative scrolled back.
        onScroll={(e) => setAtNewest(e.currentTarget.scrollTop > -1)}
      >
        {events.length === 0 ? (
          <p className="muted">{t('events.none')}</p>
        ) : (
          <div role="table" aria-label={t('events.table')} className="event-table">
            <div role="rowgroup" className="event-head" ref={headRef}>
              <div role="row" className="event-cols">
                <span role="columnheader">LAST SEEN</span>
                <span role="columnheader" className="type">
                  TYPE
                </span>
                <span role="columnheader">REASON</span>
                <span role="columnheader" className="object">
                  OBJECT
                </span>
                <span role="columnheader" className="sr-only">
                  MESSAGE
                </span>
              </div>
            </div>
            <div role="rowgroup">{rows}</div>
          </div>
        )}
      </div>
    </section>
  );
}

/**
 * At most how many rows fit in the scrolled box: its height over the table's font size (no row is
 * shorter than one line of it, in any layout), read when the box or the head changes size (the
 * panel resized, the text size changed); every row where nothing is laid out (tests without
 * layout).
 */
function useRowsInView(
  wrapRef: RefObject<HTMLElement | null>,
  headRef: RefObject<HTMLElement | null>,
  table: boolean,
): number {
  const [fit, setFit] = useState(Infinity);
  useLayoutEffect(() => {
    const wrap = wrapRef.current;
    const head = headRef.current;
    if (!wrap || !head || typeof ResizeObserver !== 'function') return;
    const read = () => {
      const line = parseFloat(getComputedStyle(head).fontSize);
      setFit(line > 0 ? Math.ceil(wrap.clientHeight / line) + 1 : Infinity);
    };
    const ro = new ResizeObserver(read);
    ro.observe(wrap);
    ro.observe(head);
    return () => ro.disconnect();
  }, [wrapRef, headRef, table]);
  return fit;
}

/**
 * How long the moment must hold still before the rows out of view are drawn: longer than the
 * frames of a scrub, shorter than the text clock's tick while playing (web/ui/hooks.ts).
 */
const STILL_MS = 200;

/**
 * `value` once it has held for STILL_MS (the rows out of view, drawn when scrubbing pauses rather
 * than on every frame of it); at once when `later` is false.
 */
function useWhenStill<V>(value: V, later: boolean): V {
  const [shown, setShown] = useState(value);
  // Kept up to date while not deferred, so deferring starts from what was last shown.
  if (!later && shown !== value) setShown(value);
  useEffect(() => {
    if (!later || shown === value) return;
    const timer = setTimeout(() => setShown(value), STILL_MS);
    return () => clearTimeout(timer);
  }, [value, later, shown]);
  return later ? shown : value;
}

/** kubectl's short names, for the narrow table. */
const SHORT_KIND: Record<string, string> = {
  replicaset: 'rs',
  deployment: 'deploy',
  service: 'svc',
  endpoints: 'ep',
  node: 'no',
};

/** One event; re-renders only when the event or its age in words changes. */
const EventRow = memo(function EventRow({ event: e, age }: { event: KubeEvent; age: string }) {
  const kind = e.involvedObject.kind.toLowerCase();
  const message = `${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`;
  return (
    <div role="row" className={e.type === 'Warning' ? 'event event-cols warning-row' : 'event event-cols'}>
      <span role="cell">{age}</span>
      <span role="cell" className="type">
        {e.type}
      </span>
      <span role="cell">{e.reason}</span>
      <span role="cell" className="object" title={`${kind}/${e.involvedObject.name}`}>
        <span className="kind-long">{kind}</span>
        <span className="kind-short">{SHORT_KIND[kind] ?? kind}</span>/{e.involvedObject.name}
      </span>
      <span role="cell" className="message" title={message}>
        {message}
      </span>
    </div>
  );
});

/** The controllers' reasons for what they did most recently, with their numbers. */
export function WhyPanel() {
  const t = useT();
  const lang = useLang();
  const frame = useFrame('text');
  const playing = usePlaying();
  // Predict mode: the reasons carry the arithmetic an open question asks for.
  const hidden = useHidden('why');
  const now = frame.t;
  const all = frame.decisions;
  const latestT = all.length ? all[all.length - 1]!.t : undefined;
  const recent = latestT === undefined ? [] : all.filter((d) => d.t === latestT).slice(-6);
  const [announce, setAnnounce] = useState('');
  const lastCount = useRef(all.length);
  useEffect(() => {
    if (all.length > lastCount.current) {
      const d = all[all.length - 1]!;
      setAnnounce(`${controllerName(d.controller, lang)}: ${explainLoaded(d, lang)}`);
    }
    lastCount.current = all.length;
  }, [all.length, all, lang]);
  return (
    <section className="panel why" aria-labelledby="why-h">
      <h2 id="why-h">
        {t('why.title')}{' '}
        <span className="muted">
          {latestT === undefined ? '' : t('why.at', { t: formatTime(latestT) })}
          {latestT !== undefined && now - latestT > 0.05
            ? ` ${t('why.ago', { t: formatTime(now - latestT) })}`
            : ''}
        </span>
      </h2>
      <div className="why-body" tabIndex={0} role="region" aria-label={t('why.region')}>
        {hidden ? (
          <AnswerFirst long={t('predict.why')} />
        ) : recent.length === 0 ? (
          <p className="muted">{t(frame.clock !== undefined ? 'follow.noDecisions' : 'why.none')}</p>
        ) : (
          <ul>
            {recent.map((d, i) => (
              <li key={`${d.t}-${i}`}>
                <span className="controller">{controllerName(d.controller, lang)}</span>{' '}
                {explainLoaded(d, lang)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="sr-only" aria-live="polite" role="status">
        {playing || hidden ? '' : announce}
      </p>
    </section>
  );
}

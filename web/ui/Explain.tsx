import { memo, useEffect, useRef, useState } from 'react';
import { controllerName, explain, humanDuration, parseTimestamp, type KubeEvent } from '../../src/index.ts';
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
 * stays readable in a narrow panel. A grid of rows rather than a <table>: rows off screen are
 * skipped by layout and paint (`content-visibility`), which matters when a large rollout adds
 * dozens of events a second.
 */
export function EventsPanel() {
  const t = useT();
  const frame = useFrame('text');
  // Events carry the cluster's timestamps: a followed cluster's clock is not its `t`.
  const now = frame.clock ?? frame.t;
  const events = frame.events.slice(-EVENTS_SHOWN);
  return (
    <section className="panel events" aria-labelledby="events-h">
      <h2 id="events-h">
        {t('events.title')} <span className="muted">{t('events.count', { n: events.length })}</span>
      </h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('events.table')}>
        {events.length === 0 ? (
          <p className="muted">{t('events.none')}</p>
        ) : (
          <div role="table" aria-label={t('events.table')} className="event-table">
            <div role="rowgroup" className="event-head">
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
            <div role="rowgroup">
              {events.map((e) => (
                <EventRow
                  key={e.metadata.name}
                  event={e}
                  age={humanDuration(now - parseTimestamp(e.lastTimestamp))}
                />
              ))}
            </div>
          </div>
        )}
      </div>
    </section>
  );
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
      setAnnounce(`${controllerName(d.controller, lang)}: ${explain(d, lang)}`);
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
                <span className="controller">{controllerName(d.controller, lang)}</span> {explain(d, lang)}
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

/**
 * The lanes as a form: 2–4 lanes of the same kubia start, each with its update (Recreate, a
 * RollingUpdate with its numbers, blue/green) and, if wanted, the broken v3 instead of v2. The
 * numbers are checked as the API server would (`comparisonOf` refuses with its message).
 */
import { useId, useState } from 'react';
import { comparisonClock, comparisonOf, kubiaStart, UPDATE_AT, type LaneUpdate } from '../../src/index.ts';
import { translate, useT } from '../i18n/index.ts';
import { useCompare, useCompareState } from './context.ts';
import { DEFAULT_PRESET, presetOpened } from './open.ts';

type Strategy = LaneUpdate['strategy'];
const STRATEGIES: Strategy[] = ['recreate', 'rolling', 'blue-green'];

/** A lane as the form edits it: every field present, whatever the strategy. */
interface Row {
  strategy: Strategy;
  maxSurge: string;
  maxUnavailable: string;
  minReadySeconds: string;
  broken: boolean;
}

const rowOf = (u: LaneUpdate): Row => ({
  strategy: u.strategy,
  maxSurge: u.strategy === 'rolling' ? u.maxSurge : '25%',
  maxUnavailable: u.strategy === 'rolling' ? u.maxUnavailable : '25%',
  minReadySeconds: u.strategy === 'rolling' ? String(u.minReadySeconds ?? 0) : '0',
  broken: u.broken ?? false,
});

function updateOf(r: Row): LaneUpdate {
  const broken = r.broken ? { broken: true } : {};
  if (r.strategy !== 'rolling') return { strategy: r.strategy, ...broken };
  const ready = Number(r.minReadySeconds);
  return {
    strategy: 'rolling',
    maxSurge: r.maxSurge.trim(),
    maxUnavailable: r.maxUnavailable.trim(),
    ...(Number.isFinite(ready) && ready !== 0 ? { minReadySeconds: ready } : {}),
    ...broken,
  };
}

export function LaneForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const c = useCompare();
  const id = useId();
  const start = useCompareState((s) => s.updates ?? presetOpened(DEFAULT_PRESET)!.updates!);
  const [rows, setRows] = useState<Row[]>(() => start.map(rowOf));
  const [error, setError] = useState('');
  const set = (i: number, patch: Partial<Row>) =>
    setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const apply = () => {
    const updates = rows.map(updateOf);
    try {
      const scenario = comparisonOf(kubiaStart(), updates, {
        name: 'custom',
        title: { en: translate('en', 'compare.custom'), ko: translate('ko', 'compare.custom') },
      });
      c.load(scenario, { preset: null, updates });
      onDone();
    } catch (e) {
      setError(t('compare.problem.form', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <form
      className="panel compare-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <h2 id={`${id}-title`}>{t('compare.editTitle', { t: comparisonClock(UPDATE_AT) })}</h2>
      <ol className="compare-form-lanes">
        {rows.map((r, i) => (
          <li key={i}>
            <fieldset>
              <legend>{t('compare.lane', { n: i + 1 })}</legend>
              <label>
                <span>{t('compare.strategy')}</span>
                <select value={r.strategy} onChange={(e) => set(i, { strategy: e.target.value as Strategy })}>
                  {STRATEGIES.map((s) => (
                    <option key={s} value={s}>
                      {t(`compare.strategy.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              {r.strategy === 'rolling' && (
                <>
                  <label>
                    <span>{t('compare.maxSurge')}</span>
                    <input
                      value={r.maxSurge}
                      size={5}
                      onChange={(e) => set(i, { maxSurge: e.target.value })}
                    />
                  </label>
                  <label>
                    <span>{t('compare.maxUnavailable')}</span>
                    <input
                      value={r.maxUnavailable}
                      size={5}
                      onChange={(e) => set(i, { maxUnavailable: e.target.value })}
                    />
                  </label>
                  {!r.broken && (
                    <label>
                      <span>{t('compare.minReady')}</span>
                      <input
                        type="number"
                        min={0}
                        max={600}
                        value={r.minReadySeconds}
                        onChange={(e) => set(i, { minReadySeconds: e.target.value })}
                      />
                    </label>
                  )}
                </>
              )}
              <label title={t('compare.brokenTip')}>
                <input
                  type="checkbox"
                  checked={r.broken}
                  onChange={(e) => set(i, { broken: e.target.checked })}
                />
                <span>{t('compare.broken')}</span>
              </label>
              {rows.length > 2 && (
                <button type="button" onClick={() => setRows(rows.filter((_, k) => k !== i))}>
                  {t('compare.removeLane', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      {error && (
        <p className="compare-problem" role="alert">
          {error}
        </p>
      )}
      <div className="compare-form-actions">
        {rows.length < 4 && (
          <button type="button" onClick={() => setRows([...rows, rowOf({ strategy: 'recreate' })])}>
            {t('compare.addLane')}
          </button>
        )}
        <span className="spacer" />
        <button type="button" onClick={onDone}>
          {t('compare.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('compare.apply')}
        </button>
      </div>
    </form>
  );
}

/**
 * `React.lazy` for the lab's on-demand parts (console, timeline, dialogs, layers). A part whose
 * code cannot be fetched (the network dropped, or the site was updated and the old chunk is gone)
 * would otherwise throw out of Suspense and unmount the whole lab, losing what is on screen.
 * Instead, where the part would be, the lab says so with a button that fetches it again; the rest
 * of the lab keeps working. A part with a plainer stand-in (`instead`: still pods for animated
 * ones) shows that, and fetches the part again quietly each time it is drawn anew.
 */
import {
  createElement,
  lazy,
  useEffect,
  useReducer,
  useState,
  type ComponentProps,
  type ComponentType,
  type LazyExoticComponent,
} from 'react';
import { useT } from '../i18n/index.ts';
import './lazyPart.css';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as React.lazy's own signature
export function lazyPart<C extends ComponentType<any>>(
  load: () => Promise<{ default: C }>,
  instead?: ComponentType<ComponentProps<C>>,
): LazyExoticComponent<C> {
  type P = ComponentProps<C>;
  // Once fetched (at first, or again later), every place drawing the part draws it.
  let part: C | undefined;
  const fetchAgain = () =>
    load().then((m) => {
      part = m.default;
    });

  function PartUnavailable(props: P) {
    const t = useT();
    const [, redraw] = useReducer((n: number) => n + 1, 0);
    const [trying, setTrying] = useState(false);
    useEffect(() => {
      if (instead && !part) fetchAgain().then(redraw, () => {});
    }, []);
    if (part) return createElement(part as ComponentType<P>, props);
    if (instead) return createElement(instead, props);
    const retry = () => {
      setTrying(true);
      fetchAgain().then(redraw, () => setTrying(false));
    };
    return (
      <div className="part-unavailable" role="alert">
        <span>{t('app.partUnavailable')}</span>
        <button type="button" onClick={retry} disabled={trying}>
          {t('app.partRetry')}
        </button>
      </div>
    );
  }

  return lazy(() =>
    load().then(
      (m) => {
        part = m.default;
        return m;
      },
      () => ({ default: PartUnavailable as unknown as C }),
    ),
  );
}

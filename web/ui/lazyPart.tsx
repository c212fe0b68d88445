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

/** The module a failed `import()` names (Chromium and Firefox put its URL in the message). */
const failedUrl = (e: unknown): string | undefined =>
  /(https?:\/\/[^\s'"]+?\.m?js)(?:[?#][^\s'"]*)?(?=[\s'"]|$)/.exec(
    e instanceof Error ? e.message : String(e),
  )?.[1];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as React.lazy's own signature
export function lazyPart<C extends ComponentType<any>>(
  load: () => Promise<{ default: C }>,
  instead?: ComponentType<ComponentProps<C>>,
): LazyExoticComponent<C> {
  type P = ComponentProps<C>;
  // Once fetched (at first, or again later), every place drawing the part draws it.
  let part: C | undefined;
  // A browser keeps a module that failed to load as failed: importing the same URL again fails
  // at once, without asking the network (Chromium 150). So a new try asks for it under a URL of
  // its own, `?retry=N`, when the failure said which module it was.
  let url: string | undefined;
  let tries = 0;
  const loading = (attempt: Promise<{ default: C }>) =>
    attempt.catch((e: unknown) => {
      url = failedUrl(e) ?? url;
      throw e;
    });
  const fetchAgain = () =>
    loading(
      url ? (import(/* @vite-ignore */ `${url}?retry=${++tries}`) as Promise<{ default: C }>) : load(),
    ).then((m) => {
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
    loading(load()).then(
      (m) => {
        part = m.default;
        return m;
      },
      () => ({ default: PartUnavailable as unknown as C }),
    ),
  );
}

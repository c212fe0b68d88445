/**
 * A React tree drawn into the test's document (jsdom) through act(), taken down when the test
 * ends: the scaffolding of every test that renders real views.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { onTestFinished } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted {
  /** The element the tree is drawn in, attached to the document. */
  readonly host: HTMLElement;
  /** Draws `node` in place of the tree. */
  render(node: ReactNode): void;
}

export function mount(node: ReactNode): Mounted {
  const host = document.createElement('div');
  document.body.append(host);
  const root: Root = createRoot(host);
  onTestFinished(() => {
    act(() => root.unmount());
    host.remove();
  });
  const render = (n: ReactNode) => act(() => root.render(n));
  render(node);
  return { host, render };
}

/** Lets pending promises (a lazy part's import) settle and their updates render. */
export function settle(): Promise<void> {
  return act(() => new Promise<void>((done) => setTimeout(done, 0)));
}

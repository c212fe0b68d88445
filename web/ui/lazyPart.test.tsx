/**
 * An on-demand part whose code cannot be fetched: the notice with its button, or the stand-in,
 * in place of the part; the rest of the page stays; fetched again, the part replaces them.
 */
import { act, Suspense } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyPart } from './lazyPart.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function Part({ word }: { word: string }) {
  return <p>part {word}</p>;
}

/** A loader that fails while `reachable.now` is false. */
function loader() {
  const reachable = { now: false, calls: 0 };
  const load = () => {
    reachable.calls++;
    return reachable.now
      ? Promise.resolve({ default: Part })
      : Promise.reject(new TypeError('Failed to fetch'));
  };
  return { reachable, load };
}

async function render(node: React.ReactNode): Promise<HTMLElement> {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root!.render(
      <>
        <h1>lab</h1>
        <Suspense fallback={<p>loading</p>}>{node}</Suspense>
      </>,
    );
  });
  return host;
}

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('lazyPart', () => {
  it('draws the part once fetched', async () => {
    const { reachable, load } = loader();
    reachable.now = true;
    const Lazy = lazyPart(load);
    const el = await render(<Lazy word="a" />);
    expect(el.textContent).toBe('labpart a');
  });

  it('says the part could not be loaded, keeps the page, and draws the part when fetched again', async () => {
    const { reachable, load } = loader();
    const Lazy = lazyPart(load);
    const el = await render(<Lazy word="b" />);
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('could not be loaded');
    expect(el.querySelector('h1')?.textContent).toBe('lab');
    const button = alert.querySelector('button')!;
    await act(async () => button.click());
    await settle();
    expect(el.querySelector('[role="alert"]')).not.toBeNull();
    expect(button.disabled).toBe(false);
    reachable.now = true;
    await act(async () => button.click());
    await settle();
    expect(el.textContent).toBe('labpart b');
  });

  it('draws the stand-in instead, and the part once a later drawing fetches it', async () => {
    const { reachable, load } = loader();
    const Lazy = lazyPart(load, ({ word }) => <p>still {word}</p>);
    const el = await render(<Lazy word="c" />);
    expect(el.textContent).toBe('labstill c');
    expect(el.querySelector('[role="alert"]')).toBeNull();
    reachable.now = true;
    // Drawn anew (a lane that comes back): fetched again quietly.
    await act(async () => root!.render(<h1>lab</h1>));
    await act(async () =>
      root!.render(
        <Suspense fallback={null}>
          <Lazy word="d" />
        </Suspense>,
      ),
    );
    await settle();
    expect(el.textContent).toBe('part d');
    expect(reachable.calls).toBe(3);
  });
});

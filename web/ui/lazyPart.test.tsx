/**
 * An on-demand part whose code cannot be fetched: the notice with its button, or the stand-in,
 * in place of the part; the rest of the page stays; fetched again, the part replaces them.
 */
import { act, Suspense, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { mount, settle } from '../test-helpers/mount.tsx';
import { lazyPart } from './lazyPart.tsx';

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

const page = (part: ReactNode) => (
  <>
    <h1>lab</h1>
    <Suspense fallback={<p>loading</p>}>{part}</Suspense>
  </>
);

describe('lazyPart', () => {
  it('draws the part once fetched', async () => {
    const { reachable, load } = loader();
    reachable.now = true;
    const Lazy = lazyPart(load);
    const { host } = mount(page(<Lazy word="a" />));
    await settle();
    expect(host.textContent).toBe('labpart a');
  });

  it('says the part could not be loaded, keeps the page, and draws the part when fetched again', async () => {
    const { reachable, load } = loader();
    const Lazy = lazyPart(load);
    const { host } = mount(page(<Lazy word="b" />));
    await settle();
    const alert = host.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('could not be loaded');
    expect(host.querySelector('h1')?.textContent).toBe('lab');
    const button = alert.querySelector('button')!;
    act(() => button.click());
    await settle();
    expect(host.querySelector('[role="alert"]')).not.toBeNull();
    expect(button.disabled).toBe(false);
    reachable.now = true;
    act(() => button.click());
    await settle();
    expect(host.textContent).toBe('labpart b');
  });

  it('draws the stand-in instead, and the part once a later drawing fetches it', async () => {
    const { reachable, load } = loader();
    const Lazy = lazyPart(load, ({ word }) => <p>still {word}</p>);
    const lab = mount(page(<Lazy word="c" />));
    await settle();
    expect(lab.host.textContent).toBe('labstill c');
    expect(lab.host.querySelector('[role="alert"]')).toBeNull();
    reachable.now = true;
    // Drawn anew (a lane that comes back): fetched again quietly.
    lab.render(page(null));
    lab.render(page(<Lazy word="d" />));
    await settle();
    expect(lab.host.textContent).toBe('labpart d');
    expect(reachable.calls).toBe(3);
  });
});

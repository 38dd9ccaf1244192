import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../shared/flow/schema.ts';
import { createDraftSaver } from './draft-saver.ts';

const doc = (name: string) => ({ schemaVersion: 1, name, nodes: [], edges: [] }) as unknown as FlowDocument;

class Conflict extends Error {}

/** A server double: each save waits until the test resolves or rejects it. */
function harness(revision = 1) {
  const calls: { draft: FlowDocument; revision: number; resolve(rev: number): void; reject(e: unknown): void }[] = [];
  const timers: (() => void)[] = [];
  const saver = createDraftSaver({
    revision,
    draft: doc('original'),
    delayMs: 800,
    isConflict: (e) => e instanceof Conflict,
    schedule: (run) => {
      timers.push(run);
      return () => timers.splice(timers.indexOf(run), 1);
    },
    save: (draft, rev) =>
      new Promise((resolve, reject) => {
        calls.push({ draft, revision: rev, resolve: (r) => resolve({ revision: r }), reject });
      }),
  });
  const fireTimer = () => timers.shift()?.();
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return { saver, calls, timers, fireTimer, tick };
}

describe('createDraftSaver', () => {
  it('debounces changes into one save with the current revision', async () => {
    const { saver, calls, timers, fireTimer, tick } = harness(3);
    saver.change(doc('a'));
    saver.change(doc('b'));
    expect(saver.getState().status).toBe('pending');
    expect(timers).toHaveLength(1);
    fireTimer();
    expect(saver.getState().status).toBe('saving');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.draft.name).toBe('b');
    expect(calls[0]?.revision).toBe(3);
    calls[0]?.resolve(4);
    await tick();
    expect(saver.getState()).toMatchObject({ status: 'saved', revision: 4 });
  });

  it('ignores a change that equals what the server has', () => {
    const { saver, timers } = harness();
    saver.change(doc('original'));
    expect(saver.getState().status).toBe('saved');
    expect(timers).toHaveLength(0);
  });

  it('saves a change made during a save right after it, on the new revision', async () => {
    const { saver, calls, fireTimer, tick } = harness(1);
    saver.change(doc('a'));
    fireTimer();
    saver.change(doc('b'));
    const flushed = saver.flush();
    calls[0]?.resolve(2);
    await tick();
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ revision: 2 });
    expect(calls[1]?.draft.name).toBe('b');
    calls[1]?.resolve(3);
    await expect(flushed).resolves.toBe(true);
    expect(saver.getState()).toMatchObject({ status: 'saved', revision: 3 });
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('stops on a conflict and saves the kept draft when told to overwrite', async () => {
    const { saver, calls, fireTimer, tick } = harness(5);
    saver.change(doc('mine'));
    fireTimer();
    calls[0]?.reject(new Conflict());
    await tick();
    expect(saver.getState().status).toBe('conflict');
    saver.change(doc('mine again'));
    expect(calls).toHaveLength(1);
    await expect(saver.flush()).resolves.toBe(false);

    const done = saver.overwrite(9);
    expect(calls[1]).toMatchObject({ revision: 9 });
    expect(calls[1]?.draft.name).toBe('mine again');
    calls[1]?.resolve(10);
    await done;
    expect(saver.getState()).toMatchObject({ status: 'saved', revision: 10 });
  });

  it('reset drops local edits after a reload', async () => {
    const { saver, calls, fireTimer, tick } = harness(1);
    saver.change(doc('mine'));
    fireTimer();
    calls[0]?.reject(new Conflict());
    await tick();
    saver.reset(7, doc('theirs'));
    expect(saver.getState()).toMatchObject({ status: 'saved', revision: 7 });
    expect(saver.hasUnsaved()).toBe(false);
    saver.change(doc('theirs'));
    expect(saver.getState().status).toBe('saved');
  });

  it('reports other failures as errors and retries on flush', async () => {
    const { saver, calls, fireTimer, tick } = harness(1);
    saver.change(doc('a'));
    fireTimer();
    calls[0]?.reject(new Error('offline'));
    await tick();
    expect(saver.getState().status).toBe('error');
    const flushed = saver.flush();
    expect(calls).toHaveLength(2);
    calls[1]?.resolve(2);
    await expect(flushed).resolves.toBe(true);
  });
});

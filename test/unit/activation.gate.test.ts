/**
 * The start gate behind cheap activation (src/vscode/startGate.ts): the costly start runs once, only when
 * opened (directly, by a matching event, or by a command waiting for it), and `ready` carries its outcome.
 */
import * as assert from 'node:assert/strict';
import { StartGate, type Listen } from '../../src/vscode/startGate';

/** A stand-in for a VS Code event: `fire` calls every listener that is still subscribed. */
function emitter<T>(): { event: Listen<T>; fire(e: T): void; listeners(): number } {
  const listeners = new Set<(e: T) => unknown>();
  return {
    event: (listener) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    fire: (e) => {
      for (const l of [...listeners]) l(e);
    },
    listeners: () => listeners.size,
  };
}

describe('activation: the start gate', () => {
  it('does not start until opened, then starts once however often it is opened', async () => {
    let starts = 0;
    const gate = new StartGate(() => {
      starts++;
      return Promise.resolve();
    });
    await Promise.resolve();
    assert.equal(starts, 0);
    assert.equal(gate.isOpen, false);
    await Promise.all([gate.open(), gate.open(), gate.opened()]);
    assert.equal(starts, 1);
    assert.equal(gate.isOpen, true);
  });

  it('opens at the first matching event only, and stops listening once open', async () => {
    let starts = 0;
    const gate = new StartGate(() => {
      starts++;
      return Promise.resolve();
    });
    const opened = emitter<string>();
    gate.openWhen(opened.event, (languageId) => languageId === 'latex');
    opened.fire('typescript');
    assert.equal(gate.isOpen, false);
    opened.fire('latex');
    await gate.ready;
    assert.equal(starts, 1);
    assert.equal(opened.listeners(), 0);
    opened.fire('latex');
    assert.equal(starts, 1);
  });

  it('rejects ready with the start error, while a command waiting on it still runs', async () => {
    const gate = new StartGate(() => Promise.reject(new Error('codebook unreadable')));
    await assert.rejects(gate.open(), /codebook unreadable/);
    await assert.rejects(gate.ready, /codebook unreadable/);
    let ran = false;
    await gate.opened().then(() => {
      ran = true;
    });
    assert.equal(ran, true);
  });
});

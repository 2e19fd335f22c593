import { strict as assert } from 'node:assert';
import { Matcher, warmUp, warmUpText } from '../../src/core/matcher';
import { parseTerm } from '../../src/core/codebook';

function matcherOf(raws: readonly string[]): Matcher {
  return Matcher.compile(
    raws.map((raw) => {
      const r = parseTerm(raw);
      if (!r.ok) throw new Error(r.message);
      return { frameId: 'f', pattern: r.pattern };
    }),
  );
}

describe('warming a received matcher up (matcher/warmUp)', () => {
  const raws = ['digital sovereignty', 'цифров* суверенитет*', '网络主权', 'data locali*'];

  it('makes a text of the terms, with line and paragraph breaks, that the matcher finds them in', () => {
    const text = warmUpText(raws);
    assert.ok(text.length >= 6000, `${text.length} chars`);
    assert.ok(text.includes('\n\n') && text.includes('\n'));
    const found = matcherOf(raws).findInRange(text, 0, text.length);
    assert.ok(found.length > 100, `${found.length} matches`);
    assert.equal(warmUpText([]), '');
  });

  it('runs three times, each in a task of its own, and stops when no longer wanted', () => {
    const matcher = matcherOf(raws);
    const tasks: (() => void)[] = [];
    let scans = 0;
    const counting = new Proxy(matcher, {
      get: (target, key) =>
        key === 'findInRange'
          ? (...args: Parameters<Matcher['findInRange']>) => {
              scans++;
              return target.findInRange(...args);
            }
          : (Reflect.get(target, key) as unknown),
    });
    warmUp(
      counting,
      warmUpText(raws),
      () => true,
      (f) => tasks.push(f),
    );
    assert.equal(scans, 0, 'nothing in the caller’s task');
    while (tasks.length > 0) (tasks.shift() as () => void)();
    assert.equal(scans, 3);

    let wanted = true;
    scans = 0;
    warmUp(
      counting,
      warmUpText(raws),
      () => wanted,
      (f) => tasks.push(f),
    );
    (tasks.shift() as () => void)();
    wanted = false; // a newer codebook arrived
    while (tasks.length > 0) (tasks.shift() as () => void)();
    assert.equal(scans, 1);
  });
});

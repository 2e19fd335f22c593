import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { canonicalText, LineIndex, splitsSurrogatePair, textHash } from '../../src/core/text';

describe('canonical text and LineIndex', () => {
  describe('canonicalText', () => {
    it('turns CRLF and lone CR into LF, including mixed endings', () => {
      assert.equal(canonicalText('one\r\ntwo\rthree\nfour\r\n'), 'one\ntwo\nthree\nfour\n');
      assert.equal(canonicalText('\r\r\n\n'), '\n\n\n');
    });

    it('removes a leading BOM only', () => {
      assert.equal(canonicalText('\uFEFFтекст\uFEFFдальше'), 'текст\uFEFFдальше');
    });

    it('is idempotent and leaves LF text as it is', () => {
      const raw = '\uFEFF网络主权\r\nсуверенитет 🌐\r';
      assert.equal(canonicalText(canonicalText(raw)), canonicalText(raw));
      const lf = 'a\nb 😀\n';
      assert.equal(canonicalText(lf), lf);
    });

    it('gives the same offsets for a CRLF + BOM file and its LF twin', () => {
      const lf = 'first line\nsecond: cyber sovereignty\n';
      const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
      assert.equal(canonicalText(crlf), lf);
      assert.equal(canonicalText(crlf).indexOf('cyber'), lf.indexOf('cyber'));
    });
  });

  describe('textHash', () => {
    it('is sha256 of the UTF-8 bytes with a prefix', () => {
      const text = 'суверенитет 网络 😀';
      const expected = createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
      assert.equal(textHash(text), `sha256:${expected}`);
      assert.match(textHash(''), /^sha256:[0-9a-f]{64}$/);
    });

    it('does not change when only line endings or the BOM differ', () => {
      assert.equal(textHash(canonicalText('\uFEFFa\r\nb')), textHash(canonicalText('a\nb')));
    });
  });

  describe('splitsSurrogatePair', () => {
    it('is true only between the two units of an astral character', () => {
      const s = 'a😀b';
      assert.deepEqual(
        [0, 1, 2, 3, 4].map((o) => splitsSurrogatePair(s, o)),
        [false, false, true, false, false],
      );
    });
  });

  describe('LineIndex', () => {
    const text = 'ab\n\nдва 😀x\n网络';
    const index = new LineIndex(text);

    it('counts lines like an editor', () => {
      assert.equal(index.lineCount, 4);
      assert.equal(new LineIndex('').lineCount, 1);
      assert.equal(new LineIndex('x\n').lineCount, 2);
    });

    it('gives line starts and ends without the LF', () => {
      assert.deepEqual(
        [0, 1, 2, 3].map((l) => [index.lineStart(l), index.lineEnd(l)]),
        [
          [0, 2],
          [3, 3],
          [4, 11],
          [12, 14],
        ],
      );
      assert.equal(text.slice(index.lineStart(2), index.lineEnd(2)), 'два 😀x');
    });

    it('maps offsets to 0-based positions in UTF-16 units and back', () => {
      assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
      assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
      assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
      assert.deepEqual(index.positionAt(text.indexOf('x')), { line: 2, character: 6 });
      assert.deepEqual(index.positionAt(text.length), { line: 3, character: 2 });
      for (let o = 0; o <= text.length; o++) {
        const p = index.positionAt(o);
        assert.equal(index.offsetAt(p.line, p.character), o);
      }
    });

    it('clamps out-of-range offsets and positions', () => {
      assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
      assert.deepEqual(index.positionAt(999), { line: 3, character: 2 });
      assert.equal(index.offsetAt(0, 99), 2);
      assert.equal(index.offsetAt(-1, 0), 0);
      assert.equal(index.offsetAt(99, 0), text.length);
    });

    it('agrees with splitting the text on LF', () => {
      const lines = text.split('\n');
      lines.forEach((line, l) => assert.equal(text.slice(index.lineStart(l), index.lineEnd(l)), line));
    });
  });
});

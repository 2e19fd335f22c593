import { strict as assert } from 'node:assert';
import { Matcher, type MatcherTerm } from '../../src/core/matcher';
import { parseTerm } from '../../src/core/codebook';

function term(raw: string, frameId = 'frame'): MatcherTerm {
  const r = parseTerm(raw);
  if (!r.ok) throw new Error(`bad test term ${raw}: ${r.message}`);
  return { frameId, pattern: r.pattern };
}

/** The matched original slices, each with its term: offsets are checked by slicing the original text. */
function found(terms: readonly (string | MatcherTerm)[], text: string): string[] {
  const m = Matcher.compile(terms.map((t) => (typeof t === 'string' ? term(t) : t)));
  return m.find(text).map((x) => `${text.slice(x.start, x.end)}=${x.term}`);
}

describe('matcher', () => {
  it('finds English variants and plurals through *', () => {
    const text =
      'Colonization, colonisation and colonialism; the colonial past. Data localisations and data localization.';
    assert.deepEqual(found(['coloni*', 'data locali*'], text), [
      'Colonization=coloni*',
      'colonisation=coloni*',
      'colonialism=coloni*',
      'colonial=coloni*',
      'Data localisations=data locali*',
      'data localization=data locali*',
    ]);
    assert.deepEqual(
      found(['data localization'], 'data localizations, data localizationist, data localization.'),
      ['data localizations=data localization', 'data localization=data localization'],
      'an exact word takes its plural (inflection/english.ts) but no other ending',
    );
  });

  it('folds case beyond ASCII, including ß and STRASSE', () => {
    assert.deepEqual(found(['AI sovereignty'], 'AI SOVEREIGNTY and Ai Sovereignty'), [
      'AI SOVEREIGNTY=AI sovereignty',
      'Ai Sovereignty=AI sovereignty',
    ]);
    assert.deepEqual(found(['цифровой суверенитет'], 'ЦИФРОВОЙ СУВЕРЕНИТЕТ'), [
      'ЦИФРОВОЙ СУВЕРЕНИТЕТ=цифровой суверенитет',
    ]);
    assert.deepEqual(found(['Straße'], 'STRASSE, Strasse, straße'), [
      'STRASSE=Straße',
      'Strasse=Straße',
      'straße=Straße',
    ]);
    assert.deepEqual(found(['strasse'], 'die Straße'), ['Straße=strasse']);
    assert.deepEqual(found(['всё'], 'ВСЕ и всё'), ['ВСЕ=всё', 'всё=всё'], 'ё and е fold together');
  });

  it('finds Russian phrases in all six cases with * endings', () => {
    const cases = [
      'цифровой суверенитет', // nominative
      'цифрового суверенитета', // genitive
      'цифровому суверенитету', // dative
      'Цифровой Суверенитет', // accusative (= nominative for this noun)
      'цифровым суверенитетом', // instrumental
      'о цифровом суверенитете', // prepositional
    ];
    for (const c of cases) {
      const want = c.replace(/^о /, '');
      assert.deepEqual(found(['цифров* суверенитет*'], `Речь шла ${c}.`), [`${want}=цифров* суверенитет*`], c);
    }
    assert.deepEqual(
      found(['суверенный интернет'], 'суверенного интернета'),
      ['суверенного интернета=суверенный интернет'],
      'dictionary forms inflect',
    );
    assert.deepEqual(found(['суверенный интернет'], 'суверенность интернета'), [], 'but take no other endings');
  });

  it('finds Chinese inside unspaced text and next to Latin', () => {
    assert.deepEqual(found(['网络主权'], '我们坚定捍卫网络主权的原则。'), ['网络主权=网络主权']);
    assert.deepEqual(found(['AI', '主权'], '发展的AI主权'), ['AI=AI', '主权=主权']);
    assert.deepEqual(found(['主权AI基础设施', 'AI'], '建设主权AI基础设施和AI'), [
      '主权AI基础设施=主权AI基础设施',
      'AI=AI',
    ]);
    assert.deepEqual(found(['AI'], 'SAID AI2 (AI) AI’s'), ['AI=AI', 'AI=AI'], 'Latin words keep their boundaries');
  });

  it('treats curly and straight quotes, and every hyphen and space, alike', () => {
    assert.deepEqual(found(["Russia's sovereign internet"], 'Russia’s sovereign internet'), [
      "Russia’s sovereign internet=Russia's sovereign internet",
    ]);
    assert.deepEqual(found(['Russia’s'], "Russia's"), ["Russia's=Russia’s"]);
    const variants = [
      'techno-nationalism',
      'techno\u2010nationalism',
      'techno\u2011nationalism',
      'techno\u2013nationalism',
      'techno nationalism',
      'techno-\nnationalism',
      'techno\u00a0nationalism',
    ];
    for (const v of variants)
      assert.deepEqual(found(['techno-nationalism'], `«${v}»`), [`${v}=techno-nationalism`], JSON.stringify(v));
    assert.deepEqual(found(['“sovereign AI”'], 'the "sovereign AI" idea'), ['"sovereign AI"=“sovereign AI”']);
  });

  it('ignores a soft hyphen inside a word and leaves a trailing one out of the match', () => {
    assert.deepEqual(found(['sovereignty'], 'sover\u00ADeign\u00ADty'), ['sover\u00ADeign\u00ADty=sovereignty']);
    assert.deepEqual(found(['sovereignty'], 'sovereignty\u00AD and'), ['sovereignty=sovereignty']);
    assert.deepEqual(found(['sovereignty'], 'non\u00ADsovereignty'), [], 'a soft hyphen does not make a word boundary');
  });

  it('keeps exact UTF-16 offsets around surrogate pairs and emoji', () => {
    const text =
      '\u{1F600}\u{1F600} AI sovereignty \u{1F1E8}\u{1F1F3}网络主权\u{1F642} digital \u{1F4BB} sovereignty \u{1D400}\u{1D408}';
    const m = Matcher.compile([
      term('AI sovereignty'),
      term('网络主权'),
      term('digital sovereignty'),
      term('sovereignty'),
    ]);
    const got = m.find(text);
    assert.deepEqual(
      got.map((x) => [x.start, x.end]),
      [
        [5, 19],
        [24, 28],
        [42, 53],
      ],
    );
    assert.deepEqual(
      got.map((x) => text.slice(x.start, x.end)),
      ['AI sovereignty', '网络主权', 'sovereignty'],
    );
    assert.deepEqual(found(['AI\u{1F916}'], 'an AI\u{1F916} bot'), ['AI\u{1F916}=AI\u{1F916}']);
  });

  it('chooses leftmost-longest among overlapping terms; on equal spans the earlier term wins', () => {
    const terms = [term('sovereign internet', 'a'), term('sovereign internet law', 'b'), term('internet law', 'c')];
    assert.deepEqual(found(terms, 'the sovereign internet law'), ['sovereign internet law=sovereign internet law']);
    assert.deepEqual(found([terms[0], terms[2]], 'the sovereign internet law'), [
      'sovereign internet=sovereign internet',
    ]);
    assert.deepEqual(found(['internet law', 'sovereign internet'], 'sovereign internet law'), [
      'sovereign internet=sovereign internet',
    ]);
    const m = Matcher.compile([term('sovereign*', 'first'), term('sovereignty', 'second')]);
    assert.deepEqual(
      m.find('sovereignty').map((x) => x.frameId),
      ['first'],
    );
    const n = Matcher.compile([term('sovereignty', 'second'), term('sovereign*', 'first')]);
    assert.deepEqual(
      n.find('sovereignty').map((x) => x.frameId),
      ['second'],
    );
  });

  it('refuses matches inside longer words unless the term has *', () => {
    assert.deepEqual(found(['sovereignty'], 'sovereigntyism nonsovereignty sovereignty2 sovereignty'), [
      'sovereignty=sovereignty',
    ]);
    assert.deepEqual(found(['sovereignty*'], 'sovereigntyism'), ['sovereigntyism=sovereignty*']);
    assert.deepEqual(found(['colonis*'], "colonisation's"), ['colonisation=colonis*'], '* stops at the apostrophe');
  });

  it('matches phrases across line breaks but not across a blank line', () => {
    assert.deepEqual(found(['digital sovereignty'], 'digital\n  sovereignty'), [
      'digital\n  sovereignty=digital sovereignty',
    ]);
    assert.deepEqual(found(['digital sovereignty'], 'digital\r\nsovereignty'), [
      'digital\r\nsovereignty=digital sovereignty',
    ]);
    assert.deepEqual(found(['digital sovereignty'], 'digital-\nsovereignty'), [
      'digital-\nsovereignty=digital sovereignty',
    ]);
    for (const gap of ['\n\n', ' \n \n ', '\r\n\r\n', '\r\r', '\u2029']) {
      assert.deepEqual(found(['digital sovereignty'], `digital${gap}sovereignty`), [], JSON.stringify(gap));
    }
  });

  it('finds a one-line window of a long text like find() does', () => {
    const line = 'The sovereign internet law and цифровым суверенитетом, 网络主权 and AI sovereignty.';
    const lines = Array.from({ length: 2000 }, (_, i) => (i % 7 === 3 ? 'digital' : `${i}: ${line}`));
    lines[1500] = 'sovereign internet';
    lines[1501] = 'law closes a phrase across the line break';
    const text = lines.join('\n');
    const m = Matcher.compile(
      [
        'sovereign internet law',
        'sovereign internet',
        'цифров* суверенитет*',
        '网络主权',
        'AI sovereignty',
        'digital sovereignty',
      ].map((t) => term(t)),
    );
    const all = m.find(text);
    for (const n of [0, 3, 4, 1000, 1500, 1501, 1999]) {
      const from = lines.slice(0, n).reduce((s, l) => s + l.length + 1, 0);
      const to = from + lines[n].length;
      assert.deepEqual(
        m.findInRange(text, from, to),
        all.filter((x) => x.start < to && x.end > from),
        `line ${n}`,
      );
    }
    const at = text.indexOf('sovereign internet\nlaw');
    assert.deepEqual(
      m.findInRange(text, at + 19, at + 21).map((x) => text.slice(x.start, x.end)),
      ['sovereign internet\nlaw'],
    );
    assert.deepEqual(m.findInRange(text, 10, 5), [], 'an inverted range');
  });

  it('compiles and matches 5,000 generated terms', () => {
    const syllables = [
      'so',
      've',
      'rei',
      'gn',
      'ty',
      'da',
      'ta',
      'ci',
      'ber',
      'ну',
      'ци',
      'фр',
      'ов',
      '网',
      '络',
      '主',
      '权',
    ];
    const raws = new Set<string>();
    for (let i = 0; raws.size < 5000; i++) {
      const word = (n: number) =>
        Array.from({ length: 3 }, (_, k) => syllables[(n * (k + 3) + k * 7) % syllables.length]).join('') +
        n.toString(36);
      raws.add(i % 3 === 0 ? `${word(i)} ${word(i + 1)}` : i % 3 === 1 ? `${word(i)}*` : word(i));
    }
    const terms = [...raws].map((r, i) => term(r, `f${i % 11}`));
    const m = Matcher.compile(terms);
    assert.equal(m.termCount, 5000);
    const picks = terms.filter((_, i) => i % 97 === 0);
    const text = picks.map((t) => t.pattern.raw.replace('*', 'ing').toUpperCase()).join(' ... ');
    assert.deepEqual(
      m.find(text).map((x) => x.term),
      picks.map((t) => t.pattern.raw),
    );
  });

  it('finds nothing with an empty codebook or in an empty text, and rejects an empty word', () => {
    assert.deepEqual(Matcher.compile([]).find('sovereignty'), []);
    assert.deepEqual(Matcher.compile([term('x')]).find(''), []);
    assert.deepEqual(Matcher.compile([term('x')]).findInRange('', 0, 0), []);
    assert.throws(
      () =>
        Matcher.compile([{ frameId: 'f', pattern: { raw: 'a', key: 'a', words: [{ text: '', anyEnding: false }] } }]),
      RangeError,
    );
  });
});

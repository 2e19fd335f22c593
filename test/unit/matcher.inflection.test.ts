/**
 * Inflection and Traditional Chinese folding, proven form by form: every case and number of Russian cues
 * written in their dictionary form (the expected forms are written out by hand here, from the grammar, not
 * generated), English plurals and -ize/-ise spellings, and Traditional characters matched by Simplified cues
 * with exact offsets. Precision: forms of other words are not found.
 */
import { strict as assert } from 'node:assert';
import { Matcher, type MatcherTerm } from '../../src/core/matcher';
import { parseTerm } from '../../src/core/codebook';

function term(raw: string): MatcherTerm {
  const r = parseTerm(raw);
  if (!r.ok) throw new Error(`bad test term ${raw}: ${r.message}`);
  return { frameId: 'f', pattern: r.pattern };
}

/** Whether `form` (a whole text) is found entirely by the cue. */
function matchesWhole(cue: string, form: string): boolean {
  const hits = Matcher.compile([term(cue)]).find(form);
  return hits.length === 1 && hits[0].start === 0 && hits[0].end === form.length;
}

function assertAllFound(cue: string, forms: readonly string[]): void {
  const missed = forms.filter((f) => !matchesWhole(cue, f));
  assert.deepEqual(missed, [], `'${cue}' misses forms`);
}

function assertNoneFound(cue: string, texts: readonly string[]): void {
  const m = Matcher.compile([term(cue)]);
  const hits = texts.filter((t) => m.find(t).length > 0);
  assert.deepEqual(hits, [], `'${cue}' wrongly finds`);
}

describe('inflection: Russian dictionary forms', () => {
  it('information security (feminine adjective + noun in -ость): 6 cases × 2 numbers', () => {
    assertAllFound('информационная безопасность', [
      'информационная безопасность',
      'информационной безопасности',
      'информационную безопасность',
      'информационной безопасностью',
      'информационною безопасностью',
      'информационные безопасности',
      'информационных безопасностей',
      'информационным безопасностям',
      'информационными безопасностями',
      'информационных безопасностях',
    ]);
  });

  it('state sovereignty (masculine hard adjective + hard noun): every case and number', () => {
    assertAllFound('государственный суверенитет', [
      'государственный суверенитет',
      'государственного суверенитета',
      'государственному суверенитету',
      'государственным суверенитетом',
      'государственном суверенитете',
      'государственные суверенитеты',
      'государственных суверенитетов',
      'государственным суверенитетам',
      'государственными суверенитетами',
      'государственных суверенитетах',
    ]);
  });

  it('digital sovereignty (adjective in -ой), Russian (velar -ский) and soft -ний adjectives', () => {
    assertAllFound('цифровой суверенитет', [
      'цифровой суверенитет',
      'цифрового суверенитета',
      'цифровому суверенитету',
      'цифровым суверенитетом',
      'цифровом суверенитете',
      'цифровые суверенитеты',
      'цифровых суверенитетов',
      'цифровыми суверенитетами',
    ]);
    assertAllFound('российский сегмент', [
      'российский сегмент',
      'российского сегмента',
      'российскому сегменту',
      'российским сегментом',
      'российском сегменте',
      'российские сегменты',
      'российских сегментов',
      'российским сегментам',
      'российскими сегментами',
      'российских сегментах',
    ]);
    assertAllFound('внешнее вмешательство', [
      'внешнее вмешательство',
      'внешнего вмешательства',
      'внешнему вмешательству',
      'внешним вмешательством',
      'внешнем вмешательстве',
      'внешние вмешательства',
      'внешних вмешательств',
      'внешним вмешательствам',
      'внешними вмешательствами',
      'внешних вмешательствах',
    ]);
  });

  it('nouns in -ия, -ие, -а (with a fleeting vowel), -ь (masculine, from the adjective) and -о', () => {
    assertAllFound('цифровая колонизация', [
      'цифровая колонизация',
      'цифровой колонизации',
      'цифровую колонизацию',
      'цифровой колонизацией',
      'цифровые колонизации',
      'цифровых колонизаций',
      'цифровым колонизациям',
      'цифровыми колонизациями',
      'цифровых колонизациях',
    ]);
    assertAllFound('импортозамещение', [
      'импортозамещение',
      'импортозамещения',
      'импортозамещению',
      'импортозамещением',
      'импортозамещении',
      'импортозамещений',
      'импортозамещениям',
      'импортозамещениями',
      'импортозамещениях',
    ]);
    assertAllFound('гонка вооружений', [
      'гонка вооружений',
      'гонки вооружений',
      'гонке вооружений',
      'гонку вооружений',
      'гонкой вооружений',
      'гонок вооружений',
      'гонкам вооружений',
      'гонками вооружений',
      'гонках вооружений',
    ]);
    assertAllFound('государственный контроль', [
      'государственный контроль',
      'государственного контроля',
      'государственному контролю',
      'государственным контролем',
      'государственном контроле',
      'государственные контроли',
    ]);
    assertAllFound('информационное пространство', [
      'информационное пространство',
      'информационного пространства',
      'информационному пространству',
      'информационным пространством',
      'информационном пространстве',
      'информационные пространства',
      'информационных пространств',
      'информационными пространствами',
    ]);
  });

  it('a phrase in the plural stays plural; governed words and abbreviations stay as written', () => {
    assertAllFound('традиционные ценности', [
      'традиционные ценности',
      'традиционных ценностей',
      'традиционным ценностям',
      'традиционными ценностями',
      'традиционных ценностях',
    ]);
    assertAllFound('духовно-нравственные ценности', [
      'духовно-нравственных ценностей',
      'духовно-нравственным ценностям',
    ]);
    assertAllFound('суверенитет данных', [
      'суверенитет данных',
      'суверенитета данных',
      'суверенитетом данных',
      'суверенитете данных',
    ]);
    assertAllFound('ИИ-суверенитет', ['ИИ-суверенитет', 'ИИ-суверенитета', 'ИИ-суверенитетом']);
    assertNoneFound('суверенитет данных', ['суверенитет данными']);
    assertNoneFound('БРИКС', ['БРИКСа']);
  });

  it('precision: forms of other words are not found (no stem matching)', () => {
    assertNoneFound('государственный суверенитет', ['государство суверенитет', 'государственность суверенитета']);
    assertNoneFound('информационная безопасность', ['информатика безопасности', 'информационная безопасная']);
    assertNoneFound('цифровой суверенитет', ['цифры суверенитета']);
  });

  it('a cue written with * keeps its own endings and is not inflected further', () => {
    assert.equal(matchesWhole('цифров* суверенитет*', 'цифровизация суверенитетов'), true);
    assert.equal(matchesWhole('суверенитет* данных', 'суверенитетов данных'), true);
  });
});

describe('inflection: English', () => {
  it('plurals of the head word, both ways', () => {
    assertAllFound('information space', ['information space', 'information spaces']);
    assertAllFound('arms race', ['arms race', 'arms races']);
    assertAllFound('data policy', ['data policy', 'data policies']);
    assertAllFound('digital borders', ['digital border', 'digital borders']);
    assertAllFound('sovereign tech stack', ['sovereign tech stacks']);
  });

  it('-ize / -ise, -ization / -isation, -izing / -ising and the verb forms', () => {
    assertAllFound('data localization', [
      'data localization',
      'data localisation',
      'data localizations',
      'data localisations',
    ]);
    assertAllFound('balkanise', [
      'balkanise',
      'balkanize',
      'balkanised',
      'balkanized',
      'balkanising',
      'balkanizing',
      'balkanises',
      'balkanizes',
    ]);
    assertAllFound('weaponized AI', ['weaponised AI', 'weaponized AI']);
  });

  it('precision: no stem matching, abbreviations and inner words are not pluralised', () => {
    assertNoneFound('data localization', ['data localize', 'data local', 'metadata localization']);
    assertNoneFound('AI', ['AIs']);
    assertNoneFound('arms race', ['arm race']);
  });
});

describe('folding: Traditional Chinese', () => {
  it('Simplified cues find Traditional text with exact offsets', () => {
    const text = '我們必須維護網絡主權和數據主權。';
    const m = Matcher.compile([term('网络主权'), term('数据主权')]);
    const hits = m.find(text).map((h) => text.slice(h.start, h.end));
    assert.deepEqual(hits, ['網絡主權', '數據主權']);
  });

  it('a Traditional cue finds Simplified text, and mixed writing matches too', () => {
    assert.equal(matchesWhole('網絡主權', '网络主权'), true);
    assert.equal(matchesWhole('网络主权', '网絡主權'), true);
  });

  it('Taiwan and Hong Kong variant characters fold too; Simplified characters are left alone', () => {
    assert.equal(matchesWhole('台湾', '臺灣'), true);
    assert.equal(matchesWhole('里', '裡'), true);
    assert.equal(matchesWhole('峰', '峰'), true);
    assertNoneFound('网络主权', ['網路主權']);
  });
});

import {
  HELD_OUT_GROUPS,
  loadSpamCorpus,
  loadSpamSubjects,
  parseEmail,
  TRAINING_GROUPS,
} from '@assay/spam-assassin';
import { describe, expect, test } from 'vitest';
import {
  bodySentences,
  candidateProbabilities,
  fitSubjectModel,
  ModelServerError,
  SUBJECT_WORDS,
  subjectCandidates,
} from '../src/index.js';
import { subjectTerms } from '../src/subjects/subject-terms.js';

describe('fitSubjectModel', () => {
  const model = fitSubjectModel();

  test('counts the training bodies only: no held-out e-mail is in the IDF', () => {
    const training = loadSpamCorpus(TRAINING_GROUPS);
    expect(model.groups).toEqual(TRAINING_GROUPS);
    expect(model.documentIds).toEqual(training.map((m) => m.id));
    const heldOutIds = new Set(loadSpamCorpus(HELD_OUT_GROUPS).map((m) => m.id));
    expect(model.documentIds.filter((id) => heldOutIds.has(id))).toEqual([]);

    // a word that only held-out bodies use has no IDF of its own: it was never counted
    const seen = new Set(training.flatMap((m) => subjectTerms(parseEmail(m.text).body)));
    const heldOutOnly = new Set(
      loadSpamSubjects(HELD_OUT_GROUPS)
        .flatMap((i) => subjectTerms(i.body))
        .filter((t) => !seen.has(t)),
    );
    expect(heldOutOnly.size).toBeGreaterThan(1000);
    for (const term of heldOutOnly) expect(model.idf.has(term)).toBe(false);
    expect(model.idf.size).toBe(seen.size);
  });

  test('IDF is smoothed as scikit-learn: ln((1 + n) / (1 + df)) + 1', () => {
    const n = model.documentIds.length;
    expect(model.unseenIdf).toBeCloseTo(Math.log(1 + n) + 1, 12);
    const idf = model.idf.get('the')!;
    expect(idf).toBeGreaterThan(1);
    expect(idf).toBeLessThan(model.idf.get('spamassassin')!);
  });

  test('refuses held-out groups, naming the entry', () => {
    expect(() => fitSubjectModel({ groups: ['easy-ham-1', 'spam-2'] })).toThrow(
      /options\.groups\[1\] is 'spam-2', a held-out group/,
    );
    try {
      fitSubjectModel({ groups: ['spam'] });
    } catch (error) {
      expect(error).toBeInstanceOf(ModelServerError);
      expect((error as ModelServerError).code).toBe('UNKNOWN_GROUP');
    }
  });
});

describe('bodySentences', () => {
  test('splits sentences, keeps quoted text, drops attributions, headers and the signature', () => {
    const body = [
      'Hi all.  The build is broken!',
      '',
      'On Tue, 3 Sep 2002, Ann wrote:',
      '> Is it',
      '> broken again?',
      '> Content-Type: text/plain',
      '',
      'WHAT A DEAL',
      'Call now',
      '--',
      'Ann, who signs off here.',
    ].join('\n');
    expect(bodySentences(body)).toEqual([
      'Hi all.',
      'The build is broken!',
      'Is it broken again?',
      'WHAT A DEAL Call now',
    ]);
  });
});

describe('subjectCandidates', () => {
  const model = fitSubjectModel();

  test('ranks on-topic sentences first, duplicates once, an off-topic opener last', () => {
    const body =
      'Lunch is at noon. The RAID driver panics the kernel again. ' +
      'The kernel panics on boot with the new RAID driver. The RAID driver panics the kernel again.';
    const candidates = subjectCandidates(model, body);
    expect(candidates.map((c) => c.text)).toEqual([
      'The RAID driver panics the kernel again.',
      'The kernel panics on boot with the new RAID driver.',
      'Lunch is at noon.',
    ]);
    expect(candidates.map((c) => c.position)).toEqual([1, 2, 0]);
    for (const c of candidates) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
  });

  test('the score is the cosine discounted by 1 / sqrt(1 + sentence index)', () => {
    const sentences = [
      'The kernel panics on boot with the new RAID driver.',
      'Lunch is at noon today.',
      'Backups of the RAID array finished overnight.',
    ];
    // the same sentences in reverse order: the same body vector, so the same cosines
    const forward = subjectCandidates(model, sentences.join(' '));
    const backward = subjectCandidates(model, [...sentences].reverse().join(' '));
    const cosine = (c: { score: number; position: number }) => c.score * Math.sqrt(1 + c.position);
    for (const f of forward) {
      const b = backward.find((c) => c.text === f.text)!;
      expect(b.position).toBe(2 - f.position);
      expect(cosine(b)).toBeCloseTo(cosine(f), 12);
    }
  });

  test('cuts sentences to the first words and skips ones that start with a URL', () => {
    const long = 'One two three four five six seven eight nine ten eleven twelve.';
    const candidates = subjectCandidates(model, `http://example.com/offer is here now. ${long}`);
    expect(candidates.map((c) => c.text)).toEqual([
      long.split(' ').slice(0, SUBJECT_WORDS).join(' '),
    ]);
  });

  test('falls back to the start of the body when no sentence has three words', () => {
    expect(subjectCandidates(model, 'Thanks!')).toEqual([
      { text: 'Thanks!', score: 0, position: 0 },
    ]);
    expect(subjectCandidates(model, '  \n ')).toEqual([]);
  });
});

describe('candidateProbabilities', () => {
  test('temperature 0 is the best candidate; above 0 a softmax of score / temperature', () => {
    expect(candidateProbabilities([0.5, 0.4, 0.1], 0)).toEqual([1, 0, 0]);
    const p = candidateProbabilities([0.5, 0.4, 0.1], 0.7);
    const w = [0.5, 0.4, 0.1].map((s) => Math.exp(s / 0.7));
    const total = w[0]! + w[1]! + w[2]!;
    for (let i = 0; i < 3; i++) expect(p[i]).toBeCloseTo(w[i]! / total, 12);
    const sharp = candidateProbabilities([0.5, 0.4, 0.1], 0.01);
    expect(sharp[0]).toBeGreaterThan(0.99);
  });
});

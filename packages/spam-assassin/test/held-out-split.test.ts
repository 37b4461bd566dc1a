import { describe, expect, test } from 'vitest';
import {
  HELD_OUT_GROUPS,
  loadSpamCorpus,
  SPAM_ASSASSIN_GROUPS,
  SpamAssassinError,
  TRAINING_GROUPS,
} from '../src/index.js';

describe('the training / held-out split', () => {
  const training = loadSpamCorpus(TRAINING_GROUPS);
  const heldOut = loadSpamCorpus(HELD_OUT_GROUPS);

  test('no training e-mail is in the held-out set, by id or by text', () => {
    const trainingIds = new Set(training.map((m) => m.id));
    const trainingTexts = new Set(training.map((m) => m.text));
    expect(heldOut.filter((m) => trainingIds.has(m.id))).toEqual([]);
    expect(heldOut.filter((m) => trainingTexts.has(m.text)).map((m) => m.id)).toEqual([]);
  });

  test('the two sets share no group and together cover the corpus', () => {
    expect(TRAINING_GROUPS.filter((g) => HELD_OUT_GROUPS.includes(g))).toEqual([]);
    expect([...TRAINING_GROUPS, ...HELD_OUT_GROUPS].sort()).toEqual([...SPAM_ASSASSIN_GROUPS]);
  });

  test('sizes are those of the public corpus', () => {
    expect(training.length).toBe(3250);
    expect(heldOut.length).toBe(2796);
  });
});

describe('loadSpamCorpus', () => {
  test('labels follow the group and ids are unique', () => {
    const messages = loadSpamCorpus(['hard-ham-1', 'spam-1']);
    expect(messages.length).toBe(250 + 500);
    expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
    for (const m of messages) {
      expect(m.label).toBe(m.group === 'spam-1' ? 'spam' : 'ham');
      expect(m.id.startsWith(`${m.group}/`)).toBe(true);
      expect(m.text.length).toBeGreaterThan(0);
    }
  });

  test('reads groups in the order asked, files sorted by name', () => {
    const ids = loadSpamCorpus(['spam-2', 'easy-ham-2']).map((m) => m.id);
    const firstHam = ids.findIndex((id) => id.startsWith('easy-ham-2/'));
    expect(ids.slice(0, firstHam).every((id) => id.startsWith('spam-2/'))).toBe(true);
    expect(ids.slice(0, firstHam)).toEqual([...ids.slice(0, firstHam)].sort());
  });

  test('rejects an unknown group with its path and the valid names', () => {
    expect(() => loadSpamCorpus(['spam-1', 'ham'])).toThrow(/groups\[1\] is 'ham'.*easy-ham-1/);
    try {
      loadSpamCorpus(['ham']);
    } catch (error) {
      expect(error).toBeInstanceOf(SpamAssassinError);
      expect((error as SpamAssassinError).code).toBe('UNKNOWN_GROUP');
      expect((error as SpamAssassinError).path).toBe('groups[0]');
    }
  });
});

import { describe, expect, test } from 'vitest';
import {
  HELD_OUT_GROUPS,
  loadSpamCorpus,
  loadSpamSubjects,
  SPAM_SUBJECTS_DATASET,
  SpamAssassinError,
  TRAINING_GROUPS,
} from '../src/index.js';

describe('the spam-assassin-subjects data set', () => {
  const items = loadSpamSubjects();

  test('defaults to the held-out mail, every item with a subject and a body', () => {
    expect(SPAM_SUBJECTS_DATASET).toBe('spam-assassin-subjects');
    expect(items.length).toBe(2760);
    for (const item of items) {
      expect(HELD_OUT_GROUPS).toContain(item.group);
      expect(item.subject.trim()).not.toBe('');
      expect(item.subject).toBe(item.subject.trim());
      expect(item.body.trim()).not.toBe('');
      expect(item.label).toBe(item.group.startsWith('spam') ? 'spam' : 'ham');
    }
  });

  test('ids are the corpus ids, unique, in corpus order, and the same on every load', () => {
    const corpusIds = loadSpamCorpus(HELD_OUT_GROUPS).map((m) => m.id);
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(corpusIds.filter((id) => ids.includes(id))).toEqual(ids);
    expect(loadSpamSubjects(['spam-2']).map((i) => i.id)).toEqual(
      ids.filter((id) => id.startsWith('spam-2/')),
    );
  });

  test('drops e-mails without a subject, with only a reply marker, or with no body text', () => {
    const ids = new Set(items.map((i) => i.id));
    expect(ids.has('easy-ham-2/01278')).toBe(false); // no Subject: header
    expect(ids.has('spam-2/00008')).toBe(false); // Subject: FW:
    expect(ids.has('spam-2/00266')).toBe(false); // an image and nothing else
    expect(ids.has('easy-ham-2/00001')).toBe(true);
  });

  test('the reference is the decoded subject without reply markers; rawSubject keeps them', () => {
    const byId = new Map(loadSpamSubjects([...TRAINING_GROUPS]).map((i) => [i.id, i]));
    expect(byId.get('easy-ham-1/02434')).toMatchObject({
      rawSubject: 'Re: RE: [zzzzteana] Sitting Bull über alles [Long]',
      subject: '[zzzzteana] Sitting Bull über alles [Long]',
    });
    expect(byId.get('easy-ham-1/00013')?.subject).toBe('[ILUG] Problems with RAID1 on cobalt raq3');
    expect(byId.get('hard-ham-1/00042')?.subject).toBe(
      '三菱化学エンジニアリング様プロセスダウンについて - ticket #55606OTC1 -',
    );
    const first = items.find((i) => i.id === 'easy-ham-2/00001')!;
    expect(first.subject).toBe('New Sequences Window');
    expect(first.body).toMatch(/^\S/);
  });

  test('bodies are decoded text: no quoted-printable soft breaks or HTML markup left by the decoder', () => {
    const html = loadSpamSubjects(['spam-2']).find((i) => i.id === 'spam-2/00020')!;
    expect(html.body.startsWith('The Lenders Network!')).toBe(true);
    expect(html.body).not.toMatch(/<[a-z]+[\s>]|=3D/i);
  });

  test('an unknown group is refused as by loadSpamCorpus', () => {
    expect(() => loadSpamSubjects(['spam'])).toThrow(SpamAssassinError);
  });
});

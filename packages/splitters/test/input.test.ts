import { Dictionary, Int32, tableFromArrays, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import {
  encodeLabels,
  GroupKFold,
  KFold,
  LeaveOneGroupOut,
  SplitError,
  StratifiedKFold,
} from '../src/index.js';

describe('label encoding', () => {
  test('codes follow np.unique order, or first appearance on request', () => {
    expect([...encodeLabels(['b', 'a', 'c', 'a'], 'y').codes]).toEqual([1, 0, 2, 0]);
    expect([
      ...encodeLabels(['b', 'a', 'c', 'a'], 'y', { order: 'first-appearance' }).codes,
    ]).toEqual([0, 1, 2, 1]);
    expect(encodeLabels([10, -3, 7.5, -3], 'y').classes).toEqual([-3, 7.5, 10]);
    expect(encodeLabels(Int32Array.from([5, 3, 5, 9]), 'y').counts).toEqual(
      Int32Array.from([1, 2, 1]),
    );
    expect(encodeLabels([true, false, true], 'y').classes).toEqual([0, 1]);
    expect(encodeLabels(BigInt64Array.from([3n, 1n, 3n]), 'y').classes).toEqual([1, 3]);
  });

  test('strings sort by code point as numpy does, not by UTF-16 unit', () => {
    const astral = '\u{1F600}';
    const high = '\uFFFD';
    expect(encodeLabels([astral, high], 'groups').classes).toEqual([high, astral]);
  });

  test('a lone surrogate sorts by its code point, before U+E000 (numpy 1.24)', () => {
    // np.unique(['\ue000', '\ud800', '\U0001F600']) -> U+D800, U+E000, U+1F600, and
    // LeaveOneGroupOut().split(groups=['\ue000', '\ud800', '\ue000']) tests [1] first, then
    // [0, 2]; the splitters' own comparator (before @assay/labels) put U+E000 first
    const groups = ['\uE000', '\uD800', '\u{1F600}'];
    expect(encodeLabels(groups, 'groups').classes).toEqual(['\uD800', '\uE000', '\u{1F600}']);
    const folds = new LeaveOneGroupOut().foldIds({ groups: ['\uE000', '\uD800', '\uE000'] });
    expect(folds).toEqual(Int32Array.from([1, 0, 1]));
  });

  test('Arrow vectors are read like arrays; nulls name the row', () => {
    const y = vectorFromArray(['x', 'y', 'x', 'y', 'x', 'y']);
    const plain = new StratifiedKFold({ nSplits: 3 }).foldIds({
      y: ['x', 'y', 'x', 'y', 'x', 'y'],
    });
    expect(new StratifiedKFold({ nSplits: 3 }).foldIds({ y })).toEqual(plain);
    const table = tableFromArrays({ g: Int32Array.from([1, 1, 2, 3]) });
    expect(new GroupKFold({ nSplits: 3 }).foldIds({ groups: table.getChild('g')! })).toEqual(
      new GroupKFold({ nSplits: 3 }).foldIds({ groups: [1, 1, 2, 3] }),
    );
    const dictionary = vectorFromArray(
      ['x', 'y', 'x', 'z'],
      new Dictionary(new Utf8(), new Int32()),
    );
    expect(new LeaveOneGroupOut().foldIds({ groups: dictionary })).toEqual(
      Int32Array.from([0, 1, 0, 2]),
    );
    const withNull = vectorFromArray([1, null, 2, 2]);
    expect(() => new GroupKFold({ nSplits: 2 }).foldIds({ groups: withNull })).toThrow(
      /input.groups has a null label at row 1/,
    );
  });

  test('undefined, objects and mixed kinds are typed errors naming the row', () => {
    const run = (y: unknown[]) => () =>
      new StratifiedKFold({ nSplits: 2 }).foldIds({ y: y as number[] });
    expect(run([0, 1, undefined, 1])).toThrow(/has undefined at row 2/);
    expect(run([0, 1, {}, 1])).toThrow(/has an object at row 2/);
    try {
      run([0, 1, 'one', 1])();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SplitError);
      expect((error as SplitError).code).toBe('MIXED_LABEL_TYPES');
      expect((error as SplitError).path).toBe('input.y');
    }
  });

  test('inputs: bare counts, missing rows, wrong shapes', () => {
    expect(new KFold({ nSplits: 2 }).foldIds(4)).toEqual(Int32Array.from([0, 0, 1, 1]));
    expect(() => new KFold().foldIds({})).toThrow(/must give the number of rows: n, y or groups/);
    expect(() => new KFold().foldIds({ y: 'abc' as unknown as number[] })).toThrow(
      /input.y must be an array, a typed array or an Arrow vector/,
    );
    expect(() => new KFold({ nSplits: 2 }).foldIds({ n: 3, groups: [1, 2] })).toThrow(
      /input.groups has 2 rows but the input has 3/,
    );
  });
});

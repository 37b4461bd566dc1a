import { expect, test } from 'vitest';

test('placeholder until the package lands', () => {
  expect(1 + 1).toBe(2);
});

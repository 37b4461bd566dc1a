import { DataType } from 'apache-arrow';

/**
 * Whether an Arrow column holds strings: Utf8, LargeUtf8 or Utf8View, or a dictionary of
 * them. Such a column's labels stay text however numeric they look, as pandas keeps them
 * (`"1"`, `"1.0"` and `"01"` are three classes).
 *
 * @param type - the column's type (undefined for a column without chunks)
 * @returns true for a string or string-dictionary type
 * @example
 * ```ts
 * const table = tableFromArrays({ y: ['1', '10', '2'], n: Int32Array.of(1, 10, 2) });
 * isStringType(table.getChild('y').type); // true (a dictionary of Utf8)
 * isStringType(table.getChild('n').type); // false
 * ```
 */
export function isStringType(type: DataType | undefined): boolean {
  if (type === undefined) return false;
  const values = DataType.isDictionary(type) ? type.dictionary : type;
  return DataType.isUtf8(values) || DataType.isLargeUtf8(values) || DataType.isUtf8View(values);
}

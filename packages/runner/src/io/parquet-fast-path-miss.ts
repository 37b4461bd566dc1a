/**
 * Thrown by the fast Parquet decoder when a column chunk uses something it does not decode
 * (an encoding, codec, bit width) or its bytes do not add up; the reader then reads that
 * column with hyparquet instead, which decodes it or reports the problem as before.
 *
 * @example
 * const miss = new ParquetFastPathMiss('codec GZIP');
 * miss.message; // 'fast Parquet path declined: codec GZIP'
 * miss instanceof Error; // true
 */
export class ParquetFastPathMiss extends Error {
  constructor(reason: string) {
    super(`fast Parquet path declined: ${reason}`);
    this.name = 'ParquetFastPathMiss';
  }
}

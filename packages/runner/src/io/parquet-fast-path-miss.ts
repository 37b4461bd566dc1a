/**
 * Thrown by the fast Parquet decoder when a column chunk uses something it does not decode
 * (an encoding, codec, bit width) or its bytes do not add up; the reader then reads that
 * column with hyparquet instead, which decodes it or reports the problem as before.
 *
 * @example
 * throw new ParquetFastPathMiss('codec GZIP');
 */
export class ParquetFastPathMiss extends Error {
  constructor(reason: string) {
    super(`fast Parquet path declined: ${reason}`);
    this.name = 'ParquetFastPathMiss';
  }
}

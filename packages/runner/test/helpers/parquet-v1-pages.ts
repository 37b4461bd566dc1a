import { parquetMetadata, snappyUncompress } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { ByteWriter } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';

/**
 * Rewrites a flat Parquet file that hyparquet-writer wrote (data pages v2 only) with data
 * pages v1, as pyarrow and Spark write by default: each page's definition levels move into
 * the compressed body behind their 4-byte length. Dictionary pages and values are kept;
 * the footer's offsets and sizes are updated and the page indexes dropped. hyparquet reads
 * the result (the tests compare against it), so a rewrite error would show there too.
 *
 * @param v2 - the file's bytes (written with `columnIndex: false`, `offsetIndex: false`)
 * @param dropDictionaryOf - a row group whose dictionary page is left out (a broken file)
 * @returns the same table with v1 data pages
 */
export function withDataPagesV1(v2: ArrayBuffer, dropDictionaryOf = -1): Uint8Array {
  const bytes = new Uint8Array(v2);
  const view = new DataView(v2);
  const metadata = parquetMetadata(v2);
  const out = new ByteWriter();
  out.appendBytes(new TextEncoder().encode('PAR1'));
  const groups = metadata.row_groups.map((group, g) => {
    const columns = group.columns.map((chunk) => {
      const meta = chunk.meta_data!;
      const dataOffset = Number(meta.data_page_offset);
      const dictOffset = meta.dictionary_page_offset;
      const start = dictOffset !== undefined && dictOffset > 0n ? Number(dictOffset) : dataOffset;
      const end = start + Number(meta.total_compressed_size);
      const reader = { view, offset: start };
      const chunkStart = out.offset;
      let newDataOffset: number | undefined;
      let uncompressed = 0;
      while (reader.offset < end) {
        const header = parquetHeader(reader);
        const body = bytes.subarray(reader.offset, reader.offset + header.compressed_page_size);
        reader.offset += header.compressed_page_size;
        const pageStart = out.offset;
        if (header.type === 'DICTIONARY_PAGE' && g === dropDictionaryOf) continue;
        if (header.type !== 'DATA_PAGE_V2') {
          // hyparquet-writer types its headers with its own hyparquet version's types
          writePageHeader(out, header as never);
          out.appendBytes(body);
          uncompressed += out.offset - pageStart - body.length + header.uncompressed_page_size;
          continue;
        }
        newDataOffset ??= pageStart;
        const h2 = header.data_page_header_v2!;
        const defLength = h2.definition_levels_byte_length;
        const levels = body.subarray(0, defLength);
        let values = body.subarray(defLength);
        const valuesSize = header.uncompressed_page_size - defLength;
        if (meta.codec === 'SNAPPY' && h2.is_compressed !== false && valuesSize > 0) {
          const plain = new Uint8Array(valuesSize);
          snappyUncompress(values, plain);
          values = plain;
        }
        const page = new ByteWriter();
        if (defLength > 0) {
          page.appendUint32(defLength);
          page.appendBytes(levels);
        }
        page.appendBytes(values);
        const plainPage = new Uint8Array(page.getBuffer());
        const stored = meta.codec === 'SNAPPY' ? snappyCompress(plainPage) : plainPage;
        writePageHeader(out, {
          type: 'DATA_PAGE',
          uncompressed_page_size: plainPage.length,
          compressed_page_size: stored.length,
          data_page_header: {
            num_values: h2.num_values,
            encoding: h2.encoding,
            definition_level_encoding: 'RLE',
            repetition_level_encoding: 'RLE',
          },
        } as never);
        out.appendBytes(stored);
        uncompressed += out.offset - pageStart - stored.length + plainPage.length;
      }
      const hasDict = dictOffset !== undefined && dictOffset > 0n && g !== dropDictionaryOf;
      return {
        ...chunk,
        file_offset: BigInt(chunkStart),
        offset_index_offset: undefined,
        offset_index_length: undefined,
        column_index_offset: undefined,
        column_index_length: undefined,
        meta_data: {
          ...meta,
          encoding_stats: undefined,
          data_page_offset: BigInt(newDataOffset ?? chunkStart),
          dictionary_page_offset: hasDict ? BigInt(chunkStart) : undefined,
          total_compressed_size: BigInt(out.offset - chunkStart),
          total_uncompressed_size: BigInt(uncompressed),
        },
      };
    });
    const size = columns.reduce((s, c) => s + Number(c.meta_data.total_compressed_size), 0);
    return {
      ...group,
      columns,
      file_offset: columns[0]!.file_offset,
      total_byte_size: BigInt(size),
      total_compressed_size: BigInt(size),
    };
  });
  const footerStart = out.offset;
  writeMetadata(out, { ...metadata, row_groups: groups } as never);
  out.appendUint32(out.offset - footerStart);
  out.appendBytes(new TextEncoder().encode('PAR1'));
  return new Uint8Array(out.getBuffer());
}

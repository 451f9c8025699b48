// Reads Parquet files with hyparquet (a reader other than the writer,
// vendored for the query page in site/assets/vendor/hyparquet) and prints,
// per file, one JSON line: its column names and its rows as arrays of
// strings (null for null).
import { readFileSync } from 'node:fs'
import { parquetMetadataAsync, parquetRead } from '../../../site/assets/vendor/hyparquet/index.js'

for (const path of process.argv.slice(2)) {
  const data = readFileSync(path)
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)
  const file = { byteLength: buffer.byteLength, slice: (start, end) => buffer.slice(start, end) }
  const metadata = await parquetMetadataAsync(file)
  const columns = metadata.schema.slice(1).map(s => s.name)
  let rows = []
  await parquetRead({ file, metadata, onComplete: r => { rows = r } })
  rows = rows.map(row => row.map(v => v === null || v === undefined ? null : String(v)))
  process.stdout.write(JSON.stringify({ columns, rows }) + '\n')
}

// Reads Parquet files with hyparquet (a reader other than the writer,
// vendored in hyparquet/) and prints, per file, one JSON line: its column
// names and its rows as arrays of strings (null for null).
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from './hyparquet/src/node.js'

for (const path of process.argv.slice(2)) {
  const file = await asyncBufferFromFile(path)
  const metadata = await parquetMetadataAsync(file)
  const columns = metadata.schema.slice(1).map(s => s.name)
  let rows = []
  await parquetRead({ file, metadata, onComplete: r => { rows = r } })
  rows = rows.map(row => row.map(v => v === null || v === undefined ? null : String(v)))
  process.stdout.write(JSON.stringify({ columns, rows }) + '\n')
}

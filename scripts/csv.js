/**
 * A small RFC 4180 CSV reader: comma-separated fields, fields in double quotes may hold
 * commas, line breaks and doubled quotes (""), records end at LF, CRLF or CR. Enough for
 * the data sets the scripts read, without a dependency.
 */

/** Every record of `text` as an array of fields; a trailing line break adds no empty record. */
export function parseCsv(text) {
  const records = [];
  let record = [];
  // A byte-order mark is not part of the first header.
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (index < text.length) {
    let field;
    if (text[index] === '"') {
      // Quoted: up to the closing quote, with "" standing for one quote.
      const parts = [];
      let from = index + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) throw new SyntaxError(`unterminated quoted field starting at offset ${index}`);
        parts.push(text.slice(from, quote));
        if (text[quote + 1] !== '"') {
          index = quote + 1;
          break;
        }
        parts.push('"');
        from = quote + 2;
      }
      field = parts.join('');
    } else {
      let end = index;
      while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
      field = text.slice(index, end);
      index = end;
    }
    record.push(field);
    const separator = text[index];
    if (separator === ',') {
      index++;
      // A comma at the very end opens one last, empty field.
      if (index === text.length) record.push('');
    } else if (separator === '\n' || separator === '\r' || separator === undefined) {
      index += separator === '\r' && text[index + 1] === '\n' ? 2 : separator === undefined ? 0 : 1;
      records.push(record);
      record = [];
    } else {
      throw new SyntaxError(`unexpected ${JSON.stringify(separator)} after a quoted field at offset ${index}`);
    }
  }
  if (record.length > 0) records.push(record);
  return records;
}

/** The values of one column, by header name; throws when the header has no such column. */
export function csvColumn(text, name) {
  const [header, ...rows] = parseCsv(text);
  const column = header?.indexOf(name) ?? -1;
  if (column < 0) throw new Error(`no "${name}" column in the CSV header (${header?.join(', ') ?? 'empty file'})`);
  return rows.map((row) => row[column] ?? '');
}

/**
 * An InvenTree record export of at least `minBytes`, for tests of files too large for one request:
 * a few categories and locations, then parts with long descriptions, each with one stock item.
 */
export function syntheticExport(minBytes: number): { content: string; parts: number } {
  const records: string[] = [];
  let size = 2;
  const add = (record: object) => {
    const text = JSON.stringify(record);
    records.push(text);
    size += text.length + 2;
  };
  for (let pk = 1; pk <= 8; pk += 1) add({ model: 'part.partcategory', pk, fields: { name: `Category ${pk}`, parent: pk > 4 ? pk - 4 : null, description: '' } });
  for (let pk = 1; pk <= 4; pk += 1) add({ model: 'stock.stocklocation', pk, fields: { name: `Shelf ${pk}`, parent: null, description: '' } });
  const filler = 'A long datasheet excerpt that makes the export large. '.repeat(36);
  let parts = 0;
  while (size < minBytes) {
    parts += 1;
    add({ model: 'part.part', pk: parts, fields: { name: `Generated part ${parts}`, IPN: `GEN-${parts}`, category: 1 + (parts % 8), description: filler, minimum_stock: '5', active: true, units: '' } });
    add({ model: 'stock.stockitem', pk: parts, fields: { part: parts, location: 1 + (parts % 4), quantity: '12.5', status: 10 } });
  }
  return { content: `[\n${records.join(',\n')}\n]\n`, parts };
}

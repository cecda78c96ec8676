import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, openTestRuntime, type TestRuntime } from '../../testing/runtime';
import { formatCsv, parseCsv } from './csv';

let app: TestRuntime;
beforeEach(async () => {
  app = await openTestRuntime();
});
afterEach(() => app.close());

describe('CSV', () => {
  it('reads quoted commas, quotes and line breaks, and never writes a formula', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\r\n1,2,3,4\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ]);
    expect(formatCsv(['x'], [['=cmd|calc'], ['-3'], ['a,b']])).toBe("x\r\n'=cmd|calc\r\n-3\r\n\"a,b\"\r\n");
  });

  it('previews parts with per-row errors and writes nothing until every row is right', async () => {
    const content = 'Name,IPN,Category,Minimum stock,Units\nR 10k,RES-1,Electronics / Resistors,100,\n,RES-2,Electronics,5,\nC 1u,CAP-1,Electronics / Capacitors,lots,\n';
    const preview = await app.call('import.csv.preview', { kind: 'parts', content });
    expect(preview).toMatchObject({ creates: 1, errors: 2, newPlaces: ['Electronics / Resistors', 'Electronics', 'Electronics / Capacitors'] });
    expect(preview.rows[1]).toMatchObject({ line: 3, action: 'error', errors: ['name: enter a name'] });
    expect(preview.rows[2]?.errors[0]).toMatch(/minimum_stock: Enter a number/);
    const refused = await failure(app.call('import.csv.apply', { kind: 'parts', content }));
    expect(refused.message).toMatch(/2 rows have errors/);
    expect(app.core.db.$client.prepare('select count(*) from parts').pluck().get()).toBe(0);
  });

  it('imports parts and stock, updates by IPN, and exports what reads back in', async () => {
    await app.call('import.csv.apply', { kind: 'parts', content: 'name,ipn,category,minimum_stock,units\nR 10k,RES-1,Electronics / Resistors,100,\nWire,WIR-1,Consumables,2.5,m\n' });
    const update = await app.call('import.csv.preview', { kind: 'parts', content: 'name,ipn,minimum_stock\nR 10k 1%,RES-1,50\n' });
    expect(update.updates).toBe(1);
    await app.call('import.csv.apply', { kind: 'parts', content: 'name,ipn,category,minimum_stock\nR 10k 1%,RES-1,Electronics / Resistors,50\n' });
    await app.call('import.csv.apply', { kind: 'stock', content: 'part,location,quantity,batch\nRES-1,Shelf A / Bin 1,40,B7\nWire,Shelf A / Bin 2,1.25,\n' });

    const low = await app.call('export.csv', { kind: 'lowStock' });
    expect(low.content).toBe('name,ipn,category,stock,minimum_stock,shortfall,units\r\nR 10k 1%,RES-1,Electronics / Resistors,40,50,10,\r\nWire,WIR-1,Consumables,1.25,2.5,1.25,m\r\n');
    const stockFile = await app.call('export.csv', { kind: 'stock' });
    expect(stockFile.content).toContain('RES-1,R 10k 1%,Shelf A / Bin 1,40,B7');

    const partsFile = await app.call('export.csv', { kind: 'parts' });
    const other = await openTestRuntime();
    await other.call('import.csv.apply', { kind: 'parts', content: partsFile.content });
    await other.call('import.csv.apply', { kind: 'stock', content: stockFile.content });
    expect((await other.call('export.csv', { kind: 'lowStock' })).content).toBe(low.content);
    other.close();
  });

  it('links variants to their templates, in the file or already here, and names a template that cannot be one', async () => {
    await app.call('parts.create', { name: 'Screw', ipn: 'SCR', isTemplate: true });
    await app.call('parts.create', { name: 'Washer', ipn: 'WSH' });
    const content = [
      'name,ipn,variant_of,is_template',
      'Screw M3x8,SCR-M3-8,SCR-M3,no',
      'Screw M3,SCR-M3,SCR,yes',
      'Washer M3,,WSH,no',
      'Nut M3,,Nut,no',
      'Loop,LOOP,LOOP,yes',
    ].join('\n');
    const preview = await app.call('import.csv.preview', { kind: 'parts', content });
    expect(preview.rows.map((row) => row.errors)).toEqual([
      [],
      [],
      ['variant_of: "WSH" is not a template part (is_template must be yes)'],
      ['variant_of: no part is named or numbered "Nut"'],
      ['variant_of: a part cannot be a variant of itself'],
    ]);
    await app.call('import.csv.apply', { kind: 'parts', content: content.split('\n').slice(0, 3).join('\n') });
    const variant = (await app.call('parts.list', { search: 'M3x8' })).rows[0];
    const template = await app.call('parts.get', { id: variant?.variantOfId as number });
    expect(template.templatePath.map((entry) => entry.name)).toEqual(['Screw']);
    expect(template.part.name).toBe('Screw M3');
  });

  it('names an unknown or ambiguous part in a stock file', async () => {
    await app.call('parts.create', { name: 'Twin' });
    await app.call('parts.create', { name: 'Twin' });
    const preview = await app.call('import.csv.preview', { kind: 'stock', content: 'part,location,quantity\nNobody,Shelf,1\nTwin,Shelf,1\nTwin,Shelf,-1\n' });
    expect(preview.rows.map((row) => row.errors[0])).toEqual([
      'part: no part is named or numbered "Nobody"',
      'part: 2 parts are named "Twin"; use the IPN',
      'part: 2 parts are named "Twin"; use the IPN',
    ]);
    expect(preview.rows[2]?.errors[1]).toMatch(/quantity/);
  });

  it('takes bidi controls out of typed and imported names, so none displays reversed', async () => {
    const typed = await app.call('parts.create', { name: 'Invoice \u202Egnp.exe', ipn: '\u2066IPN-1\u2069', units: 'pcs' });
    expect([typed.name, typed.ipn]).toEqual(['Invoice gnp.exe', 'IPN-1']);
    await app.call('import.csv.apply', { kind: 'parts', content: 'name,category\nBill \u202Efdp.exe,Docs \u202B/ Scans' });
    const imported = (await app.call('parts.list', { search: 'Bill' })).rows[0];
    expect(imported?.name).toBe('Bill fdp.exe');
    expect(imported?.categoryName).toBe('Scans');
  });
});

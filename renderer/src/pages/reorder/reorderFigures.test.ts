import { describe, expect, it } from 'vitest';
import type { ReorderGroup, ReorderLine } from '../../../../main/contract';
import { parseCsv } from '../../../../main/core/import/csv';
import { reorderCsv } from './reorderCsv';
import { groupTotal, lineTotal, shortDay, suggestedText } from './reorderFigures';

const fuse: ReorderLine = {
  partId: 1,
  partName: 'Fuse 2A',
  ipn: 'FU-2A',
  units: 'pcs',
  reason: 'will_run_low',
  stock: '280',
  minimum: '20',
  onOrder: '0',
  dailyUse: '8',
  belowMinimumOn: '2027-01-04',
  target: '556',
  suggested: '300',
  supplierPartId: 3,
  sku: 'F-2A',
  packSize: '50',
  pricePerPack: '2.5',
  leadTimeDays: 30,
};

describe('the reorder list\'s figures', () => {
  it('says how many packs a suggestion is, and not for packs of one or no supplier', () => {
    expect(suggestedText(fuse)).toBe('300 (6 packs of 50)');
    expect(suggestedText({ ...fuse, suggested: '50' })).toBe('50 (1 pack of 50)');
    expect(suggestedText({ ...fuse, suggested: '1500', packSize: '1' })).toBe('1,500');
    expect(suggestedText({ ...fuse, suggested: '3', packSize: null, supplierPartId: null })).toBe('3');
  });

  it('prices whole packs exactly, with no float dust', () => {
    expect(lineTotal(fuse)).toBe('15.00');
    expect(lineTotal({ ...fuse, suggested: '150', pricePerPack: '0.1' })).toBe('0.30');
    expect(lineTotal({ ...fuse, suggested: '50', pricePerPack: '0.0125' })).toBe('0.0125');
    expect(lineTotal({ ...fuse, suggested: '50000', pricePerPack: '1234.5' })).toBe('1,234,500.00');
    expect(lineTotal({ ...fuse, pricePerPack: null })).toBeNull();
    expect(lineTotal({ ...fuse, suggested: '0' })).toBeNull();
  });

  it('adds up a group\'s priced lines and says when some have no price', () => {
    const unpriced = { ...fuse, partId: 2, pricePerPack: null };
    const covered = { ...fuse, partId: 4, suggested: '0' };
    expect(groupTotal([fuse, { ...fuse, partId: 5, suggested: '100', pricePerPack: '1.10' }])).toEqual({ total: '17.20', unpriced: 0 });
    expect(groupTotal([fuse, unpriced, covered])).toEqual({ total: '15.00', unpriced: 1 });
    expect(groupTotal([unpriced])).toEqual({ total: null, unpriced: 1 });
  });

  it('names a day briefly, with the year only when it is past or far off', () => {
    const now = new Date(2026, 11, 2, 15, 30);
    expect(shortDay('2026-12-02', now)).toBe('2 Dec');
    expect(shortDay('2027-01-04', now)).toBe('4 Jan');
    expect(shortDay('2028-02-29', now)).toBe('29 Feb 2028');
    expect(shortDay('2026-11-30', now)).toBe('30 Nov 2026');
  });
});

describe('the reorder list as CSV', () => {
  it('writes one row per part under the supplier, quoted where needed and never as a formula', () => {
    const groups: ReorderGroup[] = [
      { supplierId: 7, supplierName: 'Mouser, EU', lines: [fuse] },
      { supplierId: null, supplierName: null, lines: [{ ...fuse, partId: 9, partName: '=Bracket "odd"', ipn: null, reason: 'low', dailyUse: null, belowMinimumOn: null, supplierPartId: null, sku: null, packSize: null, pricePerPack: null, leadTimeDays: null }] },
    ];
    const csv = reorderCsv(groups);
    expect(csv.split('\r\n')[0]).toBe('Supplier,Part,IPN,Reason,Stock,Minimum,On order,Daily use,Below minimum on,Target,Suggested,Pack size,SKU,Price per pack');
    expect(parseCsv(csv).slice(1)).toEqual([
      ['Mouser, EU', 'Fuse 2A', 'FU-2A', 'Will run low', '280', '20', '0', '8', '2027-01-04', '556', '300', '50', 'F-2A', '2.5'],
      ['', '\'=Bracket "odd"', '', 'Low', '280', '20', '0', '', '', '556', '300', '', '', ''],
    ]);
  });
});

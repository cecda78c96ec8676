import { describe, expect, it } from 'vitest';
import { inCallLimit, opensLikeRecordList, uploadLimit, whyNotAnExport } from './exportFileCheck';

describe('the look at a chosen file before it is sent', () => {
  it('takes what opens like an InvenTree record list, however it is indented', () => {
    expect(opensLikeRecordList('[{"model": "part.part", "pk": 1')).toBe(true);
    expect(opensLikeRecordList('\uFEFF[\n  {\n    "model": "auth.user",')).toBe(true);
    expect(opensLikeRecordList('[]')).toBe(true);
    expect(opensLikeRecordList('{"model": "part.part"}')).toBe(false);
    expect(opensLikeRecordList('name,ipn\nR1,RES-1')).toBe(false);
    expect(opensLikeRecordList('[1, 2, 3]')).toBe(false);
    expect(opensLikeRecordList('\u0000\u0001PK\u0003\u0004')).toBe(false);
  });

  it('refuses a large file of the wrong kind from its first bytes, and a file over the limit from its size', async () => {
    const junk = new Blob([new Uint8Array(50 * 1024 * 1024).fill(0x41)]);
    expect(await whyNotAnExport(junk, uploadLimit)).toMatch(/not an InvenTree export/);
    const export_ = new Blob(['[{"model": "part.part", "pk": 1, "fields": {}}]']);
    expect(await whyNotAnExport(export_, uploadLimit)).toBeNull();
    const overDesktop = { size: 80 * 1024 * 1024 } as Blob;
    expect(await whyNotAnExport(overDesktop, inCallLimit)).toBe(
      'This file (80 MB) is larger than 64 MB, the largest export the desktop app reads. Import it from a terminal instead: npm run import -- FILE (up to 200 MB).',
    );
    expect(await whyNotAnExport({ size: 201 * 1024 * 1024 } as Blob, uploadLimit)).toMatch(/larger than 200 MB/);
    expect(await whyNotAnExport(new Blob([]), uploadLimit)).toMatch(/empty/);
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_READ_BYTES, readMessageFile } from './read-file';

describe('readMessageFile', () => {
  it('reads a file as a byte string, 8-bit bytes as they are', async () => {
    const read = await readMessageFile(new File([new Uint8Array([0x41, 0xff, 0x0a])], 'm.eml'));
    expect(read).toEqual({ name: 'm.eml', size: 3, bytes: 'A\xff\n', truncated: false });
  });
  it('reads only the first 25 MB of a larger file, and says so', async () => {
    const sliced: number[][] = [];
    const big = {
      name: 'big.eml',
      size: 50 * 1024 * 1024,
      slice: (start: number, end: number) => {
        sliced.push([start, end]);
        return new Blob([new Uint8Array([0x78, 0x79])]);
      },
    } as unknown as File;
    const read = await readMessageFile(big);
    expect(sliced).toEqual([[0, MAX_READ_BYTES]]);
    expect(read).toMatchObject({ size: 50 * 1024 * 1024, bytes: 'xy', truncated: true });
  });
});

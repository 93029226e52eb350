// Screenshots of the X screen itself, so browser UI that no protocol can capture (Firefox's
// toolbar popup lives in a panel of the browser window, not in a tab) can be saved as a person
// sees it. Xvfb started with `-fbdir DIR` keeps its frame buffer in DIR/Xvfb_screen0 as an XWD
// image; this reads the pixels and writes a PNG with Node's zlib: no extra program needed.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { SCREENSHOT_DIR } from '../../harness/paths';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Xwd {
  width: number;
  height: number;
  bytesPerLine: number;
  bytesPerPixel: number;
  littleEndian: boolean;
  masks: [number, number, number];
  pixels: Buffer;
}

/** XWD (X11 window dump, version 7): a header of 25 big-endian 32-bit fields, a name, a colormap, the pixels. */
function parseXwd(file: Buffer): Xwd {
  const field = (index: number) => file.readUInt32BE(index * 4);
  const [headerSize, version, format, , width, height] = [0, 1, 2, 3, 4, 5].map(field) as [number, number, number, number, number, number];
  const bitsPerPixel = field(11);
  if (version !== 7 || format !== 2 || (bitsPerPixel !== 32 && bitsPerPixel !== 24)) {
    throw new Error(`unexpected XWD frame buffer (version ${version}, format ${format}, ${bitsPerPixel} bpp): start Xvfb with a 24-bit screen`);
  }
  const colormapEntries = field(19);
  const start = headerSize + colormapEntries * 12;
  return {
    width,
    height,
    bytesPerLine: field(12),
    bytesPerPixel: bitsPerPixel / 8,
    littleEndian: field(7) === 0,
    masks: [field(14), field(15), field(16)],
    pixels: file.subarray(start),
  };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGB PNG of `rect` (clipped to the screen). */
function encodePng(image: Xwd, rect: Rect): Buffer {
  const x0 = Math.max(0, Math.round(rect.x));
  const y0 = Math.max(0, Math.round(rect.y));
  const width = Math.min(image.width - x0, Math.round(rect.width));
  const height = Math.min(image.height - y0, Math.round(rect.height));
  if (width <= 0 || height <= 0) throw new Error(`nothing of ${JSON.stringify(rect)} is on the ${image.width}x${image.height} screen`);
  const shiftOf = (mask: number) => Math.log2(mask & -mask);
  const shifts = image.masks.map(shiftOf);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const out = y * (width * 3 + 1);
    raw[out] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const at = (y0 + y) * image.bytesPerLine + (x0 + x) * image.bytesPerPixel;
      const pixel =
        image.bytesPerPixel === 4
          ? image.littleEndian
            ? image.pixels.readUInt32LE(at)
            : image.pixels.readUInt32BE(at)
          : image.littleEndian
            ? image.pixels.readUIntLE(at, 3)
            : image.pixels.readUIntBE(at, 3);
      for (let c = 0; c < 3; c++) raw[out + 1 + x * 3 + c] = ((pixel & image.masks[c]!) >>> shifts[c]!) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, adaptive filters, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Saves `rect` of the screen (the whole screen without one) as test-results/screenshots/<name>.png.
 * `fbdir` is the directory Xvfb was started with (`-fbdir`).
 */
export async function saveScreenCapture(fbdir: string, name: string, rect?: Rect): Promise<string> {
  const image = parseXwd(await readFile(join(fbdir, 'Xvfb_screen0')));
  const png = encodePng(image, rect ?? { x: 0, y: 0, width: image.width, height: image.height });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await writeFile(path, png);
  return path;
}

/**
 * Draws the add-in's PNG icons into assets/ (run: `npx tsx dev/icons/make-icons.ts`).
 *
 * Every glyph is described as a small set of shapes on a 16×16 design grid and rasterised by
 * supersampling, so one description gives crisp 16 px ribbon icons and smooth 80/128 px ones.
 * Output is deterministic (no timestamps, fixed zlib level), so re-running changes no bytes.
 * No image libraries: PNG is written by hand with node:zlib.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

/** Fluent "communication blue" (brand colour) as RGB. */
const BRAND: readonly [number, number, number] = [0x0f, 0x6c, 0xbd];
const GRID = 16;
/** Samples per pixel edge; 8×8 keeps edges smooth without visible banding. */
const SUPERSAMPLE = 8;

/** A shape answers "is this design-grid point inside?" */
type Shape = (x: number, y: number) => boolean;

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const subtract =
  (base: Shape, hole: Shape): Shape =>
  (x, y) =>
    base(x, y) && !hole(x, y);
/** Scales a shape about the grid centre (used to fit the mark inside the app tile). */
const scaled =
  (shape: Shape, factor: number): Shape =>
  (x, y) =>
    shape(GRID / 2 + (x - GRID / 2) / factor, GRID / 2 + (y - GRID / 2) / factor);

const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const ring =
  (cx: number, cy: number, rOuter: number, rInner: number): Shape =>
  (x, y) => {
    const d2 = (x - cx) ** 2 + (y - cy) ** 2;
    return d2 <= rOuter * rOuter && d2 >= rInner * rInner;
  };

/** A stroked line segment with round caps ("capsule"). */
const stroke =
  (x0: number, y0: number, x1: number, y1: number, width: number): Shape =>
  (x, y) => {
    const dx = x1 - x0;
    const dy = y1 - y0;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
    const px = x0 + t * dx - x;
    const py = y0 + t * dy - y;
    return px * px + py * py <= (width / 2) ** 2;
  };

/** A stroked quarter/half arc: angles in degrees, 0° = +x, 90° = +y (down), going clockwise. */
const arc =
  (cx: number, cy: number, r: number, fromDeg: number, toDeg: number, width: number): Shape =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    if (Math.abs(d - r) > width / 2) return false;
    const a = ((Math.atan2(y - cy, x - cx) * 180) / Math.PI + 360) % 360;
    const span = (toDeg - fromDeg + 360) % 360;
    return (a - fromDeg + 360) % 360 <= span;
  };

const roundRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.max(x0 + r, Math.min(x1 - r, x));
    const cy = Math.max(y0 + r, Math.min(y1 - r, y));
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };

/** Filled polygon, even-odd rule. */
const polygon =
  (points: ReadonlyArray<readonly [number, number]>): Shape =>
  (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i] ?? [0, 0];
      const [xj, yj] = points[j] ?? [0, 0];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };

// --- Glyphs (16-unit grid; 2-unit strokes sit on whole pixels at 16 px) ---

/** Trail: a route climbing from a start point to a destination. */
const trail: Shape = union(
  stroke(4, 13, 4, 10, 2),
  arc(6, 10, 2, 180, 270, 2),
  stroke(6, 8, 10, 8, 2),
  arc(10, 6, 2, 0, 90, 2),
  stroke(12, 6, 12, 4, 2),
  disc(4, 13, 2),
  disc(12, 3.5, 2.5),
);

/** ASAP: a lightning bolt, "act soon". */
const asap: Shape = polygon([
  [10.5, 0.5],
  [2.5, 9],
  [7.5, 9],
  [5.5, 15.5],
  [13.5, 7],
  [8.5, 7],
]);

/** Read later: a clock face. */
const readLater: Shape = union(
  ring(8, 8, 7, 5.4),
  stroke(8, 8, 8, 4.2, 1.6),
  stroke(8, 8, 10.8, 9.6, 1.6),
);

/** Archive: a box with a lid and a handle slot. */
const archive: Shape = union(
  roundRect(1, 2, 15, 6, 1),
  subtract(roundRect(2, 7, 14, 14, 1), roundRect(6, 9, 10, 11, 1)),
);

/** App icon: brand tile with the trail mark knocked out (one colour on transparency). */
const appTile: Shape = subtract(roundRect(0.5, 0.5, 15.5, 15.5, 3.5), scaled(trail, 0.68));

/** Rasterises a shape to RGBA (brand colour, alpha = covered fraction of the pixel). */
export function render(shape: Shape, size: number): Buffer {
  const rgba = Buffer.alloc(size * size * 4);
  const unit = GRID / size;
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) * unit;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) * unit;
          if (shape(x, y)) hits++;
        }
      }
      const o = (py * size + px) * 4;
      const alpha = Math.round((255 * hits) / samples);
      // Fully transparent pixels stay 0,0,0,0 so the file compresses well.
      if (alpha > 0) {
        rgba[o] = BRAND[0];
        rgba[o + 1] = BRAND[1];
        rgba[o + 2] = BRAND[2];
        rgba[o + 3] = alpha;
      }
    }
  }
  return rgba;
}

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, no interlace, filter 0 on every row). */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every file the manifest names, with the pixel size it declares for it. */
export const ICONS: ReadonlyArray<{ file: string; size: number; shape: Shape }> = [
  { file: 'icon-64.png', size: 64, shape: appTile },
  { file: 'icon-128.png', size: 128, shape: appTile },
  // Ribbon sizes 16/32/80; trail also at the mobile sizes 25/32/48.
  ...[16, 25, 32, 48, 80].map((size) => ({ file: `trail-${size}.png`, size, shape: trail })),
  ...[16, 32, 80].map((size) => ({ file: `asap-${size}.png`, size, shape: asap })),
  ...[16, 32, 80].map((size) => ({ file: `read-later-${size}.png`, size, shape: readLater })),
  ...[16, 32, 80].map((size) => ({ file: `archive-${size}.png`, size, shape: archive })),
];

function main(): void {
  const outDir = resolve(__dirname, '..', '..', 'assets');
  mkdirSync(outDir, { recursive: true });
  for (const { file, size, shape } of ICONS) {
    writeFileSync(join(outDir, file), encodePng(size, size, render(shape, size)));
  }
  process.stdout.write(`wrote ${ICONS.length} icons to ${outDir}\n`);
}

if (require.main === module) main();

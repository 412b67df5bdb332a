#!/usr/bin/env node
// Draws ConfBar's icons (a blue rounded square holding three "participant" bars) and writes them as PNG
// with nothing but zlib: `node resources/make-icons.mjs`. The PNGs are committed; rerun only to change them.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const BLUE = [37, 99, 235];
const WHITE = [255, 255, 255];
const BLACK = [0, 0, 0];
const SAMPLES = 4; // supersampling per axis, for smooth edges

/** Inside a rounded rectangle (all in unit coordinates 0..1). */
function inRoundRect(x, y, left, top, right, bottom, r) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const BARS = [
  [0.22, 0.28, 0.78],
  [0.22, 0.46, 0.66],
  [0.22, 0.64, 0.52],
];

/** The colour and coverage at one point: background square, then white bars with a status dot. */
function shade(x, y) {
  if (!inRoundRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2)) return null;
  for (const [left, top, right] of BARS) {
    if (inRoundRect(x, y, left, top, right, top + 0.1, 0.05)) return WHITE;
  }
  if ((x - 0.74) ** 2 + (y - 0.69) ** 2 <= 0.06 ** 2) return WHITE;
  return BLUE;
}

/**
 * The macOS menu-bar glyph (a template image: black + alpha, tinted by the system for light and dark menu
 * bars): the same bars and dot inside the rounded square's outline, on a 16-unit grid so that the 16 px image
 * has crisp 1 px edges (and the 32 px @2x crisp 2 px ones).
 */
const TEMPLATE_BARS = [
  [4, 4, 12],
  [4, 7, 10],
  [4, 10, 8],
].map((bar) => bar.map((v) => v / 16));
function shadeTemplate(x, y) {
  const u = 1 / 16;
  if (!inRoundRect(x, y, u, u, 15 * u, 15 * u, 3 * u)) return null;
  if (!inRoundRect(x, y, 2 * u, 2 * u, 14 * u, 14 * u, 2 * u)) return BLACK;
  for (const [left, top, right] of TEMPLATE_BARS) {
    if (inRoundRect(x, y, left, top, right, top + 2 * u, 0.5 * u)) return BLACK;
  }
  if ((x - 11 * u) ** 2 + (y - 11 * u) ** 2 <= (1.1 * u) ** 2) return BLACK;
  return null;
}

function draw(size, shadeAt = shade) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = shadeAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
        rgba[i + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, shadeAt) {
  const rgba = draw(size, shadeAt);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, size, shadeAt] of [
  ['icon.png', 512, shade],
  ['tray.png', 32, shade],
  // macOS loads name@2x.png beside name.png on Retina menu bars; "Template" in the name marks a template image.
  ['trayTemplate.png', 16, shadeTemplate],
  ['trayTemplate@2x.png', 32, shadeTemplate],
]) {
  writeFileSync(join(here, name), png(size, shadeAt));
  console.log(`wrote resources/${name} (${size}×${size})`);
}

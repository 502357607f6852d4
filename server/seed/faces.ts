import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import type { Random } from './random';

/**
 * Drawn stand-ins for patient photographs: a face in SVG, rendered to JPEG with sharp. Each
 * patient has a look; each photo session a framing and light; the treatment changes the
 * condition of the face between the before and the after shot.
 */

export interface Look {
  skin: string;
  hair: string;
  hairStyle: 'short' | 'long' | 'bob' | 'bun';
  eyes: string;
  lips: string;
  headWidth: number;
  headHeight: number;
  /** 0: a narrow, pointed chin; 1: a square jaw. */
  jaw: number;
  partSide: -1 | 1;
  background: readonly [string, string];
  clothing: string;
  /** Where sun spots and scars sit on this face, the most visible first. */
  marks: { x: number; y: number; r: number }[];
}

/** Each 0 to 1. */
export interface Condition {
  lines: number;
  lipVolume: number;
  hollows: number;
  spots: number;
  texture: number;
  noseHump: number;
  hooding: number;
  jowls: number;
  chinFat: number;
  cheekVolume: number;
}

/** How one photograph was taken: where the face sits in the frame and where the light comes from. */
export interface Shot {
  x: number;
  y: number;
  scale: number;
  tilt: number;
  /** -1: light from the left, 1: from the right. */
  light: number;
  backgroundAngle: number;
  /** Out-of-focus light and shadow behind the patient: the room the photo was taken in. */
  backdrop: { x: number; y: number; r: number; light: boolean; opacity: number }[];
}

const skins = ['#f6d8c8', '#edc3a7', '#e2ae88', '#cc9169', '#ad744f', '#8e5a3c', '#6e432c', '#53311f'];
const hairs = ['#2b1d14', '#4a3020', '#6f4a2c', '#a0703c', '#d9bb7c', '#8d8d8d', '#161616', '#7c311b'];
const irises = ['#4a3020', '#2f5d8a', '#4f7a3a', '#6d5a3a', '#3b3b3b'];
const backgrounds: readonly (readonly [string, string])[] = [
  ['#e3e9ee', '#9fb0bd'],
  ['#f3ede4', '#c8b9a3'],
  ['#d3ded9', '#8fa79e'],
  ['#ececec', '#a8a8a8'],
  ['#dce5f3', '#93a9cc'],
  ['#f1e4e0', '#c4a59d'],
  ['#56616c', '#1d2329'],
  ['#fbfbf8', '#d8d4c8'],
];
const clothes = ['#2f3e4e', '#7b8c99', '#f4f4f4', '#1c1c1c', '#5a7d6a', '#9c6b8e', '#c2a27a', '#8a3b3b'];

export function randomLook(random: Random): Look {
  const skinIndex = random.int(0, skins.length - 1);
  return {
    skin: skins[skinIndex],
    hair: random.pick(hairs),
    hairStyle: random.pick(['short', 'long', 'long', 'bob', 'bun'] as const),
    eyes: random.pick(irises),
    lips: mix(skins[skinIndex], '#b0485a', 0.45),
    headWidth: random.float(92, 112),
    headHeight: random.float(122, 140),
    jaw: random.next(),
    partSide: random.chance(0.5) ? -1 : 1,
    background: random.pick(backgrounds),
    clothing: random.pick(clothes),
    marks: Array.from({ length: 14 }, () => ({
      x: random.float(-70, 70) * (random.chance(0.5) ? 1 : 0.6),
      y: random.weighted([
        [random.float(-85, -50), 1],
        [random.float(10, 50), 2],
      ]),
      r: random.float(1.6, 4.2),
    })),
  };
}

export function randomShot(random: Random): Shot {
  return {
    x: 240 + random.float(-70, 70),
    y: 270 + random.float(-35, 35),
    scale: random.float(1.0, 1.4),
    tilt: random.float(-6, 6),
    light: random.float(-1, 1),
    backgroundAngle: random.float(0, 360),
    backdrop: Array.from({ length: random.int(5, 9) }, () => backdropSpot(random)),
  };
}

function backdropSpot(random: Random): Shot['backdrop'][number] {
  return {
    x: random.float(-40, 520),
    y: random.float(-40, 640),
    r: random.float(60, 170),
    light: random.chance(0.5),
    opacity: random.float(0.35, 0.8),
  };
}

/** A later session in the same office: the backdrop's colours stay, its lights and the patient move a little. */
export function laterShot(random: Random, before: Shot): Shot {
  const away = () => (random.chance(0.5) ? -1 : 1);
  return {
    x: before.x + away() * random.float(14, 30),
    y: before.y + away() * random.float(6, 16),
    scale: before.scale * random.float(0.94, 1.06),
    tilt: before.tilt + away() * random.float(2, 5),
    light: Math.max(-1, Math.min(1, before.light + away() * random.float(0.3, 0.8))),
    backgroundAngle: before.backgroundAngle + away() * random.float(25, 60),
    backdrop: before.backdrop.map((spot) =>
      random.chance(0.35)
        ? backdropSpot(random)
        : { ...spot, x: spot.x + random.float(-50, 50), y: spot.y + random.float(-50, 50) },
    ),
  };
}

export interface PortraitOptions {
  width: number;
  height: number;
  look: Look;
  condition: Condition;
  shot: Shot;
  /** EXIF to write, keyed by IFD as sharp expects (IFD0: Make, Model, Software; IFD2: DateTimeOriginal). */
  exif: Record<string, Record<string, string>> | null;
}

export async function renderPortrait(options: PortraitOptions): Promise<Buffer> {
  const backdrop = png(backdropWidth, backdropHeight, backdropPixels(options.look, options.shot));
  let image = sharp(Buffer.from(portraitSvg(options, backdrop))).jpeg({ quality: 80 });
  if (options.exif) image = image.withExif(options.exif);
  return image.toBuffer();
}

const backdropWidth = 60;
const backdropHeight = 75;

/**
 * The out-of-focus room behind the patient, computed at an eighth of the 480x600 frame and
 * enlarged when drawn: blurred light and shadow cost far less this way than as SVG gradients.
 */
function backdropPixels(look: Look, shot: Shot): Buffer {
  const pixels = Buffer.alloc(backdropWidth * backdropHeight * 3);
  const [from, to] = look.background.map(rgb);
  const angle = (shot.backgroundAngle * Math.PI) / 180;
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  for (let py = 0; py < backdropHeight; py++) {
    for (let px = 0; px < backdropWidth; px++) {
      const x = (px + 0.5) * 8;
      const y = (py + 0.5) * 8;
      const along = Math.min(1, Math.max(0, 0.5 + (x / 480 - 0.5) * dx + (y / 600 - 0.5) * dy));
      let r = from[0] + (to[0] - from[0]) * along;
      let g = from[1] + (to[1] - from[1]) * along;
      let b = from[2] + (to[2] - from[2]) * along;
      for (const spot of shot.backdrop) {
        const reach = 1 - Math.hypot(x - spot.x, y - spot.y) / spot.r;
        if (reach <= 0) continue;
        const alpha = spot.opacity * reach;
        const tone = spot.light ? 255 * alpha : 0;
        r = r * (1 - alpha) + tone;
        g = g * (1 - alpha) + tone;
        b = b * (1 - alpha) + tone;
      }
      const offset = (py * backdropWidth + px) * 3;
      pixels[offset] = Math.round(r);
      pixels[offset + 1] = Math.round(g);
      pixels[offset + 2] = Math.round(b);
    }
  }
  return pixels;
}

/** One chunk of a PNG file: its length, type, data and CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const framed = Buffer.alloc(body.length + 8);
  framed.writeUInt32BE(data.length, 0);
  body.copy(framed, 4);
  framed.writeUInt32BE(crc32(body), body.length + 4);
  return framed;
}

/** A minimal 8-bit RGB PNG, so the small backdrop goes into the SVG without a round trip through sharp. */
function png(width: number, height: number, pixels: Buffer): Buffer {
  const stride = width * 3;
  const scanlines = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) pixels.copy(scanlines, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(scanlines)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An edit of an existing photograph: the same shot, brightened and smoothed, saved again. */
export async function retouched(jpeg: Buffer, exif: PortraitOptions['exif']): Promise<Buffer> {
  let image = sharp(jpeg).modulate({ brightness: 1.06, saturation: 1.05 }).blur(0.8).jpeg({ quality: 82 });
  if (exif) image = image.withExif(exif);
  return image.toBuffer();
}

/** The photograph flipped left to right and saved again, without the camera's metadata. */
export async function mirrored(jpeg: Buffer, exif: PortraitOptions['exif']): Promise<Buffer> {
  let image = sharp(jpeg).flop().jpeg({ quality: 80 });
  if (exif) image = image.withExif(exif);
  return image.toBuffer();
}

function portraitSvg({ width, height, look, condition: c, shot }: PortraitOptions, backdrop: Buffer): string {
  const w = look.headWidth;
  const h = look.headHeight;
  const jawWidth = w * (0.5 + 0.35 * look.jaw);
  const shade = mix(look.skin, '#3a2218', 0.35);
  const crease = mix(look.skin, '#2a160e', 0.55);
  const lightX = (0.5 + 0.3 * shot.light).toFixed(2);
  const n = (value: number) => value.toFixed(1);
  const both = (draw: (side: number) => string) => draw(-1) + draw(1);
  const part = look.partSide * w * 0.35;

  const hairBack =
    look.hairStyle === 'long'
      ? `<path d="M ${n(-w - 18)} -20 C ${n(-w - 34)} ${n(h * 0.8)} ${n(-w - 12)} ${n(h * 1.45)} ${n(-w * 0.55)} ${n(h * 1.55)} L ${n(w * 0.55)} ${n(h * 1.55)} C ${n(w + 12)} ${n(h * 1.45)} ${n(w + 34)} ${n(h * 0.8)} ${n(w + 18)} -20 Z" fill="${look.hair}"/>`
      : look.hairStyle === 'bob'
        ? `<path d="M ${n(-w - 16)} -20 C ${n(-w - 26)} ${n(h * 0.5)} ${n(-w - 10)} ${n(h * 0.75)} ${n(-w * 0.7)} ${n(h * 0.72)} L ${n(w * 0.7)} ${n(h * 0.72)} C ${n(w + 10)} ${n(h * 0.75)} ${n(w + 26)} ${n(h * 0.5)} ${n(w + 16)} -20 Z" fill="${look.hair}"/>`
        : look.hairStyle === 'bun'
          ? `<circle cx="${n(look.partSide * 24)}" cy="${n(-h * 1.02)}" r="40" fill="${look.hair}"/>`
          : '';
  const hairFront =
    look.hairStyle === 'short'
      ? `<path d="M ${n(-w - 4)} -30 C ${n(-w - 10)} ${n(-h * 1.3)} ${n(w + 10)} ${n(-h * 1.3)} ${n(w + 4)} -30 C ${n(w - 6)} ${n(-h * 0.62)} ${n(part + 30)} ${n(-h * 0.8)} ${n(part)} ${n(-h * 0.76)} C ${n(part - 30)} ${n(-h * 0.72)} ${n(-w + 6)} ${n(-h * 0.62)} ${n(-w - 4)} -30 Z" fill="${look.hair}"/>`
      : `<path d="M ${n(-w - 8)} 10 C ${n(-w - 16)} ${n(-h * 1.36)} ${n(w + 16)} ${n(-h * 1.36)} ${n(w + 8)} 10 C ${n(w - 2)} ${n(-h * 0.4)} ${n(part + 55)} ${n(-h * 0.7)} ${n(part)} ${n(-h * 0.68)} C ${n(part - 45)} ${n(-h * 0.6)} ${n(-w + 4)} ${n(-h * 0.45)} ${n(-w - 8)} 10 Z" fill="${look.hair}"/>`;

  const lineOpacity = (0.1 + 0.55 * c.lines).toFixed(2);
  const lineWidth = n(1.2 + 1.6 * c.lines);
  const foreheadLines = Array.from({ length: Math.round(c.lines * 3) }, (_, i) => {
    const y = -66 - i * 11;
    return `<path d="M -52 ${y} Q 0 ${y - 6} 52 ${y}" stroke="${crease}" stroke-opacity="${lineOpacity}" stroke-width="${lineWidth}" fill="none"/>`;
  }).join('');
  const frownLines =
    c.lines > 0.3
      ? both(
          (s) =>
            `<path d="M ${s * 8} -48 L ${s * 6} -31" stroke="${crease}" stroke-opacity="${lineOpacity}" stroke-width="${lineWidth}"/>`,
        )
      : '';
  const crowsFeet = both((s) =>
    [-8, 0, 8]
      .slice(0, Math.round(c.lines * 3))
      .map(
        (dy) =>
          `<path d="M ${s * 62} -12 L ${s * 80} ${-12 + dy * 1.3}" stroke="${crease}" stroke-opacity="${lineOpacity}" stroke-width="${lineWidth}"/>`,
      )
      .join(''),
  );
  const spots = look.marks
    .slice(0, Math.round(c.spots * look.marks.length))
    .map(
      (m) =>
        `<circle cx="${n(m.x)}" cy="${n(m.y)}" r="${n(m.r)}" fill="#6b4226" fill-opacity="${(0.25 + 0.4 * c.spots).toFixed(2)}"/>`,
    )
    .join('');
  const scars = look.marks
    .slice(0, Math.round(c.texture * look.marks.length))
    .map(
      (m) =>
        `<circle cx="${n(m.y * 0.9)}" cy="${n(Math.abs(m.x) * 0.4 + 15)}" r="${n(m.r * 0.8)}" fill="${shade}" fill-opacity="${(0.2 + 0.4 * c.texture).toFixed(2)}"/>`,
    )
    .join('');
  const noseWidth = 1 + 0.3 * c.noseHump;

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 480 600" preserveAspectRatio="xMidYMid slice">
<image href="data:image/png;base64,${backdrop.toString('base64')}" width="480" height="600" preserveAspectRatio="none"/>
<defs>
<radialGradient id="skin" cx="${lightX}" cy="0.4" r="0.75"><stop offset="0" stop-color="${mix(look.skin, '#ffffff', 0.12)}"/><stop offset="0.7" stop-color="${look.skin}"/><stop offset="1" stop-color="${shade}"/></radialGradient>
<linearGradient id="light" x1="${shot.light < 0 ? 0 : 1}" y1="0" x2="${shot.light < 0 ? 1 : 0}" y2="0"><stop offset="0" stop-color="#ffffff" stop-opacity="${(0.28 * Math.abs(shot.light)).toFixed(2)}"/><stop offset="1" stop-color="#000000" stop-opacity="${(0.22 * Math.abs(shot.light)).toFixed(2)}"/></linearGradient>
</defs>
<g transform="translate(${n(shot.x)} ${n(shot.y)}) rotate(${n(shot.tilt)}) scale(${shot.scale.toFixed(3)})">
${hairBack}
<rect x="${n(-w * 0.42)}" y="${n(h * 0.45)}" width="${n(w * 0.84)}" height="${n(h * 0.55 + 90)}" fill="${shade}"/>
<path d="M ${n(-w * 2.7)} ${n(h + 280)} Q ${n(-w * 2.3)} ${n(h + 100)} ${n(-w * 0.5)} ${n(h + 70)} Q 0 ${n(h + 95)} ${n(w * 0.5)} ${n(h + 70)} Q ${n(w * 2.3)} ${n(h + 100)} ${n(w * 2.7)} ${n(h + 280)} Z" fill="${look.clothing}"/>
${both((s) => `<ellipse cx="${n(s * (w + 1))}" cy="2" rx="13" ry="25" fill="${look.skin}"/>`)}
<path d="M ${n(-w)} -10 C ${n(-w)} ${n(-h * 1.25)} ${n(w)} ${n(-h * 1.25)} ${n(w)} -10 C ${n(w)} ${n(h * 0.45)} ${n(jawWidth)} ${n(h * 0.92)} 0 ${n(h)} C ${n(-jawWidth)} ${n(h * 0.92)} ${n(-w)} ${n(h * 0.45)} ${n(-w)} -10 Z" fill="url(#skin)"/>
<ellipse cx="0" cy="${n(h + 10)}" rx="${n(w * 0.5)}" ry="${n(4 + 14 * c.chinFat)}" fill="${shade}" fill-opacity="${(0.15 + 0.5 * c.chinFat).toFixed(2)}"/>
${both((s) => `<path d="M ${n(s * w * 0.78)} ${n(h * 0.5)} Q ${n(s * w * 0.64)} ${n(h * 0.84)} ${n(s * w * 0.34)} ${n(h * 0.93)}" stroke="${crease}" stroke-opacity="${(0.05 + 0.5 * c.jowls).toFixed(2)}" stroke-width="3" fill="none"/>`)}
${both((s) => `<ellipse cx="${s * 58}" cy="14" rx="24" ry="13" fill="#ffffff" fill-opacity="${(0.03 + 0.16 * c.cheekVolume).toFixed(2)}"/><path d="M ${s * 78} 30 Q ${s * 64} 52 ${s * 44} 58" stroke="${shade}" stroke-opacity="${(0.35 * (1 - c.cheekVolume)).toFixed(2)}" stroke-width="6" fill="none"/>`)}
${both((s) => `<ellipse cx="${s * 56}" cy="34" rx="20" ry="12" fill="#e07a7a" fill-opacity="0.18"/>`)}
${spots}${scars}${foreheadLines}${frownLines}${crowsFeet}
${both((s) => `<path d="M ${s * 18} -36 Q ${s * 42} -47 ${s * 66} -36" stroke="${mix(look.hair, '#000000', 0.3)}" stroke-width="6" stroke-linecap="round" fill="none"/>`)}
${both((s) => `<path d="M ${s * 22} -4 Q ${s * 40} ${n(8 + 8 * c.hollows)} ${s * 58} -4" stroke="${crease}" stroke-opacity="${(0.05 + 0.5 * c.hollows).toFixed(2)}" stroke-width="${n(4 + 5 * c.hollows)}" fill="none"/>`)}
${both((s) => `<ellipse cx="${s * 40}" cy="-12" rx="18" ry="8.5" fill="#fbfaf7"/><circle cx="${s * 40}" cy="-12" r="7" fill="${look.eyes}"/><circle cx="${s * 40}" cy="-12" r="3.2" fill="#111111"/><path d="M ${s * 22} -13 Q ${s * 40} -24 ${s * 58} -13" stroke="${crease}" stroke-width="2.5" fill="none"/>`)}
${both((s) => `<path d="M ${s * 19} ${n(-24 + 7 * c.hooding)} Q ${s * 40} ${n(-30 + 14 * c.hooding)} ${s * 61} ${n(-20 + 5 * c.hooding)} L ${s * 61} -30 Q ${s * 40} -36 ${s * 19} -30 Z" fill="${look.skin}" stroke="${crease}" stroke-opacity="${(0.25 + 0.4 * c.hooding).toFixed(2)}" stroke-width="1.5"/>`)}
${both((s) => `<path d="M ${s * 9} -6 Q ${n(s * (11 + 4 * c.noseHump))} 22 ${n(s * 15 * noseWidth)} 40" stroke="${shade}" stroke-opacity="0.55" stroke-width="2" fill="none"/>`)}
<path d="M ${n(-20 * noseWidth)} 42 Q ${n(-27 * noseWidth)} 53 -11 54 Q 0 58 11 54 Q ${n(27 * noseWidth)} 53 ${n(20 * noseWidth)} 42" stroke="${crease}" stroke-width="2.2" fill="none"/>
${c.noseHump > 0.2 ? `<ellipse cx="0" cy="12" rx="${n(4 + 5 * c.noseHump)}" ry="7" fill="${mix(look.skin, '#ffffff', 0.35)}" fill-opacity="0.7"/>` : ''}
${both((s) => `<path d="M ${s * 22} 48 Q ${s * 38} 72 ${s * 34} 96" stroke="${crease}" stroke-opacity="${(0.08 + 0.35 * c.lines + 0.25 * c.jowls).toFixed(2)}" stroke-width="2.5" fill="none"/>`)}
<path d="M -30 82 Q -14 ${n(74 - 9 * c.lipVolume)} 0 ${n(79 - 2 * c.lipVolume)} Q 14 ${n(74 - 9 * c.lipVolume)} 30 82 Q 0 86 -30 82 Z" fill="${mix(look.lips, '#000000', 0.08)}"/>
<path d="M -30 82 Q 0 ${n(94 + 14 * c.lipVolume)} 30 82 Q 0 86 -30 82 Z" fill="${look.lips}"/>
<path d="M -30 82 Q 0 86 30 82" stroke="${crease}" stroke-width="1.6" fill="none"/>
${hairFront}
</g>
<rect width="480" height="600" fill="url(#light)"/>
</svg>`;
}

const rgb = (hex: string) => [0, 1, 2].map((i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16));

/** A colour `amount` of the way from `from` to `to`. */
function mix(from: string, to: string, amount: number): string {
  const [a, b] = [rgb(from), rgb(to)];
  return `#${a
    .map((channel, i) =>
      Math.round(channel + (b[i] - channel) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

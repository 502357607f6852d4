/**
 * Finds the EXIF block of a HEIF/HEIC file: the item of type "Exif" listed in the `iinf` box and
 * located by the `iloc` box of the file's `meta` box (ISO/IEC 23008-12). Phones write the block
 * with an extent offset, encoders built on libheif with a base offset; both are read here, which
 * exifr's own HEIF reader does not (it ignores base offsets).
 */

interface Box {
  type: string;
  /** Where the box's content starts, after its header. */
  start: number;
  end: number;
}

function boxes(bytes: Uint8Array, start: number, end: number): Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: Box[] = [];
  let offset = start;
  while (offset + 8 <= end) {
    let size = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    let header = 8;
    if (size === 1) {
      size = Number(view.getBigUint64(offset + 8));
      header = 16;
    } else if (size === 0) size = end - offset;
    if (size < header || offset + size > end) break;
    found.push({ type, start: offset + header, end: offset + size });
    offset += size;
  }
  return found;
}

export function heifExifBlock(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const uint = (offset: number, size: number) =>
    size === 0
      ? 0
      : size === 2
        ? view.getUint16(offset)
        : size === 4
          ? view.getUint32(offset)
          : Number(view.getBigUint64(offset));
  try {
    const meta = boxes(bytes, 0, bytes.length).find((box) => box.type === 'meta');
    if (!meta) return null;
    // meta, iinf, infe and iloc are full boxes: a version byte and three flag bytes first.
    const children = boxes(bytes, meta.start + 4, meta.end);
    const iinf = children.find((box) => box.type === 'iinf');
    const iloc = children.find((box) => box.type === 'iloc');
    if (!iinf || !iloc) return null;
    const iinfVersion = bytes[iinf.start];
    const entriesAt = iinf.start + 4 + (iinfVersion === 0 ? 2 : 4);
    let exifId: number | null = null;
    for (const infe of boxes(bytes, entriesAt, iinf.end)) {
      const version = bytes[infe.start];
      if (infe.type !== 'infe' || version < 2) continue;
      const idSize = version === 2 ? 2 : 4;
      const type = String.fromCharCode(
        ...bytes.subarray(infe.start + 4 + idSize + 2, infe.start + 4 + idSize + 6),
      );
      if (type === 'Exif') exifId = uint(infe.start + 4, idSize);
    }
    if (exifId === null) return null;

    const version = bytes[iloc.start];
    let at = iloc.start + 4;
    const offsetSize = bytes[at] >> 4;
    const lengthSize = bytes[at] & 0xf;
    const baseOffsetSize = bytes[at + 1] >> 4;
    const indexSize = version === 0 ? 0 : bytes[at + 1] & 0xf;
    at += 2;
    const idSize = version === 2 ? 4 : 2;
    const count = uint(at, version === 2 ? 4 : 2);
    at += version === 2 ? 4 : 2;
    for (let item = 0; item < count; item++) {
      const id = uint(at, idSize);
      at += idSize;
      const method = version === 0 ? 0 : view.getUint16(at) & 0xf;
      if (version !== 0) at += 2;
      at += 2; // data_reference_index
      const base = uint(at, baseOffsetSize);
      at += baseOffsetSize;
      const extents = view.getUint16(at);
      at += 2;
      if (id === exifId) {
        // Only data in the file itself (construction method 0) is read; idat-held EXIF is rare.
        if (method !== 0 || extents < 1) return null;
        const offset = base + uint(at + indexSize, offsetSize);
        const length = uint(at + indexSize + offsetSize, lengthSize);
        // The item starts with the offset of the TIFF header within it.
        const tiffAt = offset + 4 + view.getUint32(offset);
        const end = length === 0 ? bytes.length : offset + length;
        return tiffAt < end && end <= bytes.length ? bytes.subarray(tiffAt, end) : null;
      }
      at += extents * (indexSize + offsetSize + lengthSize);
    }
    return null;
  } catch {
    // A malformed container has no EXIF we can trust.
    return null;
  }
}

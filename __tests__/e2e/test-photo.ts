/** A photo for the repair browser tests, made in code. */
import zlib from 'node:zlib'

/**
 * A real PNG (a grey road with a dark hole) made here, so the test needs
 * no binary file; the backend reads the type from these bytes.
 */
export function roadPhoto(width = 160, height = 120): Buffer {
  const rows = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x++) {
      const hole = (x - 80) ** 2 + ((y - 60) * 1.6) ** 2 < 900
      row.fill(hole ? 40 : 150 + ((x * 7 + y * 3) % 30), 1 + x * 3, 4 + x * 3)
    }
    rows.push(row)
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

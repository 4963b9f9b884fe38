import { crc32, deflateRawSync } from 'node:zlib';
import { unzipEntry, zipEntries } from './readers.ts';

/*
 * A minimal zip writer for hostile uploads: entries deflated (or stored) with the sizes the test wants the central
 * directory to declare, so a test can build a zip bomb, or an archive that lies about its sizes, in memory.
 */

export interface ZipInput {
  name: string;
  data: Buffer;
  /** Store instead of deflate. */
  store?: boolean;
  /** The unpacked size the headers declare, when it should not be the true one. */
  declaredSize?: number;
  method?: number;
  flags?: number;
}

export function writeZip(entries: ZipInput[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = e.store ? e.data : deflateRawSync(e.data);
    const method = e.method ?? (e.store ? 0 : 8);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(e.flags ?? 0, 8);
    head.writeUInt16LE(method, 10);
    head.writeUInt32LE(crc32(e.data), 16);
    head.writeUInt32LE(packed.length, 20);
    head.writeUInt32LE(size, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(head, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** The entries of a zip (an .xlsx Regie wrote: all XML) as text, to edit and write again. */
export function readZipText(zip: Buffer): { name: string; text: string }[] {
  return zipEntries(zip).map((name) => ({ name, text: unzipEntry(zip, name)! }));
}

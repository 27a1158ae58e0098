import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { type FileHandle, open, rename, rm, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';

/**
 * The container of a snapshot: a magic line, a small JSON header, then named sections of bytes, each with its
 * length and SHA-256 in the header. The header can be read alone (data version, counts) without the body;
 * sections are read one at a time, so a large snapshot is never held in memory whole.
 *
 *   POLICY-GRAPH-SNAPSHOT\n | header length (uint32 LE) | header (JSON, UTF-8) | section 1 | section 2 | …
 */
const magic = Buffer.from('POLICY-GRAPH-SNAPSHOT\n', 'latin1');

/** The format this code writes and reads; a snapshot of another format is refused (build it again from the files). */
export const snapshotFormat = 2;

const SectionInfo = z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type SectionInfo = z.infer<typeof SectionInfo>;

/** What a snapshot says about itself. `dataVersion` is the data files' version hash (as loadStore computes it). */
export const SnapshotHeader = z.object({
  format: z.number().int(),
  dataVersion: z.string(),
  files: z.number().int().nonnegative(),
  created: z.string(),
  entities: z.number().int().nonnegative(),
  relations: z.number().int().nonnegative(),
  sections: z.array(SectionInfo),
});
export type SnapshotHeader = z.infer<typeof SnapshotHeader>;

/** A snapshot that cannot be used: unreadable, corrupt, truncated or of another format. Names the file and what is wrong. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`snapshot ${file}: ${problem}`);
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Writes sections to a scratch body file as they come, then the final file (magic, header, body) beside the
 * target, renamed into place at the end: a reader never sees a half-written snapshot, and a failed write leaves
 * none behind.
 */
export class SnapshotWriter {
  private readonly sections: SectionInfo[] = [];

  private constructor(
    private readonly file: string,
    private readonly body: FileHandle,
    private readonly bodyFile: string,
  ) {}

  /** Starts a snapshot to be written at `file`. */
  static async create(file: string): Promise<SnapshotWriter> {
    const bodyFile = `${file}.body-${process.pid}.tmp`;
    return new SnapshotWriter(file, await open(bodyFile, 'w'), bodyFile);
  }

  /** Appends one section. */
  async section(name: string, bytes: Uint8Array): Promise<void> {
    await this.body.write(bytes);
    this.sections.push({ name, bytes: bytes.byteLength, sha256: sha256(bytes) });
  }

  /** Writes the header and the body into the final file. */
  async finish(header: Omit<SnapshotHeader, 'sections' | 'format'>): Promise<void> {
    await this.body.close();
    const head = Buffer.from(JSON.stringify({ format: snapshotFormat, ...header, sections: this.sections }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(head.byteLength);
    const partial = `${this.file}.${process.pid}.tmp`;
    try {
      await writeFile(partial, Buffer.concat([magic, length, head]));
      await pipeline(createReadStream(this.bodyFile), createWriteStream(partial, { flags: 'a' }));
      await rename(partial, this.file);
    } finally {
      await rm(partial, { force: true });
      await rm(this.bodyFile, { force: true });
    }
  }

  /** Gives up: removes the scratch file. */
  async abort(): Promise<void> {
    await this.body.close().catch(() => undefined);
    await rm(this.bodyFile, { force: true });
  }
}

/** An open snapshot: its header, checked, and its sections to read in order. */
export type SnapshotReader = {
  header: SnapshotHeader;
  /** Each section's bytes in file order, each checked against its SHA-256 before it is given. */
  sections(): AsyncGenerator<{ name: string; bytes: Buffer }>;
  close(): Promise<void>;
};

/**
 * Opens a snapshot and checks what can be checked before reading the body: the magic, the header, the format
 * and that the file is exactly as long as the header says (a truncated copy is refused here, before any work).
 */
export async function openSnapshot(file: string): Promise<SnapshotReader> {
  const handle = await open(file, 'r').catch((e: NodeJS.ErrnoException) => {
    throw new SnapshotError(file, `cannot open: ${e.code ?? e.message}`);
  });
  try {
    const size = (await handle.stat()).size;
    const read = async (position: number, length: number, what: string) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      if (bytesRead < length) throw new SnapshotError(file, `truncated: the file ends in the ${what} (byte ${position + bytesRead} of ${size})`);
      return buffer;
    };
    const start = await read(0, magic.length + 4, 'magic line').catch(() => Buffer.alloc(0));
    if (start.length === 0 || !start.subarray(0, magic.length).equals(magic)) {
      throw new SnapshotError(file, 'not a policy-graph snapshot (it does not start with POLICY-GRAPH-SNAPSHOT)');
    }
    const headerLength = start.readUInt32LE(magic.length);
    if (magic.length + 4 + headerLength > size) throw new SnapshotError(file, `truncated: the file ends in the header (${size} bytes)`);
    const headerText = (await read(magic.length + 4, headerLength, 'header')).toString('utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(headerText);
    } catch (e) {
      throw new SnapshotError(file, `the header is not valid JSON: ${(e as Error).message}`);
    }
    const format = (raw as { format?: unknown } | null)?.format;
    if (format !== snapshotFormat) throw new SnapshotError(file, `snapshot format ${String(format)}, but this version reads format ${snapshotFormat}: write the snapshot again`);
    const parsed = SnapshotHeader.safeParse(raw);
    if (!parsed.success) throw new SnapshotError(file, `the header is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const header = parsed.data;
    const bodyStart = magic.length + 4 + headerLength;
    const expected = bodyStart + header.sections.reduce((sum, s) => sum + s.bytes, 0);
    if (size < expected) throw new SnapshotError(file, `truncated: ${size} bytes, but its header describes ${expected}`);
    if (size > expected) throw new SnapshotError(file, `${size - expected} bytes after the last section: not a file this program wrote`);
    return {
      header,
      async *sections() {
        let position = bodyStart;
        for (const section of header.sections) {
          const bytes = await read(position, section.bytes, `section ${section.name}`);
          if (sha256(bytes) !== section.sha256) throw new SnapshotError(file, `section ${section.name} fails its checksum: the file is corrupt`);
          position += section.bytes;
          yield { name: section.name, bytes };
        }
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The header of a snapshot alone (data version, counts, sections), read without its body. */
export async function readSnapshotHeader(file: string): Promise<SnapshotHeader> {
  const reader = await openSnapshot(file);
  await reader.close();
  return reader.header;
}

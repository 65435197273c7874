/**
 * LSP base-protocol framing with recovery. vscode-jsonrpc stops understanding a stream after
 * one malformed header block (a missing or non-numeric Content-Length, a line without ":"):
 * every later message is lost and the server goes deaf. This filter passes well-formed
 * messages through byte for byte and drops a malformed header block, or the junk glued in
 * front of a real header.
 */
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /^content-length:\s*(\d+)\s*$/iu;
const HEADER_LINE = /^[\w-]+:.*$/u;
const NEXT_HEADER = Buffer.from('content-length:');

/** Offset of the first "Content-Length:" (any case) after the start, or -1. */
function nextHeader(buffer: Buffer): number {
  const lower = Buffer.from(buffer.toString('latin1').toLowerCase(), 'latin1');
  return lower.indexOf(NEXT_HEADER, 1);
}

export class ResyncingFraming extends Transform {
  private pending: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      const headerEnd = this.pending.indexOf(HEADER_END);
      if (headerEnd < 0) break;
      const lines = this.pending.toString('latin1', 0, headerEnd).split('\r\n');
      const length = lines.map((line) => CONTENT_LENGTH.exec(line)?.[1]).find((value) => value !== undefined);
      if (length === undefined || !lines.every((line) => HEADER_LINE.test(line))) {
        this.skip(headerEnd);
        continue;
      }
      const messageEnd = headerEnd + HEADER_END.length + Number(length);
      if (this.pending.length < messageEnd) break;
      this.push(this.pending.subarray(0, messageEnd));
      this.pending = this.pending.subarray(messageEnd);
    }
    callback();
  }

  private skip(headerEnd: number): void {
    // A body left over from a dropped block joins the next header: cut up to that header.
    const next = nextHeader(this.pending);
    const dropped = next >= 0 && next < headerEnd ? next : headerEnd + HEADER_END.length;
    this.emit('skipped', dropped);
    this.pending = this.pending.subarray(dropped);
  }
}

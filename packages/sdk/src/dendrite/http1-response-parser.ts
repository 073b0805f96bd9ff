/**
 * An incremental HTTP/1.x response parser for the dendrite's client: status line, headers, then a
 * body framed by content-length, chunked transfer coding, or the end of the connection. It keeps
 * no sockets and does no I/O, so every framing case is unit-tested on byte strings.
 *
 * Limits are part of parsing, not an afterthought: an axon is untrusted, so header bytes and body
 * bytes are capped while they arrive, never after buffering them.
 */

/** Response headers: lower-case names; repeated headers joined with ", " (set-cookie kept as a list). */
export type ResponseHeaders = Record<string, string | string[]>;

/** A complete response. */
export interface ParsedResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly body: Buffer;
  /** Whether the connection may carry another request. */
  readonly keepAlive: boolean;
}

/** The axon sent something that is not HTTP/1.x. */
export class HttpProtocolError extends Error {
  override readonly name = 'HttpProtocolError';
}

/** The body exceeded the caller's limit. */
export class ResponseTooLarge extends Error {
  override readonly name = 'ResponseTooLarge';
}

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: .*)?$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CHUNK_SIZE = /^([0-9A-Fa-f]{1,15})[ \t]*(?:;.*)?$/;

type State = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-data-end' | 'trailers' | 'eof' | 'done';

/** Parses one response; feed it bytes as they arrive. */
export class Http1ResponseParser {
  readonly #maxHeaderBytes: number;
  readonly #maxBodyBytes: number;
  #buf: Buffer = Buffer.alloc(0);
  #state: State = 'head';
  #status = 0;
  #headers: ResponseHeaders = {};
  #keepAlive = true;
  #remaining = 0;
  #body: Buffer[] = [];
  #bodyBytes = 0;
  #headerBytes = 0;
  #result: ParsedResponse | null = null;

  constructor(maxBodyBytes: number, maxHeaderBytes = 64 * 1024) {
    this.#maxBodyBytes = maxBodyBytes;
    this.#maxHeaderBytes = maxHeaderBytes;
  }

  /** The response, once complete. */
  get result(): ParsedResponse | null {
    return this.#result;
  }

  /** Whether the final (non-1xx) status line and headers have arrived. */
  get headersComplete(): boolean {
    return this.#state !== 'head';
  }

  /**
   * Consumes bytes. Returns bytes past the end of the response (an HTTP/1.1 server never sends
   * any, since requests are not pipelined), else null.
   * @throws HttpProtocolError for malformed framing, ResponseTooLarge past the body limit.
   */
  feed(chunk: Buffer): Buffer | null {
    this.#buf = this.#buf.length === 0 ? chunk : Buffer.concat([this.#buf, chunk]);
    for (;;) {
      switch (this.#state) {
        case 'head':
          if (!this.#head()) return null;
          break;
        case 'length': {
          const take = Math.min(this.#remaining, this.#buf.length);
          if (take > 0) {
            this.#push(this.#buf.subarray(0, take));
            this.#buf = this.#buf.subarray(take);
            this.#remaining -= take;
          }
          if (this.#remaining > 0) return null;
          this.#finish();
          break;
        }
        case 'chunk-size': {
          const line = this.#line(1024);
          if (line === null) return null;
          const m = CHUNK_SIZE.exec(line);
          if (m === null) throw new HttpProtocolError(`Malformed chunk size line "${line.slice(0, 40)}".`);
          this.#remaining = Number.parseInt(m[1] as string, 16);
          this.#state = this.#remaining === 0 ? 'trailers' : 'chunk-data';
          break;
        }
        case 'chunk-data': {
          const take = Math.min(this.#remaining, this.#buf.length);
          this.#push(this.#buf.subarray(0, take));
          this.#buf = this.#buf.subarray(take);
          this.#remaining -= take;
          if (this.#remaining > 0) return null;
          this.#state = 'chunk-data-end';
          break;
        }
        case 'chunk-data-end': {
          if (this.#buf.length < 2) return null;
          if (this.#buf[0] !== 13 || this.#buf[1] !== 10)
            throw new HttpProtocolError('Chunk data not followed by CRLF.');
          this.#buf = this.#buf.subarray(2);
          this.#state = 'chunk-size';
          break;
        }
        case 'trailers': {
          const line = this.#line(this.#maxHeaderBytes);
          if (line === null) return null;
          if (line === '') this.#finish();
          break;
        }
        case 'eof':
          if (this.#buf.length > 0) this.#push(this.#buf);
          this.#buf = Buffer.alloc(0);
          return null;
        case 'done': {
          const rest = this.#buf;
          this.#buf = Buffer.alloc(0);
          return rest.length > 0 ? rest : null;
        }
      }
    }
  }

  /**
   * The connection ended. Completes a body that runs to the end of the connection.
   * @throws HttpProtocolError when the response was cut short.
   */
  end(): void {
    if (this.#state === 'done') return;
    if (this.#state === 'eof') {
      this.#finish();
      return;
    }
    throw new HttpProtocolError(
      this.#state === 'head' ? 'Connection closed before the response headers.' : 'Connection closed mid-body.',
    );
  }

  #push(part: Buffer): void {
    this.#bodyBytes += part.length;
    if (this.#bodyBytes > this.#maxBodyBytes)
      throw new ResponseTooLarge(`Response body longer than ${this.#maxBodyBytes} bytes.`);
    this.#body.push(part);
  }

  #finish(): void {
    const body = this.#body.length === 1 ? (this.#body[0] as Buffer) : Buffer.concat(this.#body, this.#bodyBytes);
    this.#result = { status: this.#status, headers: this.#headers, body, keepAlive: this.#keepAlive };
    this.#state = 'done';
  }

  /** One CRLF-terminated line (without it), or null until it is complete. */
  #line(max: number): string | null {
    const at = this.#buf.indexOf(CRLF);
    if (at < 0) {
      if (this.#buf.length > max) throw new HttpProtocolError(`Line longer than ${max} bytes.`);
      return null;
    }
    const line = this.#buf.toString('latin1', 0, at);
    this.#buf = this.#buf.subarray(at + 2);
    return line;
  }

  /** Parses a head if complete; returns whether it did. */
  #head(): boolean {
    const at = this.#buf.indexOf(HEAD_END);
    if (at < 0) {
      if (this.#headerBytes + this.#buf.length > this.#maxHeaderBytes)
        throw new HttpProtocolError(`Response headers longer than ${this.#maxHeaderBytes} bytes.`);
      return false;
    }
    this.#headerBytes += at + 4;
    if (this.#headerBytes > this.#maxHeaderBytes)
      throw new HttpProtocolError(`Response headers longer than ${this.#maxHeaderBytes} bytes.`);
    const lines = this.#buf.toString('latin1', 0, at).split('\r\n');
    this.#buf = this.#buf.subarray(at + 4);
    const m = STATUS_LINE.exec(lines[0] as string);
    if (m === null) throw new HttpProtocolError(`Not an HTTP/1.x status line: "${(lines[0] as string).slice(0, 40)}".`);
    const minor = m[1] as string;
    const status = Number(m[2]);
    const headers: ResponseHeaders = {};
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] as string;
      const colon = line.indexOf(':');
      const name = colon > 0 ? line.slice(0, colon) : '';
      if (!TOKEN.test(name)) throw new HttpProtocolError(`Malformed header line "${line.slice(0, 40)}".`);
      const key = name.toLowerCase();
      const value = line.slice(colon + 1).trim();
      const prev = headers[key];
      if (key === 'set-cookie') headers[key] = prev === undefined ? [value] : [...(prev as string[]), value];
      else headers[key] = prev === undefined ? value : `${prev as string}, ${value}`;
    }
    // Informational answers (100 Continue, 103 Early Hints) precede the real one.
    if (status >= 100 && status < 200) return true;
    this.#status = status;
    this.#headers = headers;
    const connection = String(headers.connection ?? '').toLowerCase();
    this.#keepAlive = minor === '1' ? !/\bclose\b/.test(connection) : /\bkeep-alive\b/.test(connection);
    const te = String(headers['transfer-encoding'] ?? '').toLowerCase();
    const cl = headers['content-length'];
    if (status === 204 || status === 304) {
      this.#finish();
    } else if (te !== '') {
      // Only plain chunked: the dendrite asks for no content coding, so "gzip, chunked" would hand
      // the caller compressed bytes as if they were JSON.
      if (te.trim() !== 'chunked') throw new HttpProtocolError(`Unsupported transfer-encoding "${te}".`);
      this.#state = 'chunk-size';
    } else if (cl !== undefined) {
      const text = String(cl);
      if (!/^\d{1,15}$/.test(text)) throw new HttpProtocolError(`Malformed content-length "${text.slice(0, 40)}".`);
      this.#remaining = Number(text);
      if (this.#remaining > this.#maxBodyBytes)
        throw new ResponseTooLarge(`Response body longer than ${this.#maxBodyBytes} bytes.`);
      this.#state = 'length';
    } else {
      this.#keepAlive = false;
      this.#state = 'eof';
    }
    return true;
  }
}

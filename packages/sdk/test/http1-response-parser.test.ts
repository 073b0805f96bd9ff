/**
 * The dendrite's HTTP/1.x response parser on byte strings: every framing (content-length, chunked,
 * until EOF), informational answers, header folding rules, leftovers past the response, and each
 * way a response is refused — checked whole, byte by byte, at every split point, and on random
 * bodies and chunkings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Http1ResponseParser,
  HttpProtocolError,
  type ParsedResponse,
  ResponseTooLarge,
} from '../src/dendrite/http1-response-parser.js';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');
const MiB = 1024 * 1024;

/** Feeds `pieces` in order; returns the result and every leftover the parser handed back, concatenated. */
function feedAll(
  parser: Http1ResponseParser,
  pieces: readonly Buffer[],
): { result: ParsedResponse | null; leftover: Buffer } {
  const rest: Buffer[] = [];
  for (const piece of pieces) {
    const extra = parser.feed(piece);
    if (extra !== null) rest.push(extra);
  }
  return { result: parser.result, leftover: Buffer.concat(rest) };
}

/** `wire` cut at `cuts` (positions, any order, duplicates and out-of-range values allowed). */
function split(wire: Buffer, cuts: readonly number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((x, y) => x - y);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const c of at) {
    pieces.push(wire.subarray(from, c));
    from = c;
  }
  pieces.push(wire.subarray(from));
  return pieces;
}

const bytewise = (wire: Buffer): Buffer[] => Array.from(wire, (_, i) => wire.subarray(i, i + 1));

/** Parses `wire` in one piece and returns the complete result (fails the test if incomplete). */
function parseWhole(wire: Buffer | string, maxBody = MiB, maxHeader?: number): ParsedResponse {
  const p = new Http1ResponseParser(maxBody, maxHeader);
  const extra = p.feed(typeof wire === 'string' ? b(wire) : wire);
  expect(extra).toBeNull();
  const r = p.result;
  if (r === null) throw new Error('response incomplete');
  return r;
}

/** The error `fn` throws (fails the test if it does not throw). */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('content-length bodies', () => {
  const wire = b('HTTP/1.1 200 OK\r\nContent-Length: 11\r\nX-A: b\r\n\r\nhello world');

  it('parses a body fed one byte at a time, completing on exactly the last byte', () => {
    const p = new Http1ResponseParser(MiB);
    const headEnd = wire.indexOf('\r\n\r\n') + 4;
    for (let i = 0; i < wire.length; i++) {
      expect(p.headersComplete).toBe(i >= headEnd);
      expect(p.result).toBeNull();
      expect(p.feed(wire.subarray(i, i + 1))).toBeNull();
    }
    expect(p.headersComplete).toBe(true);
    expect(p.result).toEqual({
      status: 200,
      headers: { 'content-length': '11', 'x-a': 'b' },
      body: b('hello world'),
      keepAlive: true,
    });
  });

  it('parses the same response at every split point', () => {
    for (let i = 0; i <= wire.length; i++) {
      const { result, leftover } = feedAll(new Http1ResponseParser(MiB), split(wire, [i]));
      expect(result?.body.toString()).toBe('hello world');
      expect(leftover.length).toBe(0);
    }
  });

  it('completes a zero-length body with the head', () => {
    const r = parseWhole('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n');
    expect(r.body.length).toBe(0);
    expect(r.keepAlive).toBe(true);
  });

  it('keeps binary and non-ASCII body bytes exact', () => {
    const body = Buffer.concat([Buffer.from('héllo ✓ 🚀', 'utf8'), Buffer.from([0, 13, 10, 255, 128])]);
    const w = Buffer.concat([b(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`), body]);
    expect(parseWhole(w).body.equals(body)).toBe(true);
  });

  it('returns bytes past the end of the response, in the same chunk or later ones', () => {
    const p = new Http1ResponseParser(MiB);
    expect(p.feed(Buffer.concat([wire, b('HTTP/1.1 200')])) ?? Buffer.alloc(0)).toEqual(b('HTTP/1.1 200'));
    expect(p.result?.body.toString()).toBe('hello world');
    expect(p.feed(b('more'))).toEqual(b('more'));
    expect(p.feed(Buffer.alloc(0))).toBeNull();
    // The result is not disturbed by bytes after it.
    expect(p.result?.body.toString()).toBe('hello world');
  });

  it('accepts a content-length exactly at the body limit', () => {
    expect(parseWhole('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabcde', 5).body.toString()).toBe('abcde');
  });
});

describe('chunked bodies', () => {
  const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Before: 1\r\n\r\n';
  const chunks =
    '5;ext=1\r\nhello\r\n' +
    '1\r\n \r\n' +
    '5 ; name="quoted;value"\r\nworld\r\n' +
    'A\r\n0123456789\r\n' +
    'b\r\nabcdefghijk\r\n' +
    '0;last\r\nX-Trailer: t\r\nOther-Trailer: u\r\n\r\n';
  const wire = b(head + chunks);
  const expected = 'hello world0123456789abcdefghijk';

  it('joins several chunks, with extensions, hex in either case, and trailers', () => {
    const r = parseWhole(wire);
    expect(r.body.toString()).toBe(expected);
    expect(r.status).toBe(200);
    expect(r.keepAlive).toBe(true);
    // Trailers are consumed, not merged into the headers.
    expect(r.headers).toEqual({ 'transfer-encoding': 'chunked', 'x-before': '1' });
  });

  it('parses byte by byte, completing only on the final CRLF', () => {
    const p = new Http1ResponseParser(MiB);
    const pieces = bytewise(wire);
    for (const [i, piece] of pieces.entries()) {
      expect(p.result).toBeNull();
      expect(p.feed(piece)).toBeNull();
      if (i < pieces.length - 1) expect(p.result).toBeNull();
    }
    expect(p.result?.body.toString()).toBe(expected);
  });

  it('parses identically when split at every pair of positions', () => {
    for (let i = 0; i <= wire.length; i++) {
      for (let j = i; j <= wire.length; j++) {
        const { result, leftover } = feedAll(new Http1ResponseParser(MiB), split(wire, [i, j]));
        if (result?.body.toString() !== expected) throw new Error(`split at ${i},${j}: ${String(result?.body)}`);
        expect(leftover.length).toBe(0);
      }
    }
  });

  it('completes with no trailers and returns what follows the last chunk', () => {
    const p = new Http1ResponseParser(MiB);
    const extra = p.feed(b(`${head}3\r\nabc\r\n0\r\n\r\nNEXT`));
    expect(extra).toEqual(b('NEXT'));
    expect(p.result?.body.toString()).toBe('abc');
  });

  it('is chunked when transfer-encoding is present, whatever content-length says', () => {
    const r = parseWhole(
      'HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: Chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n',
    );
    expect(r.body.toString()).toBe('ok');
  });

  it('accepts a chunked body exactly at the limit', () => {
    expect(parseWhole(`${head}6\r\nabcdef\r\n4\r\nghij\r\n0\r\n\r\n`, 10).body.toString()).toBe('abcdefghij');
  });
});

describe('bodies running to the end of the connection', () => {
  it('collects everything until end(), and the connection is not reusable', () => {
    const p = new Http1ResponseParser(MiB);
    expect(p.feed(b('HTTP/1.1 200 OK\r\nX-Y: z\r\n\r\nabc'))).toBeNull();
    expect(p.headersComplete).toBe(true);
    expect(p.feed(b('def'))).toBeNull();
    expect(p.feed(b('HTTP/1.1 200 OK\r\n\r\n'))).toBeNull(); // looks like a response, but it is body
    expect(p.result).toBeNull();
    p.end();
    expect(p.result?.body.toString()).toBe('abcdefHTTP/1.1 200 OK\r\n\r\n');
    expect(p.result?.keepAlive).toBe(false);
    expect(p.result?.status).toBe(200);
  });

  it('completes an empty body at end()', () => {
    const p = new Http1ResponseParser(MiB);
    p.feed(b('HTTP/1.1 500 Internal Server Error\r\n\r\n'));
    p.end();
    expect(p.result).toEqual({ status: 500, headers: {}, body: Buffer.alloc(0), keepAlive: false });
  });

  it('caps the body as it arrives', () => {
    const p = new Http1ResponseParser(5);
    p.feed(b('HTTP/1.1 200 OK\r\n\r\nabc'));
    p.feed(b('de'));
    expect(() => p.feed(b('f'))).toThrow(ResponseTooLarge);
  });

  it('end() after a complete response is a no-op', () => {
    const p = new Http1ResponseParser(MiB);
    p.feed(b('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'));
    const r = p.result;
    p.end();
    expect(p.result).toBe(r);
  });
});

describe('keep-alive', () => {
  it('HTTP/1.1 keeps the connection unless connection: close', () => {
    expect(parseWhole('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(true);
    expect(parseWhole('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(false);
    expect(parseWhole('HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(false);
    expect(parseWhole('HTTP/1.1 200 OK\r\nConnection: keep-alive, close\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(
      false,
    );
    expect(parseWhole('HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(true);
    const chunked = parseWhole('HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n');
    expect(chunked.keepAlive).toBe(false);
  });

  it('HTTP/1.0 closes unless connection: keep-alive', () => {
    const closes = parseWhole('HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok');
    expect(closes.keepAlive).toBe(false);
    expect(closes.body.toString()).toBe('ok');
    expect(parseWhole('HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(true);
  });

  it('HTTP/1.0 keep-alive without a length still runs to EOF and closes', () => {
    const p = new Http1ResponseParser(MiB);
    p.feed(b('HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n\r\nxyz'));
    p.end();
    expect(p.result?.body.toString()).toBe('xyz');
    expect(p.result?.keepAlive).toBe(false);
  });
});

describe('informational answers and bodiless statuses', () => {
  const wire = b(
    'HTTP/1.1 100 Continue\r\n\r\n' +
      'HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n' +
      'HTTP/1.1 201 Created\r\nContent-Length: 4\r\nX-Real: yes\r\n\r\ndone',
  );

  it('skips 100 and 103 and returns the final answer only', () => {
    const r = parseWhole(wire);
    expect(r.status).toBe(201);
    expect(r.headers).toEqual({ 'content-length': '4', 'x-real': 'yes' });
    expect(r.body.toString()).toBe('done');
  });

  it('does not report headers complete after an informational head', () => {
    const p = new Http1ResponseParser(MiB);
    p.feed(b('HTTP/1.1 100 Continue\r\n\r\n'));
    expect(p.headersComplete).toBe(false);
    expect(p.result).toBeNull();
    p.feed(b('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'));
    expect(p.headersComplete).toBe(true);
    expect(p.result?.status).toBe(200);
  });

  it('skips informational heads at every split point', () => {
    for (let i = 0; i <= wire.length; i++) {
      for (let j = i; j <= wire.length; j += 7) {
        const { result } = feedAll(new Http1ResponseParser(MiB), split(wire, [i, j]));
        expect(result?.status).toBe(201);
        expect(result?.body.toString()).toBe('done');
      }
    }
  });

  it('counts informational heads toward the header limit', () => {
    const p = new Http1ResponseParser(MiB, 1000);
    expect(() => p.feed(b('HTTP/1.1 100 Continue\r\n\r\n'.repeat(100)))).toThrow(HttpProtocolError);
  });

  it('completes 204 and 304 with no body, whatever their headers say', () => {
    const p = new Http1ResponseParser(MiB);
    expect(p.feed(b('HTTP/1.1 204 No Content\r\nX: y\r\n\r\n'))).toBeNull();
    expect(p.result).toEqual({ status: 204, headers: { x: 'y' }, body: Buffer.alloc(0), keepAlive: true });
    const q = new Http1ResponseParser(MiB);
    const extra = q.feed(b('HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\nabcde'));
    expect(q.result?.status).toBe(304);
    expect(q.result?.body.length).toBe(0);
    expect(extra).toEqual(b('abcde'));
  });
});

describe('headers and status line', () => {
  it('lower-cases names, trims values, joins repeats and keeps set-cookie as a list', () => {
    const r = parseWhole(
      'HTTP/1.1 200 OK\r\n' +
        'X-Multi: a\r\n' +
        'Set-Cookie: a=1; Path=/\r\n' +
        'x-multi:b\r\n' +
        'SET-COOKIE: b=2\r\n' +
        'X-MULTI: \t c \t\r\n' +
        'X-Url: http://host:8080/a\r\n' +
        'X-Empty:\r\n' +
        'Content-Length: 0\r\n\r\n',
    );
    expect(r.headers).toEqual({
      'x-multi': 'a, b, c',
      'set-cookie': ['a=1; Path=/', 'b=2'],
      'x-url': 'http://host:8080/a',
      'x-empty': '',
      'content-length': '0',
    });
  });

  it('keeps a single set-cookie as a one-element list', () => {
    expect(parseWhole('HTTP/1.1 200 OK\r\nSet-Cookie: only=1\r\nContent-Length: 0\r\n\r\n').headers).toEqual({
      'set-cookie': ['only=1'],
      'content-length': '0',
    });
  });

  it('reads header values as latin1 bytes, not UTF-8', () => {
    const head = Buffer.concat([
      b('HTTP/1.1 200 OK\r\nX-Bin: '),
      Buffer.from([0xe9, 0xff]),
      b('\r\nContent-Length: 0\r\n\r\n'),
    ]);
    expect(parseWhole(head).headers['x-bin']).toBe('\u00e9\u00ff');
  });

  it('accepts a status line without a reason phrase, or with spaces in it', () => {
    expect(parseWhole('HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n').status).toBe(404);
    expect(parseWhole('HTTP/1.1 418 I am a teapot\r\nContent-Length: 0\r\n\r\n').status).toBe(418);
    expect(parseWhole('HTTP/1.1 599 \r\nContent-Length: 0\r\n\r\n').status).toBe(599);
  });
});

describe('refusals', () => {
  it.each([
    ['HTTP/2 200 OK'],
    ['HTTP/2.0 200 OK'],
    ['HTTP/1.2 200 OK'],
    ['HTTP/1.1 20 OK'],
    ['HTTP/1.1 2000 OK'],
    ['HTTP/1.1  200 OK'],
    ['http/1.1 200 OK'],
    ['ICY 200 OK'],
    ['garbage'],
    [''],
  ])('rejects the status line %j', (line) => {
    const p = new Http1ResponseParser(MiB);
    const e = thrown(() => p.feed(b(`${line}\r\nContent-Length: 0\r\n\r\n`)));
    expect(e).toBeInstanceOf(HttpProtocolError);
    expect(e.message).toMatch(/status line/);
  });

  it.each([['NoColonHere'], [': empty name'], ['Bad Name: x'], [' Folded: continuation'], ['\tx: y'], ['X(y): z']])(
    'rejects the header line %j',
    (line) => {
      const p = new Http1ResponseParser(MiB);
      const e = thrown(() => p.feed(b(`HTTP/1.1 200 OK\r\nContent-Length: 0\r\n${line}\r\n\r\n`)));
      expect(e).toBeInstanceOf(HttpProtocolError);
      expect(e.message).toMatch(/Malformed header line/);
    },
  );

  it.each([['zz'], ['-1'], ['0x5'], [''], [' 5'], ['1234567890abcdef'], ['5 x']])(
    'rejects the chunk size line %j',
    (line) => {
      const p = new Http1ResponseParser(MiB);
      p.feed(b('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'));
      const e = thrown(() => p.feed(b(`${line}\r\nhello\r\n0\r\n\r\n`)));
      expect(e).toBeInstanceOf(HttpProtocolError);
      expect(e.message).toMatch(/chunk size/);
    },
  );

  it('rejects an endless chunk size line without waiting for its CRLF', () => {
    const p = new Http1ResponseParser(MiB);
    p.feed(b('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'));
    p.feed(b('5;'.padEnd(1024, 'x')));
    expect(() => p.feed(b('x'))).toThrow(HttpProtocolError);
  });

  it('rejects chunk data not followed by CRLF', () => {
    const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n';
    expect(() => new Http1ResponseParser(MiB).feed(b(`${head}5\r\nhelloXY0\r\n\r\n`))).toThrow(
      /Chunk data not followed by CRLF/,
    );
    expect(() => new Http1ResponseParser(MiB).feed(b(`${head}5\r\nhello\n\r0\r\n\r\n`))).toThrow(HttpProtocolError);
    // Half a CRLF is only incomplete; the wrong second byte is the error.
    const p = new Http1ResponseParser(MiB);
    expect(p.feed(b(`${head}5\r\nhello\r`))).toBeNull();
    expect(() => p.feed(b('X'))).toThrow(HttpProtocolError);
  });

  it('rejects a header section over the limit before its blank line arrives', () => {
    const p = new Http1ResponseParser(MiB, 100);
    const line = b(`HTTP/1.1 200 OK\r\nX-Long: ${'a'.repeat(200)}`);
    // Byte by byte: nothing is thrown up to the limit, the byte past it throws.
    for (let i = 0; i < 100; i++) p.feed(line.subarray(i, i + 1));
    const e = thrown(() => p.feed(line.subarray(100, 101)));
    expect(e).toBeInstanceOf(HttpProtocolError);
    expect(e.message).toMatch(/headers longer than 100 bytes/);
    // In one piece, without any CRLF CRLF.
    expect(() => new Http1ResponseParser(MiB, 100).feed(line)).toThrow(HttpProtocolError);
  });

  it('rejects a complete header section over the limit, and accepts one exactly at it', () => {
    const pad = (n: number): string => {
      const base = 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Pad: ';
      return `${base}${'p'.repeat(n - base.length - 4)}\r\n\r\n`;
    };
    expect(pad(100).length).toBe(100);
    expect(parseWhole(pad(100), MiB, 100).status).toBe(200);
    // The whole head plus a body in one chunk: the body bytes do not count as header bytes.
    const withBody = new Http1ResponseParser(MiB, 100);
    withBody.feed(b(`${pad(100).replace('Content-Length: 0', 'Content-Length: 9')}123456789`));
    expect(withBody.result?.body.toString()).toBe('123456789');
    const e = thrown(() => new Http1ResponseParser(MiB, 100).feed(b(pad(101))));
    expect(e).toBeInstanceOf(HttpProtocolError);
    expect(e.message).toMatch(/headers longer than 100 bytes/);
  });

  it('refuses a declared content-length over the limit at once, before any body byte', () => {
    const p = new Http1ResponseParser(10);
    const e = thrown(() => p.feed(b('HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n')));
    expect(e).toBeInstanceOf(ResponseTooLarge);
    expect(e).not.toBeInstanceOf(HttpProtocolError);
    expect(e.message).toMatch(/longer than 10 bytes/);
    expect(() =>
      new Http1ResponseParser(MiB).feed(b('HTTP/1.1 200 OK\r\nContent-Length: 999999999999999\r\n\r\n')),
    ).toThrow(ResponseTooLarge);
  });

  it('refuses a chunked body once its bytes pass the limit', () => {
    const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n';
    const p = new Http1ResponseParser(10);
    p.feed(b(`${head}6\r\nabcdef\r\n`));
    expect(() => p.feed(b('5\r\nghijk\r\n0\r\n\r\n'))).toThrow(ResponseTooLarge);
    // A huge declared chunk is refused as its data arrives, not when it ends.
    const q = new Http1ResponseParser(10);
    q.feed(b(`${head}fffffff\r\n0123456789`));
    expect(q.result).toBeNull();
    expect(() => q.feed(b('x'))).toThrow(ResponseTooLarge);
  });

  it.each([['abc'], ['-1'], ['1, 2'], ['1.5'], [''], ['1234567890123456']])(
    'rejects the content-length %j',
    (value) => {
      expect(() =>
        new Http1ResponseParser(Number.MAX_SAFE_INTEGER).feed(b(`HTTP/1.1 200 OK\r\nContent-Length: ${value}\r\n\r\n`)),
      ).toThrow(HttpProtocolError);
    },
  );

  it('rejects duplicate content-length headers', () => {
    expect(() =>
      new Http1ResponseParser(MiB).feed(b('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok')),
    ).toThrow(HttpProtocolError);
  });

  it.each([['gzip'], ['chunked, gzip'], ['gzip, chunked'], ['identity'], ['chunkedx']])(
    'rejects the transfer-encoding %j',
    (te) => {
      const e = thrown(() =>
        new Http1ResponseParser(MiB).feed(b(`HTTP/1.1 200 OK\r\nTransfer-Encoding: ${te}\r\n\r\n0\r\n\r\n`)),
      );
      expect(e).toBeInstanceOf(HttpProtocolError);
      expect(e.message).toMatch(/Unsupported transfer-encoding/);
    },
  );

  it('end() before the headers throws', () => {
    for (const partial of ['', 'HTTP/1.1 200 OK\r\nContent-Le', 'HTTP/1.1 100 Continue\r\n\r\n']) {
      const p = new Http1ResponseParser(MiB);
      if (partial !== '') p.feed(b(partial));
      const e = thrown(() => p.end());
      expect(e).toBeInstanceOf(HttpProtocolError);
      expect(e.message).toMatch(/before the response headers/);
      expect(p.result).toBeNull();
    }
  });

  it('end() mid-body throws, for each framing that knows its length', () => {
    const partials = [
      'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n',
      'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer: 1\r\n',
    ];
    for (const partial of partials) {
      const p = new Http1ResponseParser(MiB);
      expect(p.feed(b(partial))).toBeNull();
      expect(p.headersComplete).toBe(true);
      const e = thrown(() => p.end());
      expect(e).toBeInstanceOf(HttpProtocolError);
      expect(e.message).toMatch(/mid-body/);
      expect(p.result).toBeNull();
    }
  });
});

describe('properties', () => {
  const body = fc.uint8Array({ maxLength: 3000 }).map((u) => Buffer.from(u));
  const cuts = fc.array(fc.nat(), { maxLength: 40 });
  const extra = fc.uint8Array({ maxLength: 50 }).map((u) => Buffer.from(u));

  /** A chunked encoding of `data`: chunk sizes, hex case, extensions and trailers all random. */
  const chunkedEncoding = (data: Buffer) =>
    fc
      .record({
        sizes: fc.array(fc.integer({ min: 1, max: 700 }), { maxLength: 20 }),
        upper: fc.boolean(),
        zeros: fc.nat({ max: 3 }),
        ext: fc.constantFrom('', ';a', ';name=value', ' ; q="x;y"', '\t;k='),
        trailers: fc.array(fc.constantFrom('X-T: 1', 'Server-Timing: a;dur=1', 'X-Empty:'), { maxLength: 3 }),
      })
      .map(({ sizes, upper, zeros, ext, trailers }) => {
        const parts: Buffer[] = [];
        let at = 0;
        for (let i = 0; at < data.length; i++) {
          const n = Math.min(sizes.length === 0 ? data.length : (sizes[i % sizes.length] as number), data.length - at);
          const hex = n.toString(16);
          parts.push(b(`${'0'.repeat(zeros)}${upper ? hex.toUpperCase() : hex}${ext}\r\n`));
          parts.push(data.subarray(at, at + n), b('\r\n'));
          at += n;
        }
        parts.push(b(`0${ext}\r\n${trailers.map((t) => `${t}\r\n`).join('')}\r\n`));
        return Buffer.concat(parts);
      });

  it('a content-length body parses back to itself however the wire is cut, and extra bytes come back', () => {
    fc.assert(
      fc.property(body, cuts, extra, (data, at, after) => {
        const wire = Buffer.concat([b(`HTTP/1.1 200 OK\r\nContent-Length: ${data.length}\r\n\r\n`), data, after]);
        const { result, leftover } = feedAll(new Http1ResponseParser(data.length), split(wire, at));
        expect(result?.body.equals(data)).toBe(true);
        expect(leftover.equals(after)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('any chunked encoding of a body parses back to it however the wire is cut', () => {
    fc.assert(
      fc.property(
        body.chain((data) => fc.tuple(fc.constant(data), chunkedEncoding(data))),
        cuts,
        extra,
        ([data, encoded], at, after) => {
          const wire = Buffer.concat([b('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'), encoded, after]);
          const { result, leftover } = feedAll(new Http1ResponseParser(data.length), split(wire, at));
          expect(result?.body.equals(data)).toBe(true);
          expect(result?.keepAlive).toBe(true);
          expect(leftover.equals(after)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a body running to EOF parses back to itself however the wire is cut', () => {
    fc.assert(
      fc.property(body, cuts, (data, at) => {
        const wire = Buffer.concat([b('HTTP/1.1 200 OK\r\nX: y\r\n\r\n'), data]);
        const p = new Http1ResponseParser(data.length);
        const { result, leftover } = feedAll(p, split(wire, at));
        expect(result).toBeNull();
        expect(leftover.length).toBe(0);
        p.end();
        expect(p.result?.body.equals(data)).toBe(true);
        expect(p.result?.keepAlive).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a body one byte over the limit is refused in every framing', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 500 }).map((u) => Buffer.from(u)),
        cuts,
        (data, at) => {
          const limit = data.length - 1;
          const framings = [
            Buffer.concat([b(`HTTP/1.1 200 OK\r\nContent-Length: ${data.length}\r\n\r\n`), data]),
            Buffer.concat([
              b(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${data.length.toString(16)}\r\n`),
              data,
            ]),
            Buffer.concat([b('HTTP/1.1 200 OK\r\n\r\n'), data]),
          ];
          for (const wire of framings)
            expect(() => feedAll(new Http1ResponseParser(limit), split(wire, at))).toThrow(ResponseTooLarge);
        },
      ),
      { numRuns: 200 },
    );
  });
});

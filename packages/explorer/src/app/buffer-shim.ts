/**
 * The SDK's byte helpers (hex and base64 for SS58 addresses) call Node's global `Buffer`. The
 * browser has none, so esbuild injects this stand-in for the few calls those helpers make:
 * `Buffer.from(arrayBuffer, offset, length).toString('hex' | 'base64')` and
 * `Buffer.from(text, 'hex' | 'base64' | 'base64url')`.
 */
import { fromHex, toHex } from '@taonet/primitives';

type Encoding = 'hex' | 'base64' | 'base64url';

class BytesView extends Uint8Array {
  override toString(encoding?: Encoding): string {
    if (encoding === 'hex') return toHex(this).slice(2);
    if (encoding === 'base64' || encoding === 'base64url') {
      let s = '';
      for (const b of this) s += String.fromCharCode(b);
      const b64 = btoa(s);
      return encoding === 'base64' ? b64 : b64.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    }
    return super.toString();
  }
}

function from(src: ArrayBufferLike | string | ArrayLike<number>, a?: number | Encoding, len?: number): BytesView {
  if (typeof src === 'string') {
    if (a === 'hex') return BytesView.from(fromHex(src)) as BytesView;
    if (a === 'base64' || a === 'base64url') {
      const t = src.replaceAll('-', '+').replaceAll('_', '/');
      const bin = atob(t + '='.repeat((4 - (t.length % 4)) % 4));
      return BytesView.from(bin, (c) => c.charCodeAt(0)) as BytesView;
    }
    return BytesView.from(new TextEncoder().encode(src)) as BytesView;
  }
  if (src instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && src instanceof SharedArrayBuffer)) {
    const off = typeof a === 'number' ? a : 0;
    return new BytesView(src as ArrayBuffer, off, len ?? (src as ArrayBuffer).byteLength - off);
  }
  return BytesView.from(src as ArrayLike<number>) as BytesView;
}

export const Buffer = { from };

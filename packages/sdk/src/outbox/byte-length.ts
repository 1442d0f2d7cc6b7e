import { toJson } from '../to-json';

const encoder = new TextEncoder();

/** UTF-8 size of `value` serialised as JSON — what it costs on the wire and in storage. */
export function jsonByteLength(value: unknown): number {
  return encoder.encode(toJson(value)).length;
}

import type { Hono } from 'hono';
import { userHashOf } from '../../src/identity';
import { IDENTITY_SECRET, PK } from './test-app';

export interface RequestOptions {
  key?: string | null;
  origin?: string;
  headers?: Record<string, string>;
}

function headersOf(options: RequestOptions, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? PK : options.key;
  if (key) headers.authorization = `Bearer ${key}`;
  if (options.origin) headers.origin = options.origin;
  if (json) headers['content-type'] = 'application/json';
  return headers;
}

/** Sends JSON to the app in-process and returns status, headers and the parsed body. */
export async function send(
  app: Hono<never> | { request: Hono['request'] },
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
) {
  const init: RequestInit = { method, headers: headersOf(options, body !== undefined) };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await app.request(path, init);
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests read bodies loosely and assert on them
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, body: json, text };
}

let counter = 0;

/**
 * A valid message of the given type with a fresh id. A `userId` is signed for the test
 * project (as the SDK sends it after a verified identify) unless `fields` names `userHash`
 * itself — pass `userHash: undefined` for an unproven claim.
 */
export function message(type: string, fields: Record<string, unknown> = {}) {
  counter += 1;
  const base = {
    id: `msg-${Date.now().toString(36)}-${counter}`,
    timestamp: '2026-03-02T11:00:00.000Z',
    anonymousId: 'anon-1',
  };
  const defaults: Record<string, Record<string, unknown>> = {
    track: { event: 'Clicked' },
    page: { url: 'https://shop.example/home' },
    identify: { userId: 'user-1' },
    feedback: { message: 'Love it' },
    survey_response: { surveyId: 'nps-1', score: 9 },
  };
  const built: Record<string, unknown> = { ...base, type, ...defaults[type], ...fields };
  if (typeof built.userId === 'string' && !('userHash' in fields)) {
    built.userHash = userHashOf(IDENTITY_SECRET, built.userId);
  }
  return built;
}

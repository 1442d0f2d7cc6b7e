/** True for `scheme://host[:port]` with an http(s) scheme and nothing after it. */
export function isOrigin(value: string): boolean {
  if (!/^https?:\/\/[^/?#\s]+$/i.test(value) || !URL.canParse(value)) return false;
  const url = new URL(value);
  return url.origin === value.toLowerCase() && url.username === '' && url.password === '';
}

/** The loader stub from the widget README: queues calls made before rapport.js loads. */
const LOADER_STUB =
  'window.rapport=window.rapport||function(){(rapport.q=rapport.q||[]).push(arguments)};';

/** The script-tag snippet a site pastes before `</body>`. */
export function installSnippet(publicUrl: string, publishableKey: string): string {
  const base = publicUrl.replace(/\/$/, '');
  return `<script>${LOADER_STUB}</script>\n<script async src="${base}/rapport.js" data-key="${publishableKey}" data-api="${base}"></script>`;
}

/** How a page identifies a signed-in customer, with the hash computed on the site's server. */
export const IDENTIFY_SNIPPET = `<script>
  rapport('identify', 'user_123', { plan: 'pro' }, { userHash: 'HASH_FROM_YOUR_SERVER' });
</script>`;

/** Server-side `userHash` (hex HMAC-SHA256 of the user id under the identity secret). */
export const USER_HASH_EXAMPLES: { language: string; code: string }[] = [
  {
    language: 'Node.js',
    code: `import { createHmac } from 'node:crypto';

const userHash = createHmac('sha256', process.env.RAPPORT_IDENTITY_SECRET)
  .update(user.id)
  .digest('hex');`,
  },
  {
    language: 'Python',
    code: `import hashlib, hmac, os

user_hash = hmac.new(
    os.environ["RAPPORT_IDENTITY_SECRET"].encode(),
    user.id.encode(),
    hashlib.sha256,
).hexdigest()`,
  },
  {
    language: 'PHP',
    code: `$userHash = hash_hmac('sha256', $user->id, getenv('RAPPORT_IDENTITY_SECRET'));`,
  },
  {
    language: 'Ruby',
    code: `require 'openssl'

user_hash = OpenSSL::HMAC.hexdigest('SHA256', ENV.fetch('RAPPORT_IDENTITY_SECRET'), user.id)`,
  },
];

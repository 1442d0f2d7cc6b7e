/**
 * The environment for the commands this check runs in the temporary projects: the user's,
 * without the `npm_*` variables that `npm run check:packages` sets for the repository (its
 * prefix, its workspaces, its package.json), which would make `npm install` in another
 * folder act on this repository instead. Colours are off so failure output reads as text.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith('npm_')) env[key] = value;
  }
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

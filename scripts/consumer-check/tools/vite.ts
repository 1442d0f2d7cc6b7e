import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckFailure } from '../check-failure';
import { runCommand } from '../processes/run-command';
import { type Service, startService } from '../processes/spawn-service';

function viteBin(projectDir: string): string {
  return join(projectDir, 'node_modules', 'vite', 'bin', 'vite.js');
}

/** What `vite build` wrote: the page and the text of every JavaScript file it emitted. */
export interface ViteBuildOutput {
  html: string;
  scripts: Map<string, string>;
}

/** `vite build` with the project's own Vite; asserts it wrote `dist/index.html` and some JavaScript. */
export async function viteBuild(projectDir: string): Promise<ViteBuildOutput> {
  await runCommand(process.execPath, [viteBin(projectDir), 'build'], {
    cwd: projectDir,
    timeoutMs: 120_000,
  });
  const dist = join(projectDir, 'dist');
  const page = join(dist, 'index.html');
  if (!existsSync(page)) throw new CheckFailure('vite build wrote no dist/index.html');
  const assets = join(dist, 'assets');
  const scripts = new Map<string, string>();
  for (const file of existsSync(assets) ? readdirSync(assets) : []) {
    if (file.endsWith('.js')) scripts.set(file, readFileSync(join(assets, file), 'utf8'));
  }
  if (scripts.size === 0) throw new CheckFailure('vite build wrote no JavaScript to dist/assets/');
  return { html: readFileSync(page, 'utf8'), scripts };
}

/** Vite's dev server on 127.0.0.1:`port`, failing rather than moving when the port is taken. */
export function startViteDev(projectDir: string, port: number): Service {
  return startService(
    process.execPath,
    [viteBin(projectDir), '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: projectDir },
  );
}

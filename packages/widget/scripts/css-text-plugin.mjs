import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { transform } from 'esbuild';

/**
 * esbuild plugin for `import css from './x.css?raw'` (the same import vite serves in tests):
 * the stylesheet is minified and inlined as a string, so the widget can put it in its
 * shadow root's <style>.
 */
export const cssTextPlugin = {
  name: 'css-text',
  setup(build) {
    build.onResolve({ filter: /\.css\?raw$/ }, (args) => ({
      path: resolve(dirname(args.importer), args.path.replace(/\?raw$/, '')),
      namespace: 'css-text',
    }));
    build.onLoad({ filter: /.*/, namespace: 'css-text' }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const { code } = await transform(source, {
        loader: 'css',
        minify: true,
        target: 'chrome100',
      });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: 'js' };
    });
  },
};

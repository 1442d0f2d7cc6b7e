// Stylesheets are imported as minified text (vite's `?raw`; the esbuild plugin in scripts/).
declare module '*.css?raw' {
  const css: string;
  export default css;
}

// esbuild loads .css as text (scripts/build.mjs, loader 'text'): a stylesheet is a string we put
// into a <style> element, in the page or in the panel's shadow root.
declare module '*.css' {
  const text: string;
  export default text;
}

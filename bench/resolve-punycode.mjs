// src/core imports the npm package as `punycode/` (the trailing slash skips Node's deprecated
// built-in `punycode`; esbuild and vitest resolve it to the package). tsx 4 resolves that
// specifier against the importing file's folder instead, so the benchmarks, which run src/core
// under tsx, send it to the package's ES module build here.
export async function resolve(specifier, context, next) {
  if (specifier !== 'punycode/') return next(specifier, context);
  const resolved = await next('punycode/punycode.es6.js', context);
  return { ...resolved, format: 'module' };
}

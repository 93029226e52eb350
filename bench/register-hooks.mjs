// Loaded with `tsx --import ./bench/register-hooks.mjs`: see resolve-punycode.mjs.
import { register } from 'node:module';

register('./resolve-punycode.mjs', import.meta.url);

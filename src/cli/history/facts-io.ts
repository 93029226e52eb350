/** Reading and writing the facts file for `--save` / `--since`: never half-written (temp file, then rename). */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseFactsFile, type FactsFile } from '../../core/history/facts-file';

export async function readFactsFile(path: string): Promise<{ ok: true; file: FactsFile } | { ok: false; error: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return {
      ok: false,
      error: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error)}`,
    };
  }
  const parsed = parseFactsFile(text);
  return parsed.ok ? parsed : { ok: false, error: `${path} is not a facts file MXray can read: ${parsed.error}` };
}

export async function writeFactsFile(path: string, file: FactsFile): Promise<string | undefined> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`);
    await rename(temporary, path);
    return undefined;
  } catch (error) {
    return `cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

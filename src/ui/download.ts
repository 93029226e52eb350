/** Hands a text to the browser as a file download (UTF-8, with a BOM for CSV so Excel reads it as UTF-8): the bulk exports, the watch list and the backup. */
export function download(name: string, text: string, type: string): void {
  const bom = type === 'text/csv' ? '\uFEFF' : '';
  const url = URL.createObjectURL(new Blob([bom + text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The live region that says how the lookup is going. It is always rendered (empty when idle):
 * screen readers only announce changes to a live region that was already in the page.
 */
export function StatusLine({ text }: { text: string }) {
  return (
    <p role="status" class="status-line">
      {text}
    </p>
  );
}

/**
 * What to explain: a pasted header block, whole message or bounce in the text box, or a .eml/.txt
 * file picked here or dropped anywhere on the page (the page listens; see message-app.tsx).
 */
import type { MessageFile } from './read-file';
import { sizeWords } from './read-file';
import { DnsText } from '../ui/dns-text';

export interface MessageInputProps {
  text: string;
  file: MessageFile | undefined;
  dragging: boolean;
  onText: (text: string) => void;
  onFile: (file: File | undefined) => void;
  onRemoveFile: () => void;
  onExplain: () => void;
}

export function MessageInput(props: MessageInputProps) {
  const { file } = props;
  const empty = props.text.trim() === '' && !file;
  return (
    <form
      class={`message-input${props.dragging ? ' over' : ''}`}
      aria-label="Message to explain"
      onSubmit={(event) => {
        event.preventDefault();
        props.onExplain();
      }}
    >
      <label for="message-text">Paste the message’s headers, the whole message, or a bounce; or drop an .eml or .txt file anywhere on this page</label>
      <textarea id="message-text" value={props.text} spellcheck={false} onInput={(event) => props.onText((event.target as HTMLTextAreaElement).value)} />
      <div class="row">
        <label>
          Or pick a file:{' '}
          <input
            type="file"
            accept=".eml,.txt,.msg,message/rfc822,text/plain"
            onChange={(event) => {
              const input = event.target as HTMLInputElement;
              props.onFile(input.files?.[0]);
              input.value = '';
            }}
          />
        </label>
        <button type="submit" disabled={empty}>
          Explain
        </button>
      </div>
      {file && (
        <p class="file-line" role="note">
          File <DnsText text={file.name} />{' '}
          {`(${sizeWords(file.size)})${file.truncated ? `: only the first ${sizeWords(file.bytes.length)} were read, the rest was not` : ''}. Explain reads this file.`}{' '}
          <button type="button" class="link-button" onClick={props.onRemoveFile}>
            Remove the file
          </button>
        </p>
      )}
    </form>
  );
}

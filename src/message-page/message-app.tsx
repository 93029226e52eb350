/**
 * "Explain a message" (issue #22). The message is read and verified here, in the page
 * (explainMessage, WebCrypto): it never leaves the page. Only the DNS questions go out, through
 * the worker (`ask`). Nothing is kept unless the person asks, and then only the verdict, the
 * domains and the time.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { NotAMessage, type ExplainContext } from '../core/message/explain-message';
import { byteString } from '../core/message/parse/byte-string';
import type { ByteString, MessageExplanation } from '../core/message/types';
import type { DnsAsk } from '../core/mail/dns-ask';
import type { KeptExplanation } from '../platform/kept-explanations';
import { DnsText } from '../ui/dns-text';
import { AuthView } from './auth-view';
import { BounceView } from './bounce-view';
import { KeptList } from './kept-list';
import { LookupLinkList } from './lookup-links';
import { MessageInput } from './message-input';
import { readMessageFile, type MessageFile } from './read-file';
import { RouteTable } from './route-table';
import { VerdictView } from './verdict-view';

export interface MessagePlatform {
  explain: (input: ByteString, context: ExplainContext) => Promise<MessageExplanation>;
  ask: DnsAsk;
  reportUrl: (query: string) => string;
  kept: {
    list: () => Promise<KeptExplanation[]>;
    keep: (entry: KeptExplanation) => Promise<KeptExplanation[]>;
    clear: () => Promise<void>;
  };
}

export interface MessageAppProps {
  platform: MessagePlatform;
  /** A selection handed over by the context menu: explained at once. */
  handed?: Promise<string | undefined>;
}

/** Rows shown of a very long Received chain (the core reads it bounded; the page stays quick). */
const MAX_HOPS_SHOWN = 1000;

/** "Checking 2 signatures, SPF and DMARC…": the DKIM-Signature fields of the header, counted. */
export function progressWords(input: ByteString): string {
  const head = input.slice(0, 1_000_000);
  const end = head.search(/\r?\n\r?\n/);
  const count = (head.slice(0, end < 0 ? undefined : end).match(/^DKIM-Signature:/gim) ?? []).length;
  if (count === 0) return 'Reading the message, checking SPF and DMARC…';
  return `Checking ${count} ${count === 1 ? 'signature' : 'signatures'}, SPF and DMARC…`;
}

function domainsOf(explanation: MessageExplanation): string[] {
  return [...new Set([explanation.from, ...explanation.links.map((link) => link.domain)].filter((domain): domain is string => !!domain))];
}

export function MessageApp({ platform, handed }: MessageAppProps) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<MessageFile | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState('');
  const [result, setResult] = useState<MessageExplanation | undefined>(undefined);
  const [error, setError] = useState('');
  const [kept, setKept] = useState<KeptExplanation[]>([]);
  const [keptThis, setKeptThis] = useState(false);
  const [keepProblem, setKeepProblem] = useState('');
  const run = useRef<{ id: number; controller?: AbortController }>({ id: 0 });

  const explain = async (input: ByteString) => {
    run.current.controller?.abort();
    const controller = new AbortController();
    const id = ++run.current.id;
    run.current.controller = controller;
    setResult(undefined);
    setError('');
    setKeptThis(false);
    setKeepProblem('');
    setProgress(progressWords(input));
    try {
      const explanation = await platform.explain(input, { ask: platform.ask, now: () => Date.now(), signal: controller.signal });
      if (id === run.current.id) setResult(explanation);
    } catch (caught) {
      if (id !== run.current.id) return;
      const message = caught instanceof Error ? caught.message : String(caught);
      // NotAMessage is already a whole sentence from the core ("This does not look like a message…").
      setError(caught instanceof NotAMessage ? message : `MXray could not explain this message: ${message}`);
    } finally {
      if (id === run.current.id) setProgress('');
    }
  };

  const takeFile = async (picked: File | undefined) => {
    if (!picked) return;
    try {
      const read = await readMessageFile(picked);
      setText('');
      setFile(read);
      setError('');
    } catch (caught) {
      setError(`The file could not be read: ${caught instanceof Error ? caught.message : String(caught)}`);
    }
  };

  // Drop a file anywhere on the page (not only on the form).
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      void takeFile(event.dataTransfer?.files[0]);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, []);

  useEffect(() => {
    void platform.kept.list().then(setKept, () => undefined);
    void handed?.then((selection) => {
      if (selection === undefined) return;
      setText(selection);
      void explain(byteString(selection));
    });
    return () => run.current.controller?.abort();
  }, []);

  const onExplain = () => {
    if (file) void explain(file.bytes);
    else if (text.trim() !== '') void explain(byteString(text));
  };

  const keep = async () => {
    if (!result) return;
    const entry = { verdict: result.verdict, verdictKind: result.verdictKind, domains: domainsOf(result), at: Date.now() };
    try {
      setKept(await platform.kept.keep(entry));
      setKeptThis(true);
      setKeepProblem('');
    } catch (caught) {
      // storage.local refused (src/platform/kept-explanations.ts words a full disk); the explanation stays on screen.
      setKeepProblem(caught instanceof Error ? caught.message : `Not kept: ${String(caught)}`);
    }
  };

  return (
    <main class="mxray message-page">
      <h1>MXray: explain a message</h1>
      <p class="privacy">
        MXray reads and verifies the message here, in this page: nothing of it is sent anywhere or kept. Only DNS questions (DKIM keys, SPF and DMARC records)
        go to your DNS resolver.
      </p>
      <MessageInput
        text={text}
        file={file}
        dragging={dragging}
        onText={(value) => {
          setText(value);
          setFile(undefined);
        }}
        onFile={(picked) => void takeFile(picked)}
        onRemoveFile={() => setFile(undefined)}
        onExplain={onExplain}
      />
      <p role="status" class="progress-line">
        {progress}
      </p>
      {error && (
        <p role="alert" class="problem">
          <DnsText text={error} />
        </p>
      )}
      {result && (
        <div class="explanation">
          <VerdictView explanation={result} />
          <RouteTable hops={result.hops.slice(0, MAX_HOPS_SHOWN)} totalSeconds={result.totalSeconds} />
          {result.hops.length > MAX_HOPS_SHOWN && (
            <p class="muted">
              The first {MAX_HOPS_SHOWN.toLocaleString()} of {result.hops.length.toLocaleString()} hops are shown.
            </p>
          )}
          <AuthView explanation={result} />
          {result.bounce && <BounceView bounce={result.bounce} reportUrl={platform.reportUrl} />}
          {result.links.length > 0 && (
            <section aria-labelledby="links-heading">
              <h2 id="links-heading">Full reports</h2>
              <LookupLinkList links={result.links} reportUrl={platform.reportUrl} label="Full reports" />
            </section>
          )}
          {result.notes.length > 0 && (
            <section aria-labelledby="notes-heading">
              <h2 id="notes-heading">Reading notes</h2>
              <ul>
                {result.notes.map((note, index) => (
                  <li key={index}>
                    <DnsText text={note} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          <p class="row">
            <button type="button" onClick={() => void keep()} disabled={keptThis}>
              Keep this explanation
            </button>
            <span class="muted">{keptThis ? 'Kept: the verdict, the domains and the time (never the message).' : 'Not kept unless you ask.'}</span>
          </p>
          {keepProblem && (
            <p role="alert" class="problem">
              {keepProblem}
            </p>
          )}
        </div>
      )}
      <KeptList
        kept={kept}
        onClear={() =>
          void platform.kept.clear().then(
            () => setKept([]),
            () => undefined,
          )
        }
      />
    </main>
  );
}

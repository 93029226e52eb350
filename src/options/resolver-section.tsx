/**
 * The resolver choice: four built-in resolvers, or a custom URL. A built-in one is saved the
 * moment it is picked (its origin is granted at install); a custom one once it is a valid https
 * URL whose origin the browser granted (use-custom-resolver-commit.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DohFormat } from '../core/doh/providers';
import type { ResolverSetting, Settings } from '../shared/settings';
import { CustomResolverFields } from './custom-resolver-fields';
import type { OptionsActions } from './options-actions';
import {
  checkCustomUrl,
  impliedFormat,
  permissionMissingMessage,
  RESOLVER_CHOICES,
  resolverName,
  withBuiltInResolver,
  type ResolverChoice,
} from './resolver-choice';
import { ResolverTest, type TestState } from './resolver-test';
import { resolverKey, useCustomResolverCommit } from './use-custom-resolver-commit';
import { errorText } from './use-saved-settings';

export interface ResolverSectionProps {
  saved: Settings;
  latest: () => Settings | undefined;
  save: (next: Settings) => Promise<Settings | undefined>;
  actions: OptionsActions;
}

export function ResolverSection({ saved, latest, save, actions }: ResolverSectionProps) {
  const [choice, setChoice] = useState<ResolverChoice>(saved.resolver.id);
  const [url, setUrlState] = useState(saved.resolver.customUrl ?? '');
  /** The format the person picked; undefined follows the URL (`/resolve` is JSON). */
  const [pickedFormat, setPickedFormatState] = useState<DohFormat | undefined>(saved.resolver.customFormat);
  // The same two as refs: a click can come before the render that follows the last key press.
  const draft = useRef({ url, pickedFormat });
  const setUrl = (next: string) => {
    draft.current.url = next;
    setUrlState(next);
  };
  const setPickedFormat = (next: DohFormat | undefined) => {
    draft.current.pickedFormat = next;
    setPickedFormatState(next);
  };
  const [problem, setProblem] = useState<string | undefined>();
  const [test, setTest] = useState<TestState>({ state: 'idle' });

  // Follow the saved resolver when it changes (our own save, or another tab's).
  useEffect(() => {
    setChoice(saved.resolver.id);
    if (saved.resolver.customUrl !== undefined) setUrl(saved.resolver.customUrl);
    setPickedFormat(saved.resolver.customFormat);
  }, [resolverKey(saved.resolver)]);

  // A saved custom resolver whose permission was removed in the browser's settings: say so.
  useEffect(() => {
    const { id, customUrl } = saved.resolver;
    const check = checkCustomUrl(customUrl ?? '');
    if (id !== 'custom' || !check.ok) return;
    actions.hasOrigin(check.provider.url).then(
      (granted) => {
        if (!granted) setProblem(permissionMissingMessage(check.provider.name));
      },
      () => undefined,
    );
  }, []);

  const current = () => latest() ?? saved;
  const { commit: commitCustom, asking } = useCustomResolverCommit({ actions, current, save, setProblem });

  const pick = (id: ResolverChoice) => {
    setChoice(id);
    setTest({ state: 'idle' });
    if (id === 'custom') {
      setProblem(undefined);
      // A URL typed (or saved) before: use it again, asking for its permission now.
      if (draft.current.url.trim() !== '') void commitCustom(draft.current.url, draft.current.pickedFormat);
      return;
    }
    setProblem(undefined);
    void save(withBuiltInResolver(current(), id));
  };

  const runTest = async () => {
    if (test.state === 'running') return;
    const { url: typedUrl, pickedFormat: format } = draft.current;
    const resolver = choice === 'custom' ? await commitCustom(typedUrl, format) : ({ id: choice } satisfies ResolverSetting);
    if (!resolver) {
      setTest({ state: 'idle' });
      return;
    }
    setTest({ state: 'running', name: resolverName(resolver) });
    try {
      setTest({ state: 'done', outcome: await actions.testResolver(resolver) });
    } catch (error) {
      setTest({ state: 'done', outcome: { ok: false, message: errorText(error) } });
    }
  };

  const notYetSaved = choice === 'custom' && saved.resolver.id !== 'custom';
  return (
    <section class="card" aria-labelledby="resolver-heading">
      <h2 id="resolver-heading">DNS resolver</h2>
      <p class="intro">MXray asks this DNS-over-HTTPS resolver about the names you look up.</p>
      <fieldset class="choices" role="radiogroup" aria-labelledby="resolver-legend">
        <legend id="resolver-legend">Resolver</legend>
        {RESOLVER_CHOICES.map((option) => (
          <div class="choice" key={option.id}>
            <input
              type="radio"
              name="resolver"
              id={`resolver-${option.id}`}
              value={option.id}
              checked={choice === option.id}
              aria-describedby={`resolver-${option.id}-detail`}
              onChange={() => pick(option.id)}
            />
            <label for={`resolver-${option.id}`}>{option.name}</label>
            <span class="detail" id={`resolver-${option.id}-detail`}>
              {option.detail}
            </span>
          </div>
        ))}
      </fieldset>
      {choice === 'custom' && (
        <CustomResolverFields
          url={url}
          format={pickedFormat ?? impliedFormat(url)}
          problem={problem}
          onUrlInput={(typed) => {
            setUrl(typed);
            setProblem(undefined);
            setTest({ state: 'idle' });
          }}
          onUrlCommit={(typed) => {
            setUrl(typed);
            void commitCustom(typed, draft.current.pickedFormat);
          }}
          onFormatPick={(format) => {
            setPickedFormat(format);
            setTest({ state: 'idle' });
            if (checkCustomUrl(draft.current.url).ok) void commitCustom(draft.current.url, format);
          }}
        />
      )}
      {asking && <p class="hint">Waiting for your answer to the browser’s question about {asking}…</p>}
      {notYetSaved && !asking && <p class="hint">Until this resolver is saved, MXray keeps using {resolverName(saved.resolver)}.</p>}
      <ResolverTest test={test} onTest={() => void runTest()} />
    </section>
  );
}

import { DnsText } from './dns-text';

/**
 * On a tab whose host is not its registrable domain (www.github.com / github.com), both are
 * looked up at once; this switch shows which one is on screen and flips to the other.
 */
export interface DomainChoice {
  /** Stable key (the ASCII name). */
  key: string;
  /** The name for people (Unicode). */
  label: string;
}

export interface DomainSwitchProps {
  choices: readonly DomainChoice[];
  selected: string;
  onSelect: (key: string) => void;
}

export function DomainSwitch({ choices, selected, onSelect }: DomainSwitchProps) {
  return (
    <div role="group" aria-label="Domain" class="domain-switch">
      {choices.map((choice) => (
        <button key={choice.key} type="button" aria-pressed={choice.key === selected} onClick={() => onSelect(choice.key)}>
          <DnsText text={choice.label} />
        </button>
      ))}
    </div>
  );
}

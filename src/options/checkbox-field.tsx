/** A checkbox named by its label, with a sentence that says what it changes. */
export interface CheckboxFieldProps {
  id: string;
  label: string;
  description: string;
  checked: boolean;
  onToggle: (checked: boolean) => void;
}

export function CheckboxField({ id, label, description, checked, onToggle }: CheckboxFieldProps) {
  return (
    <div class="choice">
      <input type="checkbox" id={id} checked={checked} aria-describedby={`${id}-detail`} onChange={(event) => onToggle(event.currentTarget.checked)} />
      <label for={id}>{label}</label>
      <span class="detail" id={`${id}-detail`}>
        {description}
      </span>
    </div>
  );
}

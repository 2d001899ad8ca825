import "./segmented.css";

/**
 * One choice among a few, shown as joined buttons (`segmented.css`): radio inputs, so
 * the keyboard and screen readers treat it as one group named by `legend`.
 */
export function Segmented<V extends string>(props: {
  name: string;
  legend: string;
  options: readonly V[];
  value: V;
  label: (option: V) => string;
  onChange: (option: V) => void;
  small?: boolean;
}) {
  return (
    <fieldset class={props.small ? "segmented small" : "segmented"}>
      <legend class="visually-hidden">{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option} class={props.value === option ? "on" : ""}>
          <input
            type="radio"
            name={props.name}
            value={option}
            checked={props.value === option}
            onChange={() => props.onChange(option)}
          />
          {props.label(option)}
        </label>
      ))}
    </fieldset>
  );
}

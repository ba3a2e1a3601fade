// Validator text from the API in plain words, said once, beside its field: "Length must be
// between 1 and 80." on a name becomes "Give it a name: up to 80 characters."

const BY_FIELD = {
  name: { empty: "Give it a name: up to 80 characters." },
  statement: { empty: "Write who you are becoming: up to 140 characters." },
  target: { empty: "How much makes a day done? Enter a number above 0." },
  email: { empty: "Enter your email address." },
  password: { empty: "Enter your password." },
};

const PATTERNS = [
  [/^Length must be between 1 and (\d+)\.?$/, (n) => `Write 1 to ${n} characters.`],
  [/^(Longer than maximum length|Length must be at most) (\d+)\.?$/, (_, n) => `Use at most ${n} characters.`],
  [/^Shorter than minimum length (\d+)\.?$/, (n) => `Use at least ${n} characters.`],
  [/^(Missing data for required field|Field may not be null)\.?$/, () => "This is needed."],
  [/^Not a valid (number|integer)\.?$/, () => "Enter a number."],
  [/^Not a valid date\.?$/, () => "Enter a date."],
  [/^Must be greater than or equal to (-?[\d.]+) and less than or equal to (-?[\d.]+)\.?$/, (a, b) => `Use a number from ${a} to ${b}.`],
  [/^Must be greater than or equal to (-?[\d.]+)\.?$/, (a) => `Use ${a} or more.`],
  [/^Must be less than or equal to (-?[\d.]+)\.?$/, (a) => `Use ${a} or less.`],
  [/^Cannot change once the habit has check-ins\.?$/, () => "This can't change any more: the habit already has days logged."],
];

/** One field's messages as one plain sentence; `empty` when its control holds nothing. */
export function plainMessage(field, messages, empty = false) {
  const first = String(messages[0] ?? "").replace(/^[A-Z][\w ]{0,30}: /, "");
  if (empty && BY_FIELD[field]?.empty && !/^Cannot change/.test(first)) return BY_FIELD[field].empty;
  for (const [pattern, say] of PATTERNS) {
    const match = pattern.exec(first);
    if (match) return say(...match.slice(1));
  }
  return first.replace(/`/g, "");
}

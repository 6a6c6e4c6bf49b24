/**
 * Whether an input method is composing in a search input (拼音 typed, characters not yet chosen),
 * for the input and for a key pressed in it. The header box's loader tracks this from the first moment, before the search UI has loaded, so
 * that the UI, attaching in the middle of a composition, does not search the Latin letters.
 */
const COMPOSING = 'composing';

/** Marks `input` with `data-composing` from `compositionstart` to `compositionend`. */
export function trackComposition(input: HTMLInputElement): void {
  if (input.dataset.composingTracked) return;
  input.dataset.composingTracked = 'true';
  input.addEventListener('compositionstart', () => {
    input.dataset[COMPOSING] = 'true';
  });
  input.addEventListener('compositionend', () => {
    delete input.dataset[COMPOSING];
  });
}

/** Whether an input method is composing in `input` (as tracked by `trackComposition`). */
export function isComposing(input: HTMLInputElement): boolean {
  return input.dataset[COMPOSING] === 'true';
}

/** Whether a key goes to an input method that is composing (Chromium and Safari say 229). */
export function keyComposes(event: KeyboardEvent): boolean {
  return event.isComposing || event.keyCode === 229;
}

/**
 * Copying without a guaranteed clipboard: the async Clipboard API first; inside a sandboxed iframe
 * or an insecure page it is missing or refused, so the text is selected in its field and the older
 * copy command is tried; when that fails too, the user copies the selection themselves.
 */
export type CopyOutcome = 'copied' | 'selected';

export async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<CopyOutcome> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Refused (permissions policy, sandbox, no focus): fall back to the selection.
  }
  if (field) {
    field.focus();
    field.select();
    try {
      if (typeof document.execCommand === 'function' && document.execCommand('copy')) return 'copied';
    } catch {
      // Not supported here.
    }
  }
  return 'selected';
}

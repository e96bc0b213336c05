// Copy buttons of the "how to cite" block (partials/cite.mustache). The buttons are hidden until this
// module runs where a clipboard exists; each copies its citation's text and the status line (a polite live
// region) says whether it worked, so screen-reader users hear the result. The core takes the clipboard
// as an argument, so Node tests it without a DOM.

// Citation text as shown: runs of white space (from the page's line breaks) as one space.
export function citationText(text) {
  return String(text ?? "").replace(/\s+/g, " ").trim();
}

// Writes the text with `clipboard.writeText`; resolves to true when it was written.
export async function copyCitation(text, clipboard) {
  if (!clipboard || typeof clipboard.writeText !== "function") return false;
  try {
    await clipboard.writeText(citationText(text));
    return true;
  } catch {
    return false;
  }
}

function setUp(document, clipboard) {
  const status = document.querySelector("[data-cite-status]");
  for (const button of document.querySelectorAll("button[data-cite-copy]")) {
    const source = document.getElementById(button.dataset.citeCopy);
    if (!source) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const ok = await copyCitation(source.textContent, clipboard);
      if (!status) return;
      // Emptied first, so the same message said twice is announced twice.
      status.textContent = "";
      const message = ok ? status.dataset.msgCopied : status.dataset.msgFailed;
      setTimeout(() => { status.textContent = message || ""; }, 50);
      if (!ok) {
        const range = document.createRange();
        range.selectNodeContents(source);
        const selection = document.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      }
    });
  }
}

if (typeof document !== "undefined" && globalThis.navigator?.clipboard) setUp(document, navigator.clipboard);

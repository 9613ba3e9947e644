import { initAll } from "/static/govuk/govuk-frontend.min.js";

initAll();

// Progressive enhancement only: every form on the site works without this file.
// 1. Dropping files anywhere on the drop zone puts them into the file input.
// 2. While HTMX sends an upload, a progress bar shows how much has gone.
for (const zone of document.querySelectorAll("[data-pp-dropzone]")) {
  const input = zone.querySelector("input[type=file]");
  const over = (on) => (event) => {
    event.preventDefault();
    zone.classList.toggle("pp-dropzone--over", on);
  };
  zone.addEventListener("dragover", over(true));
  zone.addEventListener("dragleave", over(false));
  zone.addEventListener("drop", (event) => {
    over(false)(event);
    if (input && event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
    }
  });
}

const progress = document.querySelector("[data-pp-progress]");
if (progress) {
  const bar = progress.querySelector("progress");
  document.body.addEventListener("htmx:xhr:loadstart", () => { progress.hidden = false; bar.value = 0; });
  document.body.addEventListener("htmx:xhr:progress", (event) => {
    if (event.detail.lengthComputable) bar.value = Math.round((event.detail.loaded / event.detail.total) * 100);
  });
  document.body.addEventListener("htmx:afterRequest", () => { progress.hidden = true; });
}

// Review queue shortcuts (documented on the page): j/k move, a accepts, r rejects.
// Never while typing in a field, and never with a modifier key held.
const reviewList = document.querySelector("[data-pp-review]");
if (reviewList) {
  let current = 0;
  const items = () => [...reviewList.querySelectorAll("[data-pp-review-item]")];
  const mark = (index, focus) => {
    const all = items();
    if (!all.length) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach((item, i) => item.classList.toggle("pp-review-item--current", i === current));
    if (focus) all[current].focus();
  };
  mark(0, false);
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest && target.closest("input, select, textarea, [contenteditable]")) return;
    const all = items();
    if (!all.length) return;
    if (event.key === "j") { mark(current + 1, true); event.preventDefault(); }
    else if (event.key === "k") { mark(current - 1, true); event.preventDefault(); }
    else if (event.key === "a" || event.key === "r") {
      const button = all[current].querySelector(event.key === "a" ? "[data-pp-accept]" : "[data-pp-reject]");
      if (button) { button.click(); event.preventDefault(); }
    }
  });
  document.body.addEventListener("htmx:afterSwap", () => mark(current, false));
}

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

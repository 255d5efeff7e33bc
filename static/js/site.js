// Progressive enhancements only: every page works without this file.

// Videos from other sites load only after the visitor presses the button, so that nothing is
// sent to the video host by merely opening the page.
for (const figure of document.querySelectorAll("[data-video-embed]")) {
  const button = figure.querySelector("[data-video-embed-load]");
  const template = figure.querySelector("template");
  if (!button || !template) continue;
  button.hidden = false;
  button.addEventListener("click", () => {
    figure.querySelector(".video-embed__consent").replaceWith(template.content.cloneNode(true));
    figure.querySelector("iframe")?.focus();
  });
}

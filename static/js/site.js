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

// The menu button of narrow screens: a disclosure that shows or hides the menu and search form.
// Without this script the button stays hidden and the menu is a plain list under the site's name.
const menuToggle = document.querySelector("[data-menu-toggle]");
const header = menuToggle?.closest(".site-header");
if (menuToggle && header) {
  const setOpen = (open) => {
    menuToggle.setAttribute("aria-expanded", String(open));
    header.classList.toggle("site-header--open", open);
  };
  header.classList.add("site-header--collapsible");
  menuToggle.hidden = false;
  menuToggle.addEventListener("click", () => setOpen(menuToggle.getAttribute("aria-expanded") !== "true"));
  header.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menuToggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      menuToggle.focus();
    }
  });
}

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

// Outside map tiles, when an editor turned them on: loaded only once the visitor says yes. The
// answer is kept on this device with the server it covers, so that another server asks again.
const TILE_CONSENT = "fond-de-carte";
for (const map of document.querySelectorAll("[data-region-map][data-tile-server]")) {
  const server = map.dataset.tileServer;
  const consent = map.querySelector("[data-region-map-consent]");
  const show = map.querySelector("[data-region-map-show]");
  const hide = map.querySelector("[data-region-map-hide]");
  const layer = map.querySelector("[data-region-map-tiles]");
  const images = map.querySelector("[data-region-map-tile-images]");
  const attribution = map.querySelector("[data-region-map-attribution]");
  const setShown = (shown) => {
    layer.replaceChildren(...(shown ? images.content.firstElementChild.cloneNode(true).children : []));
    map.classList.toggle("region-map--tiles", shown);
    attribution.hidden = !shown;
    show.hidden = shown;
    hide.hidden = !shown;
  };
  show.addEventListener("click", () => {
    localStorage.setItem(TILE_CONSENT, JSON.stringify({server, date: new Date().toISOString()}));
    setShown(true);
    hide.focus();
  });
  hide.addEventListener("click", () => {
    localStorage.removeItem(TILE_CONSENT);
    setShown(false);
    show.focus();
  });
  consent.hidden = false;
  let stored = null;
  try {
    stored = JSON.parse(localStorage.getItem(TILE_CONSENT));
  } catch {
    // An unreadable answer is no answer: the visitor is asked again.
  }
  setShown(stored?.server === server);
}

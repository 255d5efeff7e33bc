// « Retour en images »: each photo of a gallery opens large in a modal dialog, with its caption,
// previous / next buttons and the arrow keys; Escape or « Fermer » closes it and focus goes back to
// the photo that opened it. Without this script, each photo is a link to its large version.

const labels = { close: "Fermer", previous: "Photo précédente", next: "Photo suivante" };

function button(className, text) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = `lightbox__button ${className}`;
  element.textContent = text;
  return element;
}

function buildDialog() {
  const dialog = document.createElement("dialog");
  dialog.className = "lightbox";
  dialog.setAttribute("aria-label", "Photo agrandie");
  const figure = document.createElement("figure");
  figure.className = "lightbox__figure";
  const image = document.createElement("img");
  const caption = document.createElement("figcaption");
  figure.append(image, caption);
  const close = button("lightbox__close", labels.close);
  const previous = button("lightbox__previous", labels.previous);
  const next = button("lightbox__next", labels.next);
  dialog.append(close, figure, previous, next);
  document.body.append(dialog);
  return { dialog, image, caption, close, previous, next };
}

function lightbox() {
  const parts = buildDialog();
  const state = { links: [], current: 0, opener: null };
  const show = (index) => {
    state.current = (index + state.links.length) % state.links.length;
    const link = state.links[state.current];
    const thumbnail = link.querySelector("img");
    parts.image.src = link.href;
    parts.image.alt = thumbnail?.alt ?? "";
    parts.image.width = Number(link.dataset.width);
    parts.image.height = Number(link.dataset.height);
    parts.caption.textContent = link.closest("figure")?.querySelector("figcaption")?.textContent.trim() ?? "";
    parts.caption.hidden = !parts.caption.textContent;
  };
  parts.previous.addEventListener("click", () => show(state.current - 1));
  parts.next.addEventListener("click", () => show(state.current + 1));
  parts.close.addEventListener("click", () => parts.dialog.close());
  parts.dialog.addEventListener("keydown", (event) => {
    if (state.links.length < 2) return;
    if (event.key === "ArrowLeft") show(state.current - 1);
    if (event.key === "ArrowRight") show(state.current + 1);
  });
  // The native dialog closes on Escape by itself; either way focus goes back to the photo.
  parts.dialog.addEventListener("close", () => state.opener?.focus());
  return (links, index, opener) => {
    Object.assign(state, { links, opener });
    parts.previous.hidden = parts.next.hidden = links.length < 2;
    show(index);
    parts.dialog.showModal();
    parts.close.focus();
  };
}

const galleries = document.querySelectorAll("[data-gallery]");
if (galleries.length) {
  // One dialog for the page; each gallery shows its own photos in it.
  const open = lightbox();
  for (const gallery of galleries) {
    const links = [...gallery.querySelectorAll("[data-gallery-link]")];
    links.forEach((link, index) =>
      link.addEventListener("click", (event) => {
        event.preventDefault();
        open(links, index, link);
      }),
    );
  }
}

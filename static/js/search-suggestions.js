// The header's search box suggests page titles as the visitor types (ARIA 1.2 combobox with a
// listbox). Without JavaScript the box is a plain search form; this only adds the list.

const MIN_LENGTH = 2;
const DELAY_MS = 150;

export function enhance(input) {
  const form = input.form;
  const url = input.dataset.suggestUrl;
  const list = document.createElement("ul");
  const status = document.createElement("p");
  let options = [];
  let active = -1;
  let timer;
  let request;

  list.id = `${input.id}-suggestions`;
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggestions");
  list.hidden = true;
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  input.autocomplete = "off";
  form.append(list);
  // The count's live region joins the page when the visitor comes to the box, early enough to be
  // announced when suggestions arrive, but not before: every page would otherwise carry a second,
  // empty status next to its own (« 3 résultats », « 12 contenus »).
  const addStatus = () => status.isConnected || form.append(status);
  if (document.activeElement === input) addStatus();
  else input.addEventListener("focus", addStatus, { once: true });

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function select(index) {
    options.forEach((option, position) => option.setAttribute("aria-selected", String(position === index)));
    active = index;
    if (index >= 0) input.setAttribute("aria-activedescendant", options[index].id);
    else input.removeAttribute("aria-activedescendant");
  }

  function show(suggestions) {
    list.replaceChildren();
    options = suggestions.map((suggestion, index) => {
      const option = document.createElement("li");
      option.id = `${list.id}-${index}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = suggestion.url;
      option.textContent = suggestion.title;
      option.addEventListener("mousedown", (event) => {
        event.preventDefault(); // keep the focus in the box until the page changes
        window.location.assign(suggestion.url);
      });
      list.append(option);
      return option;
    });
    const count = options.length;
    status.textContent = count ? `${count} suggestion${count > 1 ? "s" : ""} disponible${count > 1 ? "s" : ""}.` : "";
    if (count) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      select(-1);
    } else {
      close();
    }
  }

  async function fetchSuggestions() {
    const query = input.value.trim();
    request?.abort(); // a late answer for older text must not reopen the list
    if (query.length < MIN_LENGTH) return show([]);
    request = new AbortController();
    try {
      const response = await fetch(`${url}?q=${encodeURIComponent(query)}`, { signal: request.signal });
      if (response.ok) show((await response.json()).suggestions);
    } catch (error) {
      if (error.name !== "AbortError") close(); // the search form still works without suggestions
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, DELAY_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      select((active + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length) {
      event.preventDefault();
      select(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
      event.preventDefault();
      window.location.assign(options[active].dataset.url);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", close);
}

for (const input of document.querySelectorAll("input[data-suggest-url]")) enhance(input);

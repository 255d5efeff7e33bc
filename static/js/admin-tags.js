// Enter in a tag field adds what was typed, even while the suggestion list is open. The tag widget
// (tag-it) ignores Enter as long as its list is showing, so the word stayed in the field and the next
// one was glued to it (« participationbiodiversité urbaine »). Closing the list first, unless the
// editor picked a suggestion with the arrow keys, lets the widget add the tag as it does otherwise.
document.addEventListener(
    "keydown",
    (event) => {
        const input = event.target;
        if (event.key !== "Enter" || !(input instanceof HTMLInputElement) || !input.closest(".tagit")) {
            return;
        }
        const field = window.jQuery(input);
        const suggestions = field.autocomplete("instance");
        if (suggestions && suggestions.menu.element.is(":visible") && !suggestions.menu.active) {
            field.autocomplete("close");
        }
    },
    true,
);
